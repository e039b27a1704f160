import { Module } from '@nestjs/common';
import { ScoringModule } from '../scoring/scoring.module';
import { AppealsController } from './appeals.controller';
import { AppealsRepository } from './appeals.repository';
import { AppealsService } from './appeals.service';

@Module({ imports: [ScoringModule], controllers: [AppealsController], providers: [AppealsRepository, AppealsService], exports: [AppealsService, AppealsRepository] })
export class AppealsModule {}
