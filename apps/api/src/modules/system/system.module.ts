import { Module } from '@nestjs/common';
import { DemoModule } from '../demo/demo.module';
import { SystemController } from './system.controller';

@Module({ imports: [DemoModule], controllers: [SystemController] })
export class SystemModule {}
