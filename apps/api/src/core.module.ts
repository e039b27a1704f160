import { DynamicModule, Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { UploadBodies } from './common/upload-body';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DATABASE_TARGET } from './database/database.tokens';
import { Db } from './database/db';
import type { DatabaseTarget } from './database/database-target';
import { JobLock } from './database/job-lock';
import { buildOrmOptions } from './database/orm-options';
import { AppealsModule } from './modules/appeals/appeals.module';
import { AuditModule } from './modules/audit/audit.module';
import { DemoModule } from './modules/demo/demo.module';
import { ChangesModule } from './modules/changes/changes.module';
import { IngestModule } from './modules/ingest/ingest.module';
import { MasterDataModule } from './modules/master-data/master-data.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PublicationModule } from './modules/publication/publication.module';
import { RectificationModule } from './modules/rectification/rectification.module';
import { ReportsModule } from './modules/reports/reports.module';
import { InsightsModule } from './modules/insights/insights.module';
import { SchemesModule } from './modules/schemes/schemes.module';
import { ScoringModule } from './modules/scoring/scoring.module';
import { SettingsModule } from './modules/settings/settings.module';
import { TodoModule } from './modules/todo/todo.module';
import { UsersModule } from './modules/users/users.module';

export interface CoreOptions {
  config: AppConfig;
  target: DatabaseTarget;
}

/**
 * The infrastructure both entry points share: configuration, the database
 * target, the ORM connection, the Db query helper and the job lock. Global because every module
 * needs them; it holds no domain code.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ config, target }: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [MikroOrmModule.forRoot({ ...buildOrmOptions(target), registerRequestContext: true })],
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: DATABASE_TARGET, useValue: target }, Db, JobLock, UploadBodies],
      exports: [APP_CONFIG, DATABASE_TARGET, Db, JobLock, UploadBodies],
    };
  }
}

/** The domain modules both entry points register; each imports the modules it uses itself. */
export const FEATURE_MODULES = [
  AuditModule,
  ChangesModule,
  SettingsModule,
  UsersModule,
  MasterDataModule,
  IngestModule,
  ScoringModule,
  AppealsModule,
  SchemesModule,
  PublicationModule,
  InsightsModule,
  DemoModule,
  ReportsModule,
  TodoModule,
  NotificationsModule,
  RectificationModule,
];
