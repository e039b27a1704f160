import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScoringModule } from '../scoring/scoring.module';
import { RectificationController } from './rectification.controller';
import { RectificationRepository } from './rectification.repository';
import { RectificationService } from './rectification.service';

@Module({
  imports: [ScoringModule, MasterDataModule, NotificationsModule, AuditModule],
  controllers: [RectificationController],
  providers: [RectificationRepository, RectificationService],
  exports: [RectificationService],
})
export class RectificationModule {}
