import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { LockedCron } from '../../database/locked-cron';
import { RectificationService } from './rectification.service';

export const RECTIFICATION_LOCK = 72_610_040;

/** Thin: every ten minutes, under the advisory lock, each case that has just become overdue is audited and sent to its department once. */
@Injectable()
export class RectificationJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(RectificationJob.name);

  constructor(
    private readonly rectification: RectificationService,
    private readonly cron: LockedCron,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.schedule({
      name: 'rectification-overdue',
      cronTime: '0 */10 * * * *',
      lockId: RECTIFICATION_LOCK,
      failure: 'overdue rectification check failed, will run again',
      work: async () => {
        const overdue = await this.rectification.notifyOverdue();
        if (overdue.length > 0) this.logger.log(`rectification cases overdue: ${overdue.map((c) => `${c.period}/${c.dept}`).join(', ')}`);
      },
    });
  }
}
