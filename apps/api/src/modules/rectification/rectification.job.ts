import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CronJob } from 'cron';
import { JobLock } from '../../database/job-lock';
import { RectificationService } from './rectification.service';

export const RECTIFICATION_LOCK = 72_610_040;
const JOB_NAME = 'rectification-overdue';

/** Thin: every ten minutes, under the advisory lock, each case that has just become overdue is audited and sent to its department once. */
@Injectable()
export class RectificationJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RectificationJob.name);
  private current: Promise<void> | null = null;

  constructor(
    private readonly rectification: RectificationService,
    private readonly lock: JobLock,
    private readonly orm: MikroORM,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: '0 */10 * * * *',
      onTick: () => {
        this.current ??= this.run().finally(() => (this.current = null));
      },
      start: true,
    });
    this.scheduler.addCronJob(JOB_NAME, job);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler.getCronJob(JOB_NAME).stop();
    await this.current;
  }

  async run(): Promise<void> {
    try {
      await this.lock.runExclusive(RECTIFICATION_LOCK, () =>
        RequestContext.create(this.orm.em, async () => {
          const overdue = await this.rectification.notifyOverdue();
          if (overdue.length > 0) this.logger.log(`rectification cases overdue: ${overdue.map((c) => `${c.period}/${c.dept}`).join(', ')}`);
        }),
      );
    } catch (error) {
      this.logger.warn(`overdue rectification check failed, will run again: ${(error as Error).message}`);
    }
  }
}
