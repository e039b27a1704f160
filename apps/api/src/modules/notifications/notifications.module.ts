import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MasterDataModule } from '../master-data/master-data.module';
import { ScoringModule } from '../scoring/scoring.module';
import { SettingsModule } from '../settings/settings.module';
import { TodoModule } from '../todo/todo.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TodoModule, ScoringModule, MasterDataModule, SettingsModule, AuditModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
