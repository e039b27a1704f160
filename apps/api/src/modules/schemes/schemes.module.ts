import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChangesModule } from '../changes/changes.module';
import { ScoringModule } from '../scoring/scoring.module';
import { SchemesController } from './schemes.controller';
import { SchemesService } from './schemes.service';

@Module({ imports: [AuditModule, ChangesModule, ScoringModule], controllers: [SchemesController], providers: [SchemesService], exports: [SchemesService] })
export class SchemesModule {}
