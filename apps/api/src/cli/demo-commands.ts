import type { Command } from 'commander';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/app-config';
import { printJson } from './cli-output';

/**
 * `demo reset`: starts over. The embedded database's files are removed (the
 * next `npm start` seeds the demo city again); on PostgreSQL every table of
 * the project is dropped. Refuses while a server holds the embedded database.
 */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('the demo city')
    .command('reset')
    .description('delete all data so the next start seeds the demo city again')
    .option('--yes', 'required on PostgreSQL: confirms dropping every table')
    .action(async (opts: { yes?: boolean }) => {
      const { Client } = await import('pg');
      const { openDatabaseTarget } = await import('../database/database-target');
      const config = loadConfig();
      if (config.DATABASE_URL) {
        if (!opts.yes) throw new Error('demo reset on PostgreSQL drops every table: run again with --yes');
        const client = new Client({ connectionString: config.DATABASE_URL });
        await client.connect();
        try {
          await client.query('drop schema public cascade; create schema public;');
        } finally {
          await client.end();
        }
        printJson({ reset: true, database: 'postgresql' });
        return;
      }
      // Taking the database proves no server holds it; then its files can go.
      const target = await openDatabaseTarget(config, 'server');
      await target.close();
      rmSync(join(resolve(config.DATA_DIR), 'pglite'), { recursive: true, force: true });
      printJson({ reset: true, database: 'embedded' });
    });
}
