import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { ScoringModule } from '../scoring/scoring.module';
import { TodoController } from './todo.controller';
import { TodoService } from './todo.service';

@Module({ imports: [ScoringModule, MasterDataModule], controllers: [TodoController], providers: [TodoService], exports: [TodoService] })
export class TodoModule {}
