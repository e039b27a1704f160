import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, FEATURE_MODULES, type CoreOptions } from './core.module';

/** The command line's application context: the core and the features without HTTP, schedules or the dashboard. */
@Module({})
export class CliModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: CliModule, imports: [CoreModule.forRoot(options), ...FEATURE_MODULES] };
  }
}
