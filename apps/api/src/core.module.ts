import { DynamicModule, Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DATABASE_TARGET } from './database/database.tokens';
import type { DatabaseTarget } from './database/database-target';
import { buildOrmOptions } from './database/orm-options';
import { AuditModule } from './modules/audit/audit.module';
import { SettingsModule } from './modules/settings/settings.module';
import { UsersModule } from './modules/users/users.module';

export interface CoreOptions {
  config: AppConfig;
  target: DatabaseTarget;
}

/** What both entry points share: configuration, the database and the domain modules. */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ config, target }: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        MikroOrmModule.forRoot({ ...buildOrmOptions(target), registerRequestContext: true }),
        AuditModule,
        SettingsModule,
        UsersModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_TARGET, useValue: target },
      ],
      exports: [APP_CONFIG, DATABASE_TARGET, AuditModule, SettingsModule, UsersModule],
    };
  }
}
