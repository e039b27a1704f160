import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { RectificationModule } from '../rectification/rectification.module';
import { ScoringModule } from '../scoring/scoring.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [AuditModule, MasterDataModule, ScoringModule, RectificationModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
