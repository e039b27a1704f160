import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ServeStaticModule } from '@nestjs/serve-static';
import { setWebCacheHeaders } from './common/web-assets';
import { LoggerModule, type Params } from 'nestjs-pino';
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

type HttpLogging = Exclude<NonNullable<Params['pinoHttp']>, unknown[]>;

/**
 * One line per request (method, path, status, time) and no request headers: the line is info, and
 * headers carry cookies and tokens. Logs inside a request name only its id. On a terminal the lines
 * are for people (pino-pretty); anywhere else they stay JSON for the log collector.
 */
function httpLogging(level: string): HttpLogging {
  return {
    level,
    quietReqLogger: true,
    quietResLogger: true,
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: (req, res, ms) => `${req.method} ${req.url} ${res.statusCode} ${ms}ms`,
    customErrorMessage: (req, res, error) => `${req.method} ${req.url} ${res.statusCode} ${error.message}`,
    ...(process.stdout.isTTY
      ? {
          transport: {
            target: 'pino-pretty',
            options: {
              colorize: true,
              singleLine: true,
              translateTime: 'SYS:HH:MM:ss',
              ignore: 'pid,hostname,req,res,responseTime,reqId,context',
              messageFormat: '{if context}[{context}] {end}{msg}',
            },
          },
        }
      : {}),
  };
}

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
          pinoHttp: httpLogging(config.LOG_LEVEL),
        }),
        CoreModule.forRoot(options),
        ...FEATURE_MODULES,
        ScheduleModule.forRoot(),
        JobsModule,
        ...(existsSync(WEB_DIST)
          ? [
              ServeStaticModule.forRoot({
                rootPath: WEB_DIST,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { index: 'index.html', setHeaders: setWebCacheHeaders },
              }),
            ]
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
