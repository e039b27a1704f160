import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { closeWhenBodyUnread, jsonBody, JsonBodyInterceptor } from './common/raw-body';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule, WEB_DIST } from './app.module';
import { HASHED_ASSETS_ROUTE, serveHashedAssets } from './common/web-assets';
import { HttpErrorFilter } from './common/http-exception.filter';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { prepareDatabase } from './database/prepare-database';
import { UsersService } from './modules/users/users.service';
import { APP_VERSION } from './version';

const RAW_BODY_ROUTES = /^\/api\/(ingest|master-data\/[^/]+)\/?$/;
const LOGIN_ROUTE = /^\/api\/auth\/login\/?$/;
const LOGIN_BODY_LIMIT_BYTES = 4 * 1024;

export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const target = await prepareDatabase(config, 'server');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, target }), { bufferLogs: true, bodyParser: false });
  // No body is read before the guards ran (access.md): JSON bodies are parsed by an interceptor, which runs
  // after them, and the upload routes read theirs in the handler. Login alone is read first, small and uncompressed.
  app.use(closeWhenBodyUnread);
  const parseLogin = jsonBody(LOGIN_BODY_LIMIT_BYTES, '4 KiB', false);
  app.use((req: Request, res: Response, next: NextFunction) => (LOGIN_ROUTE.test(req.path) ? parseLogin(req, res, next) : next()));
  app.useGlobalInterceptors(new JsonBodyInterceptor(2 * 1024 * 1024, '2 MB', RAW_BODY_ROUTES));
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
  if (existsSync(WEB_DIST)) app.use(HASHED_ASSETS_ROUTE, serveHashedAssets(WEB_DIST));
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

/** Reads the configuration, opens the database and listens: what `npm start` (scripts/start.cjs) runs. */
export async function startServer(): Promise<void> {
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
  startServer().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
