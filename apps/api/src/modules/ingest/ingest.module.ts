import { Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { rawBody } from '../../common/raw-body';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
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
export class IngestModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    const limitMb = this.config.INGEST_MAX_BODY_MB;
    consumer
      .apply(rawBody(limitMb * 1024 * 1024, `${limitMb} MB (INGEST_MAX_BODY_MB)`))
      .forRoutes({ path: 'ingest', method: RequestMethod.POST });
  }
}
