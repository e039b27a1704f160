import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobLock } from '../../database/job-lock';
import { NotificationsService } from './notifications.service';

export const NOTIFY_LOCK = 72_610_050;
const JOB_NAME = 'notify-daily';

/** Thin: at NOTIFY_DAILY_AT local time, under the advisory lock, send the day's to-dos and digests (the service skips days off). */
@Injectable()
export class NotifyJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotifyJob.name);
  private current: Promise<void> | null = null;

  constructor(
    private readonly notifications: NotificationsService,
    private readonly lock: JobLock,
    private readonly orm: MikroORM,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const [hour, minute] = this.config.NOTIFY_DAILY_AT.split(':').map(Number);
    const job = CronJob.from({
      cronTime: `0 ${minute} ${hour} * * *`,
      timeZone: this.config.ASSESSMENT_TIME_ZONE,
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
      await this.lock.runExclusive(NOTIFY_LOCK, () =>
        RequestContext.create(this.orm.em, async () => {
          const counts = await this.notifications.sendWarnings();
          if (counts.sent + counts.failed > 0) this.logger.log(`daily messages: ${JSON.stringify(counts)}`);
        }),
      );
    } catch (error) {
      this.logger.warn(`daily messages failed, will run again tomorrow: ${(error as Error).message}`);
    }
  }
}
