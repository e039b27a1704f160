import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { LockedCron } from '../../database/locked-cron';
import { AuditService } from './audit.service';

export const AUDIT_PURGE_LOCK = 72_610_060;

/** Thin: daily, under the advisory lock, purge the audit entries past AUDIT_RETENTION_DAYS. */
@Injectable()
export class AuditPurgeJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditPurgeJob.name);

  constructor(
    private readonly audit: AuditService,
    private readonly cron: LockedCron,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.schedule({
      name: 'audit-purge',
      cronTime: this.config.AUDIT_PURGE_CRON,
      lockId: AUDIT_PURGE_LOCK,
      failure: 'audit purge failed, will run again at the next tick',
      work: async () => {
        const deleted = await this.audit.purge();
        if (deleted > 0) this.logger.log(`audit purge: ${deleted} entries older than ${this.config.AUDIT_RETENTION_DAYS} days deleted`);
      },
    });
  }
}
