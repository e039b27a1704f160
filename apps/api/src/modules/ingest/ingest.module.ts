import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChangesModule } from '../changes/changes.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { ApiKeyGuard } from './api-key.guard';
import { IngestController } from './ingest.controller';
import { IngestRepository } from './ingest.repository';
import { IngestService } from './ingest.service';
import { InboxService } from './inbox.service';
import { QuarantineRepository } from './quarantine.repository';
import { QuarantineService } from './quarantine.service';
import { SourcesRepository } from './sources.repository';
import { SourcesService } from './sources.service';

@Module({
  imports: [AuditModule, ChangesModule, MasterDataModule],
  controllers: [IngestController],
  providers: [IngestRepository, IngestService, QuarantineRepository, QuarantineService, SourcesRepository, SourcesService, ApiKeyGuard, InboxService],
  exports: [IngestService, QuarantineService, SourcesService, InboxService],
})
export class IngestModule {}
