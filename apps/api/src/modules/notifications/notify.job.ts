import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LockedCron } from '../../database/locked-cron';
import { NotificationsService } from './notifications.service';

export const NOTIFY_LOCK = 72_610_050;

/** Thin: at NOTIFY_DAILY_AT local time, under the advisory lock, send the day's to-dos and digests (the service skips days off). */
@Injectable()
export class NotifyJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotifyJob.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly cron: LockedCron,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const [hour, minute] = this.config.NOTIFY_DAILY_AT.split(':').map(Number);
    this.cron.schedule({
      name: 'notify-daily',
      cronTime: `0 ${minute} ${hour} * * *`,
      timeZone: this.config.ASSESSMENT_TIME_ZONE,
      lockId: NOTIFY_LOCK,
      failure: 'daily messages failed, will run again tomorrow',
      work: async () => {
        const counts = await this.notifications.sendWarnings();
        if (counts.sent + counts.failed > 0) this.logger.log(`daily messages: ${JSON.stringify(counts)}`);
      },
    });
  }
}
