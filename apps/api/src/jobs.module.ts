import { Module } from '@nestjs/common';
import { IngestModule } from './modules/ingest/ingest.module';
import { InboxJob } from './modules/ingest/inbox.job';
import { RecomputeJob } from './modules/scoring/recompute.job';
import { ScoringModule } from './modules/scoring/scoring.module';

/** Scheduled jobs: only the HTTP application runs them, never the CLI. */
@Module({ imports: [IngestModule, ScoringModule], providers: [InboxJob, RecomputeJob] })
export class JobsModule {}
