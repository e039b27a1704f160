import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { ScoringModule } from '../scoring/scoring.module';
import { PublicationController } from './publication.controller';

/** Publishing and re-opening periods: scoring freezes the record, reports keeps its files. */
@Module({ imports: [ScoringModule, ReportsModule], controllers: [PublicationController] })
export class PublicationModule {}
