import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChangesModule } from '../changes/changes.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { ScoresController } from './scores.controller';
import { ScoresViewService } from './scores-view.service';
import { ScoringRepository } from './scoring.repository';
import { ScoringService } from './scoring.service';
import { SnapshotsRepository } from './snapshots.repository';

@Module({
  imports: [AuditModule, ChangesModule, MasterDataModule],
  controllers: [ScoresController],
  providers: [ScoringRepository, SnapshotsRepository, ScoringService, ScoresViewService],
  exports: [ScoringService, ScoresViewService],
})
export class ScoringModule {}
