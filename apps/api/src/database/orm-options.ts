import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Options } from '@mikro-orm/core';
import type { DatabaseTarget } from './database-target';
import { migrationsList } from '../migrations';
import { ENTITIES } from './entities';

export function buildOrmOptions(target: DatabaseTarget): Options {
  return defineConfig({
    ...target.connection,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList, snapshot: false, silent: true, transactional: true, allOrNothing: true, tableName: 'mikro_orm_migrations' },
    pool: { min: 0, max: target.poolMax },
    debug: false,
    allowGlobalContext: false,
    ensureDatabase: false,
    discovery: { warnWhenNoEntities: false },
  });
}
