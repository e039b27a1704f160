import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT, runCli } from './test-app';
import type { TestDatabase } from './databases';

export const EXAMPLE_DIR = join(REPO_ROOT, 'test/fixtures/example');
export const EXAMPLE_AS_OF = '2026-11-05T00:00:00+08:00';

export function exampleJson<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(EXAMPLE_DIR, name), 'utf8')) as T;
}

/** Imports the example's master data and ingests its events through the real CLI. */
export async function loadExampleThroughCli(db: TestDatabase): Promise<void> {
  for (const kind of ['departments', 'catalog', 'calendar']) {
    const r = await runCli(db, ['import', kind, join(EXAMPLE_DIR, `${kind}.csv`)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }
  const ingest = await runCli(db, ['ingest', join(EXAMPLE_DIR, 'events.ndjson')]);
  expect(ingest.status).toBe(0);
  const [expected] = exampleJson<{ read: number; accepted: number; duplicates: number; quarantined: number }[]>('expected-ingest.json');
  expect(ingest.json).toEqual([{ ...expected, file: join(EXAMPLE_DIR, 'events.ndjson') }]);
}
