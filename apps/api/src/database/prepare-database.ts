import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { openDatabaseTarget, type DatabaseTarget } from './database-target';
import { buildOrmOptions } from './orm-options';

/** Any number that no other advisory lock of the project uses. */
const MIGRATION_LOCK = 72_610_001;

/**
 * Opens the database for this process and brings its schema up to date.
 * Several instances may start together against one PostgreSQL server: an
 * advisory lock lets one migrate while the others wait.
 */
export async function prepareDatabase(config: AppConfig, purpose: 'server' | 'cli'): Promise<DatabaseTarget> {
  const target = await openDatabaseTarget(config, purpose);
  try {
    await migrate(target);
    return target;
  } catch (error) {
    await target.close();
    throw error;
  }
}

async function migrate(target: DatabaseTarget): Promise<void> {
  let lockClient: Client | null = null;
  if ('clientUrl' in target.connection) {
    lockClient = new Client({ connectionString: target.connection.clientUrl, connectionTimeoutMillis: 10_000 });
    lockClient.on('error', () => undefined);
    await lockClient.connect();
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
  }
  const orm = await MikroORM.init({ ...buildOrmOptions(target), pool: { min: 0, max: 1 } });
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close(true);
    if (lockClient) {
      await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await lockClient.end();
    }
  }
}
