import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Options } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import type { DatabaseTarget } from './database-target';
import { migrationsList } from '../migrations';

/**
 * PostgreSQL: a new connection that the server does not complete within
 * CONNECT_TIMEOUT_MS fails (the server is down or unreachable), and a
 * request waits at most ACQUIRE_TIMEOUT_MS for a pooled connection, so
 * during an outage requests fail fast with 503 instead of queueing for
 * knex's default minute. The embedded database is in the process and
 * serves one connection at a time: the defaults stay.
 */
const CONNECT_TIMEOUT_MS = 3_000;
const ACQUIRE_TIMEOUT_MS = 5_000;

const knexLogger = new Logger('Database');

export function buildOrmOptions(target: DatabaseTarget): Options {
  const postgres = target.kind === 'postgresql';
  return defineConfig({
    ...target.connection,
    // No entities: repositories run SQL through Db; MikroORM keeps the connection, migrations and request context.
    entities: [],
    extensions: [Migrator],
    migrations: { migrationsList, snapshot: false, silent: true, transactional: true, allOrNothing: true, tableName: 'mikro_orm_migrations' },
    pool: { min: 0, max: target.poolMax, ...(postgres ? { acquireTimeoutMillis: ACQUIRE_TIMEOUT_MS, createTimeoutMillis: CONNECT_TIMEOUT_MS + 1_000 } : {}) },
    driverOptions: {
      ...(postgres ? { connection: { connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true } } : {}),
      // knex reports dropped connections with console.warn; keep them in the application log.
      log: {
        warn: (message: unknown) => knexLogger.warn(String(message)),
        error: (message: unknown) => knexLogger.error(String(message)),
        deprecate: (message: unknown) => knexLogger.warn(String(message)),
        debug: (message: unknown) => knexLogger.debug(String(message)),
      },
    },
    debug: false,
    allowGlobalContext: false,
    ensureDatabase: false,
    discovery: { warnWhenNoEntities: false },
  });
}
