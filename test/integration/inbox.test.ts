import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { EntityManager } from '@mikro-orm/postgresql';
import { JobLock } from '../../apps/api/src/database/job-lock';
import { LockedCron, type LockedCronSpec } from '../../apps/api/src/database/locked-cron';
import { sql } from '../../apps/api/src/database/sql';
import { InboxService } from '../../apps/api/src/modules/ingest/inbox.service';
import { IngestService } from '../../apps/api/src/modules/ingest/ingest.service';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { EXAMPLE_DIR, loadExampleThroughCli } from './support/example';
import { startTestApp, type TestApp } from './support/test-app';

const kinds = databaseKinds();

/** NDJSON interface calls of the worked example's MSA, ids from..to-1, one a second through October. */
function calls(from: number, to: number): string {
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    const at = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString();
    lines.push(
      JSON.stringify({
        id: `call-${i}`,
        type: 'api.called',
        at,
        dept: 'MSA',
        resource: 'MSA-ENT',
        consumer: 'PSB',
        status: i % 10 === 0 ? 503 : 200,
        latency_ms: i % 97,
      }),
    );
  }
  return lines.join('\n') + '\n';
}

async function count(t: TestApp, query: string): Promise<number> {
  const { rows } = await sql<{ n: string }>(t.app.get(EntityManager).getKnex(), query);
  return Number(rows[0].n);
}

/** Makes a file look settled (written a while ago), as the inbox requires. */
function settle(path: string): void {
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

describe.each(kinds)('the inbox on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let inbox: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await loadExampleThroughCli(db);
    inbox = mkdtempSync(join(tmpdir(), 'dsa-inbox-'));
    t = await startTestApp(db, { INGEST_INBOX_DIR: inbox, INGEST_INBOX_CRON: '0 0 1 1 *' });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('processes each file once by content, moves it aside, and skips unsettled files', async () => {
    const service = t.app.get(InboxService);
    copyFileSync(join(EXAMPLE_DIR, 'events.ndjson'), join(inbox, 'a.ndjson'));
    writeFileSync(join(inbox, 'fresh.ndjson'), calls(0, 1));
    settle(join(inbox, 'a.ndjson'));
    const first = await service.processInbox();
    expect(first).toEqual([{ file: 'a.ndjson', status: 'done', read: 127, accepted: 0, duplicates: 122, quarantined: 5 }]);
    expect(readdirSync(join(inbox, 'done')).some((n) => n.endsWith('a.ndjson'))).toBe(true);
    expect(existsSync(join(inbox, 'fresh.ndjson'))).toBe(true);

    copyFileSync(join(EXAMPLE_DIR, 'events.ndjson'), join(inbox, 'renamed-copy.ndjson'));
    settle(join(inbox, 'renamed-copy.ndjson'));
    const second = await service.processInbox();
    expect(second.find((r) => r.file === 'renamed-copy.ndjson')).toMatchObject({ status: 'done', read: 127 });
    // The renamed copy has the same content: one ledger entry, nothing ingested twice.
    const ledger = await sql<{ name: string; status: string }>(
      t.app.get(EntityManager).getKnex(),
      `select name, status from ingest_file where source_kind = 'inbox'`,
    );
    expect(ledger.rows).toEqual([{ name: 'renamed-copy.ndjson', status: 'done' }]);
    expect(existsSync(join(inbox, 'fresh.ndjson'))).toBe(true);
  });

  it('resumes a file after a crash mid-file without losing or repeating a line', async () => {
    const content = calls(100, 24_100);
    const path = join(inbox, 'big.ndjson');
    writeFileSync(path, content);
    settle(path);
    const fingerprint = createHash('sha256').update(content).digest('hex');
    const callsBefore = await count(t, `select coalesce(sum(c2xx + c5xx), 0) as n from api_rollup where consumer = 'PSB'`);
    // The first run dies after ~15,000 lines: one batch of 10,000 has committed, the second cannot.
    const cut = content.slice(0, content.indexOf('"call-15100"'));
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from(cut);
        throw new Error('disk unplugged');
      })(),
    );
    await expect(
      t.app.get(IngestService).ingest(failing, { source: 'big.ndjson', format: 'ndjson', via: 'inbox', fingerprint, size: content.length }),
    ).rejects.toThrow(/disk unplugged/);
    expect(await count(t, `select count(*) as n from event where id like 'call-%'`)).toBe(10_000);

    const results = await t.app.get(InboxService).processInbox();
    expect(results.find((r) => r.file === 'big.ndjson')).toEqual({
      file: 'big.ndjson',
      status: 'done',
      read: 24_000,
      accepted: 24_000,
      duplicates: 0,
      quarantined: 0,
    });
    expect(await count(t, `select count(*) as n from event where id like 'call-%'`)).toBe(24_000);
    expect(await count(t, `select sum(c2xx + c5xx) as n from api_rollup where consumer = 'PSB'`)).toBe(callsBefore + 24_000);
  });

  it('runs a scheduled job on its ticks, one run at a time under its lock, and leaves a failed run to the next tick', async () => {
    const cron = t.app.get(LockedCron);
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const spec: LockedCronSpec = {
      name: 'test-held',
      cronTime: '0 0 1 1 *',
      lockId: 72_619_998,
      failure: 'test run failed',
      work: async () => {
        runs++;
        await gate;
      },
    };
    const first = cron.run(spec);
    expect(cron.run(spec)).toBe(first);
    await vi.waitFor(() => expect(runs).toBe(1));
    await expect(t.app.get(JobLock).runExclusive(spec.lockId, async () => undefined)).resolves.toBe(false);
    release();
    await first;
    expect(runs).toBe(1);
    await expect(cron.run({ ...spec, work: () => Promise.reject(new Error('boom')) })).resolves.toBeUndefined();
    await cron.run(spec);
    expect(runs).toBe(2);

    let ticks = 0;
    cron.schedule({ ...spec, name: 'test-ticking', cronTime: '* * * * * *', work: async () => void ticks++ });
    await vi.waitFor(() => expect(ticks).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
  });

  it.runIf(kind === 'postgresql')('two instances ingesting overlapping files neither lose nor duplicate a line', async () => {
    const other = await startTestApp(db);
    try {
      const a = calls(30_000, 38_000);
      const b = calls(34_000, 42_000);
      const [ra, rb] = await Promise.all([
        t.app.get(IngestService).ingest(Readable.from([Buffer.from(a)]), { source: 'a.ndjson', format: 'ndjson', via: 'cli' }),
        other.app.get(IngestService).ingest(Readable.from([Buffer.from(b)]), { source: 'b.ndjson', format: 'ndjson', via: 'cli' }),
      ]);
      expect(ra.accepted + rb.accepted).toBe(12_000);
      expect(ra.duplicates + rb.duplicates).toBe(4_000);
      expect(ra.quarantined + rb.quarantined).toBe(0);
      expect(await count(t, `select count(*) as n from event where id >= 'call-30000' and id < 'call-42000' and length(id) = 10`)).toBe(12_000);
      expect(await count(t, `select count(*) as n from event_key where id >= 'call-30000' and id < 'call-42000' and length(id) = 10`)).toBe(12_000);
    } finally {
      await other.close();
    }
  });
});
