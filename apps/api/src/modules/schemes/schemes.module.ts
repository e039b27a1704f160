import { Module } from '@nestjs/common';
import { ScoringModule } from '../scoring/scoring.module';
import { SchemesController } from './schemes.controller';
import { SchemesService } from './schemes.service';

@Module({ imports: [ScoringModule], controllers: [SchemesController], providers: [SchemesService] })
export class SchemesModule {}
