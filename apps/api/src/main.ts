import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { jsonBody } from './common/raw-body';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './common/http-exception.filter';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { prepareDatabase } from './database/prepare-database';
import { UsersService } from './modules/users/users.service';
import { APP_VERSION } from './version';

const RAW_BODY_ROUTES = /^\/api\/(ingest|master-data\/[^/]+)\/?$/;

export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const target = await prepareDatabase(config, 'server');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, target }), { bufferLogs: true, bodyParser: false });
  // JSON bodies everywhere except the routes that take files as raw bodies (their modules parse them).
  const parseJson = jsonBody(2 * 1024 * 1024, '2 MB');
  app.use((req: Request, res: Response, next: NextFunction) => (RAW_BODY_ROUTES.test(req.path) ? next() : parseJson(req, res, next)));
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // antd and ECharts set inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          // Served over plain HTTP on an intranet address, upgrading would break every request.
          'upgrade-insecure-requests': null,
        },
      },
      hsts: config.COOKIE_SECURE,
    }),
  );
  app.use(cookieParser());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const closeDatabase = () => target.close();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('政务数据共享绩效考核看板 API')
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .addCookieAuth('access_token')
      .addApiKey({ type: 'apiKey', name: 'X-Api-Key', in: 'header' }, 'ingest-key')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs-json' });

  if (config.ADMIN_USERNAME && config.ADMIN_PASSWORD) {
    await app.get(UsersService).ensureInitialAdmin(config.ADMIN_USERNAME, config.ADMIN_PASSWORD);
  }
  const originalClose = app.close.bind(app);
  app.close = async () => {
    await originalClose();
    await closeDatabase();
  };
  return app;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`Dashboard on http://localhost:${config.PORT} (database: ${config.DATABASE_URL ? 'PostgreSQL' : 'embedded'})`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
