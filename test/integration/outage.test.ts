import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobLock } from '../../apps/api/src/database/job-lock';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loadExampleOverHttp } from './support/example-http';
import { loginAs, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';
import { portOf, send, type RawRequest } from './support/raw-http';
import { TcpProxy } from './support/tcp-proxy';

/**
 * Issue 5, "Under load and faults", on PostgreSQL: the app reaches a fresh
 * database through a TCP proxy this test controls. While requests run, the
 * proxy cuts every connection and refuses new ones (or swallows them): the
 * requests get 503 quickly, never a 500 and never a hang; when the proxy is
 * back the app recovers by itself, with no restart. And a large ingest does
 * not keep the API from answering from its stored snapshots.
 */

// Under CI=true databaseKinds() already fails when PostgreSQL does not answer; leaving it out on purpose fails too.
const kinds = databaseKinds();
const onPostgres = kinds.includes('postgresql');
if (!onPostgres && process.env.CI === 'true') throw new Error('outage.test.ts needs PostgreSQL under CI=true, but TEST_DB_KINDS leaves it out');
if (!onPostgres) {
  process.stderr.write(
    '\n*** outage.test.ts SKIPPED: PostgreSQL is not reachable (or TEST_DB_KINDS leaves it out); the outage and recovery guarantees are NOT tested ***\n\n',
  );
}

/** No request may take longer than this, outage or not. */
const HANG_LIMIT_MS = 6_000;
/** The app must answer normally again within this of the database's return. */
const RECOVERY_LIMIT_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sample {
  route: string;
  start: number;
  end: number;
  status: number;
  retryAfter?: string;
  message?: unknown;
  error?: string;
}

describe.skipIf(!onPostgres)('database outages on PostgreSQL, through a TCP proxy', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let port: number;
  let leader: string;
  let cab: string;
  let apiKey: string;
  let eventSeq = 0;

  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    const direct = new URL(db.env.DATABASE_URL);
    proxy = await TcpProxy.start(direct.hostname, Number(direct.port || 5432));
    t = await startTestApp(db, {
      DATABASE_URL: proxy.urlFor(db.env.DATABASE_URL),
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'root-password',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      ...(process.env.OUTAGE_LOG ? { LOG_LEVEL: process.env.OUTAGE_LOG } : {}),
    });
    port = portOf(t);
    const loaded = await loadExampleOverHttp(t);
    apiKey = loaded.apiKey;
    const admin = { Authorization: `Bearer ${loaded.adminToken}` };
    await t.http.put('/api/users/leader').set(admin).send({ password: TEST_PASSWORD, role: 'leader' }).expect(200);
    await t.http.put('/api/users/cab').set(admin).send({ password: TEST_PASSWORD, role: 'department', dept: 'CAB' }).expect(200);
    leader = await loginAs(t.http, 'leader', TEST_PASSWORD);
    cab = await loginAs(t.http, 'cab', TEST_PASSWORD);
  });
  afterAll(async () => {
    await proxy?.restore();
    await t?.close();
    await proxy?.close();
    await db?.drop();
  });

  const ingestLine = () =>
    JSON.stringify({
      id: `outage-${++eventSeq}`,
      type: 'api.called',
      at: '2026-10-21T10:00:00+08:00',
      dept: 'MSA',
      resource: 'MSA-ENT',
      consumer: 'PSB',
      status: 200,
      latency_ms: 7,
    });

  const ROUTES: Record<string, () => RawRequest> = {
    scores: () => ({ method: 'GET', path: '/api/scores?period=2026-10', headers: { Authorization: `Bearer ${leader}` } }),
    'scores (department)': () => ({ method: 'GET', path: '/api/scores?period=2026-10', headers: { Authorization: `Bearer ${cab}` } }),
    health: () => ({ method: 'GET', path: '/api/health' }),
    ingest: () => ({ method: 'POST', path: '/api/ingest', headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/x-ndjson' }, body: ingestLine() }),
  };

  /** Requests on every route, one after another per route, until stopped; every answer recorded. */
  function startTraffic(samples: Sample[]): { stop: () => Promise<void> } {
    let running = true;
    const loops = Object.entries(ROUTES).map(async ([route, make]) => {
      while (running) {
        const start = Date.now();
        try {
          const res = await send(port, make(), HANG_LIMIT_MS + 4_000);
          const body = res.json as { message?: unknown } | undefined;
          samples.push({
            route,
            start,
            end: Date.now(),
            status: res.status,
            retryAfter: res.headers['retry-after'] as string | undefined,
            message: body?.message,
          });
        } catch (error) {
          samples.push({ route, start, end: Date.now(), status: 0, error: (error as Error).message });
        }
        await sleep(50);
      }
    });
    return {
      stop: async () => {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  async function answersNormally(): Promise<boolean> {
    const [health, scores] = await Promise.all([send(port, ROUTES.health(), HANG_LIMIT_MS), send(port, ROUTES.scores(), HANG_LIMIT_MS)]);
    return health.status === 200 && scores.status === 200;
  }

  /** Time from the database's return until health and scores both answer 200 again. */
  async function recoveryTime(restoredAt: number): Promise<number> {
    while (Date.now() - restoredAt < RECOVERY_LIMIT_MS + 5_000) {
      if (await answersNormally()) return Date.now() - restoredAt;
      await sleep(200);
    }
    return Infinity;
  }

  async function outage(kind: 'cut' | 'blackhole'): Promise<void> {
    expect(await answersNormally()).toBe(true);
    const samples: Sample[] = [];
    const traffic = startTraffic(samples);
    await sleep(1_000);
    const cutAt = Date.now();
    await (kind === 'cut' ? proxy.cut() : proxy.blackhole());
    // Blackholed, each request waits for the connect timeout (3 s): long enough for a few of them.
    await sleep(kind === 'cut' ? 4_000 : 11_000);
    const restoredAt = Date.now();
    await proxy.restore();
    const recovery = await recoveryTime(restoredAt);
    await sleep(1_000);
    await traffic.stop();

    const show = (s: Sample) => `${s.route}: ${s.status || s.error} after ${s.end - s.start} ms (started ${s.start - cutAt} ms after the ${kind})`;
    // Never a 500, never a hang, never a dropped connection: outage or not.
    expect(samples.filter((s) => s.status === 0 || (s.status >= 500 && s.status !== 503)).map(show)).toEqual([]);
    expect(samples.filter((s) => s.end - s.start > HANG_LIMIT_MS).map(show)).toEqual([]);
    // Requests made during the outage get 503 with Retry-After and the usual error body.
    const during = samples.filter((s) => s.start > cutAt + 100 && s.end < restoredAt);
    for (const route of Object.keys(ROUTES)) {
      const mine = during.filter((s) => s.route === route);
      expect(mine.length, `${route}: requests during the ${kind}`).toBeGreaterThanOrEqual(2);
      expect(mine.filter((s) => s.status !== 503).map(show), `${route} during the ${kind}`).toEqual([]);
      expect(mine.every((s) => typeof s.message === 'string' && s.message.length > 0)).toBe(true);
    }
    expect(during.filter((s) => s.route !== 'health').every((s) => s.retryAfter !== undefined)).toBe(true);
    // Before the outage everything answered normally.
    expect(samples.filter((s) => s.end < cutAt).every((s) => s.status === 200)).toBe(true);
    // Back to normal by itself, no restart, within the limit; then every request succeeds.
    expect(recovery, `recovered ${recovery} ms after the database came back`).toBeLessThan(RECOVERY_LIMIT_MS);
    const after = samples.filter((s) => s.start > restoredAt + recovery);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((s) => s.status !== 200).map(show)).toEqual([]);
    process.stdout.write(
      `outage (${kind}): ${samples.length} requests, ${during.length} during the outage (slowest ${Math.max(...during.map((s) => s.end - s.start))} ms), recovered ${recovery} ms after the database returned\n`,
    );
  }

  it('answers 503 while the connection is cut, and recovers by itself within 10 s of its return', async () => {
    await outage('cut');
  }, 60_000);

  it('answers 503 quickly while the database does not answer at all (packets dropped), and recovers', async () => {
    await outage('blackhole');
  }, 60_000);

  it('keeps the scheduled jobs alive when the connection drops under a held job lock', async () => {
    const lock = t.app.get(JobLock);
    let ran = false;
    const result = lock.runExclusive(72_619_999, async () => {
      ran = true;
      await proxy.cut();
      await sleep(500);
    });
    await expect(result).resolves.toBe(true);
    expect(ran).toBe(true);
    await proxy.restore();
    // While the database does not answer, a job gives up instead of waiting forever.
    await proxy.blackhole();
    const started = Date.now();
    await expect(lock.runExclusive(72_619_999, async () => undefined)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(HANG_LIMIT_MS + 2_000);
    await proxy.restore();
    await expect(lock.runExclusive(72_619_999, async () => undefined)).resolves.toBe(true);
    expect(await answersNormally()).toBe(true);
  }, 30_000);

  /** NDJSON of October interface calls: about 170 bytes a line. */
  function bulkEvents(prefix: string, count: number): Buffer {
    const lines: string[] = [];
    const resources = [
      ['PSB', 'PSB-HH'],
      ['CAB', 'CAB-MAR'],
      ['MSA', 'MSA-ENT'],
    ];
    for (let i = 0; i < count; i++) {
      const [dept, resource] = resources[i % 3];
      const day = 1 + (i % 28);
      const at = `2026-10-${String(day).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+08:00`;
      lines.push(
        JSON.stringify({
          id: `${prefix}-${i}`,
          type: 'api.called',
          at,
          dept,
          resource,
          consumer: dept === 'PSB' ? 'CAB' : 'PSB',
          status: i % 17 === 0 ? 500 : 200,
          latency_ms: i % 300,
        }),
      );
    }
    return Buffer.from(lines.join('\n'));
  }

  it('answers 503 to an ingest cut halfway, and the same body sent again completes it without counting a line twice', async () => {
    expect(await answersNormally()).toBe(true);
    const body = bulkEvents('halfway', 120_000);
    const request: RawRequest = { method: 'POST', path: '/api/ingest', headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/x-ndjson' }, body };
    const pending = send(port, request, 60_000);
    // Cut once the first batches are committed (watched on a direct connection, not through the proxy).
    const direct = new Client({ connectionString: db.env.DATABASE_URL });
    await direct.connect();
    try {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const { rows } = await direct.query<{ n: number }>(`select count(*)::int as n from event_key where id like 'halfway-%'`);
        if (rows[0].n > 0) break;
        await sleep(25);
      }
    } finally {
      await direct.end();
    }
    const cutAt = Date.now();
    await proxy.cut();
    const res = await pending;
    const answeredAfter = Date.now() - cutAt;
    expect(res.status, res.text.slice(0, 300)).toBe(503);
    expect(res.json).toEqual({ statusCode: 503, message: expect.any(String) });
    expect(answeredAfter).toBeLessThan(HANG_LIMIT_MS);
    await sleep(1_000);
    await proxy.restore();
    expect(await recoveryTime(Date.now())).toBeLessThan(RECOVERY_LIMIT_MS);
    const again = await send(port, request, 120_000);
    expect(again.status, again.text.slice(0, 300)).toBe(200);
    const counts = again.json as { read: number; accepted: number; duplicates: number; quarantined: number };
    expect(counts.read).toBe(120_000);
    expect(counts.quarantined).toBe(0);
    expect(counts.accepted + counts.duplicates).toBe(120_000);
    expect(counts.duplicates, 'lines committed before the cut').toBeGreaterThan(0);
    expect(counts.accepted, 'lines the cut kept out').toBeGreaterThan(0);
    process.stdout.write(
      `ingest cut halfway: 503 after ${answeredAfter} ms; resent: ${counts.duplicates} lines were in before the cut, ${counts.accepted} after\n`,
    );
  }, 120_000);

  it('answers from the stored snapshots while a large ingest runs', async () => {
    expect(await answersNormally()).toBe(true);
    // About 25 MB of October interface calls.
    const body = bulkEvents('bulk', 150_000);
    const samples: Sample[] = [];
    let done = false;
    const started = Date.now();
    const ingest = send(
      port,
      { method: 'POST', path: '/api/ingest', headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/x-ndjson' }, body },
      240_000,
    ).finally(() => (done = true));
    const readers = ['scores', 'scores (department)'].map(async (route) => {
      while (!done) {
        const start = Date.now();
        const res = await send(port, ROUTES[route](), 30_000);
        samples.push({ route, start, end: Date.now(), status: res.status });
        await sleep(100);
      }
    });
    const result = await ingest;
    const ingestMs = Date.now() - started;
    await Promise.all(readers);
    expect(result.status, result.text.slice(0, 300)).toBe(200);
    expect(result.json).toMatchObject({ read: 150_000, accepted: 150_000, quarantined: 0 });
    const whileIngesting = samples.filter((s) => s.end <= started + ingestMs);
    expect(whileIngesting.length, `answers during a ${ingestMs} ms ingest`).toBeGreaterThanOrEqual(5);
    expect(whileIngesting.filter((s) => s.status !== 200).map((s) => `${s.route}: ${s.status}`)).toEqual([]);
    const slowest = Math.max(...whileIngesting.map((s) => s.end - s.start));
    expect(slowest).toBeLessThan(HANG_LIMIT_MS);
    process.stdout.write(`ingest of 150000 lines took ${ingestMs} ms; ${whileIngesting.length} score reads meanwhile, slowest ${slowest} ms\n`);
    // And the new events are scored once the ingest is in.
    const after = await t.http.get('/api/scores?period=2026-10').set('Authorization', `Bearer ${leader}`).expect(200);
    const msa = (after.body.departments as { dept: string; counts: { apiSuccess: number } }[]).find((d) => d.dept === 'MSA')!;
    expect(msa.counts.apiSuccess).toBeGreaterThan(80_000);
  }, 300_000);
});
