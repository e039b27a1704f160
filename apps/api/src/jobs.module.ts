import { Module } from '@nestjs/common';
import { EmbeddedCheckpointJob } from './database/embedded-checkpoint.job';
import { LockedCron } from './database/locked-cron';
import { AuditModule } from './modules/audit/audit.module';
import { AuditPurgeJob } from './modules/audit/audit-purge.job';
import { IngestModule } from './modules/ingest/ingest.module';
import { DemoModule } from './modules/demo/demo.module';
import { DemoSeedJob } from './modules/demo/demo-seed.job';
import { InboxJob } from './modules/ingest/inbox.job';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NotifyJob } from './modules/notifications/notify.job';
import { RectificationJob } from './modules/rectification/rectification.job';
import { RectificationModule } from './modules/rectification/rectification.module';
import { RecomputeJob } from './modules/scoring/recompute.job';
import { ScoringModule } from './modules/scoring/scoring.module';

/** Scheduled jobs: only the HTTP application runs them, never the CLI. */
@Module({
  imports: [AuditModule, IngestModule, ScoringModule, DemoModule, NotificationsModule, RectificationModule],
  providers: [LockedCron, EmbeddedCheckpointJob, InboxJob, RecomputeJob, DemoSeedJob, NotifyJob, RectificationJob, AuditPurgeJob],
})
export class JobsModule {}
