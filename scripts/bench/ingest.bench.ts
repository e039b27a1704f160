import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CN_CALENDAR_2025_2026, writeCityFiles } from '../../apps/api/src/modules/demo/generator';
import { cli, freshDatabase, log, ndjsonToCopyFile, psql, timed } from './bench-support';

/**
 * Issue 3: the project's `ingest` against `psql \copy` of the same rows into
 * an equivalent table with a primary key on id, on real PostgreSQL.
 */
export async function benchIngest(events: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const db = await freshDatabase('bench_ingest');
  try {
    log(`ingest: generating ${events} events`);
    const written = await writeCityFiles(dir, {
      seed: 7,
      endMonth: '2026-10',
      months: 12,
      targetEvents: events,
      mix: 'benchmark',
      calendar: CN_CALENDAR_2025_2026,
    });
    const eventFiles = written.files.filter((f) => f.kind === 'events').map((f) => f.path);
    const lines = written.counts.events.lines;
    for (const kind of ['departments', 'catalog', 'calendar'] as const) await cli(['import', kind, join(dir, `${kind}.csv`)], db.url);
    log(`ingest: project ingest of ${lines} lines`);
    const ingest = await cli(['ingest', ...eventFiles], db.url);
    const accepted = ingest.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { accepted: number })
      .reduce((a, r) => a + r.accepted, 0);

    const copyFile = join(dir, 'events.copy');
    const rows = await ndjsonToCopyFile(eventFiles, copyFile);
    psql(
      db.url,
      `create table bench_copy (id varchar(128) primary key, type varchar(24) not null, at timestamptz not null, dept varchar(32) not null,
        resource text, records bigint, complete_records bigint, request text, requester varchar(32), decision varchar(8), reason text,
        objection text, raised_by varchar(32), consumer varchar(32), status smallint, latency_ms double precision)`,
    );
    log(`ingest: psql \\copy of ${rows} rows`);
    const copy = await timed('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy bench_copy from '${copyFile}'`]);
    const ingestRate = Math.round(lines / ingest.seconds);
    const copyRate = Math.round(rows / copy.seconds);
    return {
      benchmark: 'ingest vs psql \\copy (PostgreSQL)',
      lines,
      accepted,
      ingestSeconds: ingest.seconds,
      ingestEventsPerSecond: ingestRate,
      copySeconds: copy.seconds,
      copyEventsPerSecond: copyRate,
      ingestToCopyRatio: Math.round((ingestRate / copyRate) * 1000) / 1000,
      ingestPeakRssMb: ingest.maxRssMb,
    };
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
