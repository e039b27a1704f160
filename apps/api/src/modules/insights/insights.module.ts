import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { ScoringModule } from '../scoring/scoring.module';
import { InsightsController } from './insights.controller';
import { InsightsRepository } from './insights.repository';
import { InsightsService } from './insights.service';

@Module({ imports: [ScoringModule, MasterDataModule], controllers: [InsightsController], providers: [InsightsRepository, InsightsService] })
export class InsightsModule {}
