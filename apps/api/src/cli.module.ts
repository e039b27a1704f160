import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, type CoreOptions } from './core.module';

/** The command line's application context: the core without HTTP, schedules or the dashboard. */
@Module({})
export class CliModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: CliModule, imports: [CoreModule.forRoot(options)] };
  }
}
