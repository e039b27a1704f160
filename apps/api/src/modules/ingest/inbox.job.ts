import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobLock } from '../../database/job-lock';
import { InboxService } from './inbox.service';

export const INBOX_LOCK = 72_610_010;

/** Thin: on the configured schedule, take the lock and let the inbox service work. */
@Injectable()
export class InboxJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(InboxJob.name);
  private current: Promise<void> | null = null;

  constructor(
    private readonly inbox: InboxService,
    private readonly lock: JobLock,
    private readonly orm: MikroORM,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: this.config.INGEST_INBOX_CRON,
      onTick: () => {
        this.current ??= this.run().finally(() => (this.current = null));
      },
      start: true,
    });
    this.scheduler.addCronJob('ingest-inbox', job);
  }

  /** Let a file in progress reach its next committed batch boundary before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler.getCronJob('ingest-inbox').stop();
    await this.current;
  }

  async run(): Promise<void> {
    try {
      await this.lock.runExclusive(INBOX_LOCK, () => RequestContext.create(this.orm.em, () => this.inbox.processInbox().then(() => undefined)));
    } catch (error) {
      this.logger.warn(`inbox run failed, will retry: ${(error as Error).message}`);
    }
  }
}
