import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CronJob } from 'cron';
import { JobLock } from './job-lock';

export interface LockedCronSpec {
  /** The cron job's name in the scheduler registry. */
  name: string;
  cronTime: string;
  /** Local time of `cronTime`; the process's zone when absent. */
  timeZone?: string;
  /** Advisory lock id: one instance runs the work at a time. */
  lockId: number;
  /** Said with the error when a run fails; the next tick runs it again. */
  failure: string;
  work: () => Promise<void>;
}

/**
 * What every scheduled job shares: on its cron schedule, one run at a time per
 * process, under its advisory lock (one instance), in a fresh MikroORM request
 * context; a failed run is logged and left to the next tick; at shutdown the
 * schedules stop and a run in progress finishes before the database closes.
 */
@Injectable()
export class LockedCron implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LockedCron.name);
  private readonly names: string[] = [];
  private readonly current = new Map<string, Promise<void>>();

  constructor(
    private readonly lock: JobLock,
    private readonly orm: MikroORM,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  schedule(spec: LockedCronSpec): void {
    const job = CronJob.from({ cronTime: spec.cronTime, timeZone: spec.timeZone, onTick: () => void this.run(spec), start: true });
    this.scheduler.addCronJob(spec.name, job);
    this.names.push(spec.name);
  }

  /** One run of the job; a tick that finds the previous run still going joins it. */
  run(spec: LockedCronSpec): Promise<void> {
    let running = this.current.get(spec.name);
    if (!running) {
      running = this.runLocked(spec).finally(() => this.current.delete(spec.name));
      this.current.set(spec.name, running);
    }
    return running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.names.map(async (name) => this.scheduler.getCronJob(name).stop()));
    await Promise.all(this.current.values());
  }

  private async runLocked(spec: LockedCronSpec): Promise<void> {
    try {
      await this.lock.runExclusive(spec.lockId, () => RequestContext.create(this.orm.em, spec.work));
    } catch (error) {
      this.logger.warn(`${spec.name}: ${spec.failure}: ${(error as Error).message}`);
    }
  }
}
