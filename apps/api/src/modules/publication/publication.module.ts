import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RectificationModule } from '../rectification/rectification.module';
import { ReportsModule } from '../reports/reports.module';
import { ScoringModule } from '../scoring/scoring.module';
import { PublicationController } from './publication.controller';

/** Publishing and re-opening periods: scoring freezes the record, rectification opens the notice list's cases, reports keeps its files, notifications sends the results. */
@Module({ imports: [ScoringModule, ReportsModule, NotificationsModule, RectificationModule], controllers: [PublicationController] })
export class PublicationModule {}
