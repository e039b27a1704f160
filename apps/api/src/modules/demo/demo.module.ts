import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { IngestModule } from '../ingest/ingest.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { SchemesModule } from '../schemes/schemes.module';
import { ScoringModule } from '../scoring/scoring.module';
import { UsersModule } from '../users/users.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [MasterDataModule, IngestModule, ScoringModule, SchemesModule, AppealsModule, UsersModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
