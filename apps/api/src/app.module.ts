import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { ZodSerializerInterceptor } from 'nestjs-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationPipe } from './common/validation';
import { CoreModule, FEATURE_MODULES, type CoreOptions } from './core.module';
import { JobsModule } from './jobs.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { SystemModule } from './modules/system/system.module';

export const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist');

/** The HTTP application: the core and the features plus logging, schedules and the built dashboard. */
@Module({})
export class AppModule {
  static forRoot(options: CoreOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        CoreModule.forRoot(options),
        ...FEATURE_MODULES,
        ScheduleModule.forRoot(),
        JobsModule,
        ...(existsSync(WEB_DIST)
          ? [ServeStaticModule.forRoot({ rootPath: WEB_DIST, exclude: ['/api/{*path}'], serveStaticOptions: { index: 'index.html' } })]
          : []),
        AuthModule,
        HealthModule,
        SystemModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ValidationPipe },
        // Every response declared with @ZodResponse is parsed by its libs/contracts schema on the way out.
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
      ],
    };
  }
}
