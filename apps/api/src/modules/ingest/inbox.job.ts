import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LockedCron } from '../../database/locked-cron';
import { InboxService } from './inbox.service';

export const INBOX_LOCK = 72_610_010;

/** Thin: on the configured schedule, take the lock and let the inbox service work (a file in progress reaches its next committed batch before shutdown). */
@Injectable()
export class InboxJob implements OnApplicationBootstrap {
  constructor(
    private readonly inbox: InboxService,
    private readonly cron: LockedCron,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.schedule({
      name: 'ingest-inbox',
      cronTime: this.config.INGEST_INBOX_CRON,
      lockId: INBOX_LOCK,
      failure: 'inbox run failed, will retry',
      work: async () => {
        await this.inbox.processInbox();
      },
    });
  }
}
