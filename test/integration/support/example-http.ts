import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { EXAMPLE_DIR, exampleJson } from './example';
import { loginAs, type TestApp } from './test-app';

/**
 * Loads the worked example through the HTTP API (master-data uploads and
 * POST /api/ingest), as an operator and an ingest source would: quicker than
 * the CLI for tests that only need the data. The app must have been started
 * with ADMIN_USERNAME root / ADMIN_PASSWORD root-password.
 */
export async function loadExampleOverHttp(t: TestApp): Promise<{ adminToken: string; apiKey: string }> {
  const adminToken = await loginAs(t.http, 'root', 'root-password');
  const admin = { Authorization: `Bearer ${adminToken}` };
  for (const kind of ['departments', 'catalog', 'calendar']) {
    const res = await t.http
      .post(`/api/master-data/${kind}`)
      .set(admin)
      .set('Content-Type', 'text/csv')
      .send(readFileSync(join(EXAMPLE_DIR, `${kind}.csv`)))
      .expect(201);
    expect(res.body.rejected, `${kind}.csv`).toBe(0);
  }
  const source = await t.http.post('/api/ingest/sources').set(admin).send({ name: 'example-loader' }).expect(201);
  const apiKey = (source.body as { apiKey: string }).apiKey;
  const ingest = await t.http
    .post('/api/ingest')
    .set('X-Api-Key', apiKey)
    .set('Content-Type', 'application/x-ndjson')
    .send(readFileSync(join(EXAMPLE_DIR, 'events.ndjson')))
    .expect(200);
  const [{ read, accepted, duplicates, quarantined }] =
    exampleJson<{ read: number; accepted: number; duplicates: number; quarantined: number }[]>('expected-ingest.json');
  expect(ingest.body).toMatchObject({ read, accepted, duplicates, quarantined });
  return { adminToken, apiKey };
}
