import { Client } from 'pg';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type DatabaseKind = 'embedded' | 'postgresql';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let postgresReachable: boolean | null = null;

/** Synchronous, so test files can choose their databases while vitest collects them. */
function canReachPostgres(): boolean {
  const probe = `const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 2000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe, ADMIN_URL], { timeout: 10_000 }).status === 0;
}

/**
 * The databases the integration tier runs against: the embedded one always,
 * PostgreSQL when it answers. Under CI=true PostgreSQL is required, so a
 * missing server fails the run instead of silently testing less.
 */
export function databaseKinds(): DatabaseKind[] {
  const only = process.env.TEST_DB_KINDS?.split(',').filter((k): k is DatabaseKind => k === 'embedded' || k === 'postgresql');
  if (only?.length) return only;
  postgresReachable ??= canReachPostgres();
  if (postgresReachable) return ['embedded', 'postgresql'];
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI but ${ADMIN_URL} does not answer`);
  process.stderr.write(`\n*** PostgreSQL at ${ADMIN_URL} does not answer: integration tests run on the embedded database only ***\n\n`);
  return ['embedded'];
}

export interface TestDatabase {
  kind: DatabaseKind;
  /** Environment for the app or CLI: DATABASE_URL for PostgreSQL, DATA_DIR for the embedded one. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given kind. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'dsa-embedded-'));
    return { kind, env: { DATA_DIR: dir, DATABASE_URL: '' }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `dsa_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'dsa-pg-'));
  return {
    kind,
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    drop: async () => {
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
