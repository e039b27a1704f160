import { Inject, Injectable } from '@nestjs/common';
import type { LedgerEntry, LedgerSourceKind } from '@app/contracts';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { Db, type Tx } from '../../database/db';
import { DATABASE_TARGET } from '../../database/database.tokens';
import type { DatabaseTarget } from '../../database/database-target';
import type { NormalizedEvent } from './parsing';

export interface AcceptedEvent {
  event: NormalizedEvent;
  line: number;
}

export interface RollupRow {
  day: string;
  dept: string;
  resource: string;
  consumer: string;
  byClass: [number, number, number, number, number];
  latencySum: number;
}

/** Calls per latency bucket for one local day and department (see latency-buckets.ts). */
export interface LatencyRow {
  day: string;
  dept: string;
  hist: number[];
}

export interface QuarantineRow {
  line: number;
  raw: string;
  reason: string;
  /** The CSV file's header columns, so the line can be replayed alone. */
  csvColumns?: readonly string[] | null;
}

export interface LedgerProgress {
  id: number;
  linesDone: number;
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
}

const EVENT_COLUMNS = [
  'id',
  'type',
  'at',
  'dept',
  'resource',
  'records',
  'complete_records',
  'request',
  'requester',
  'decision',
  'reason',
  'objection',
  'raised_by',
  'consumer',
  'status',
  'latency_ms',
  'source',
  'line',
] as const;

const PARTITION_LOCK = 72_610_002;

/**
 * A quarantined line as a text column can hold it: PostgreSQL text has no NUL.
 * NDJSON keeps it as the escape `\u0000`, so a replay reads a NUL again (and
 * refuses it in any field it reads); CSV, which has no escapes, gets U+FFFD.
 */
function storableRaw(raw: string, csv: boolean): string {
  return raw.includes('\u0000') ? raw.replace(/\u0000/g, csv ? '\ufffd' : '\\u0000') : raw;
}

function rawHash(raw: string): string {
  return createHash('sha1').update(raw).digest('hex');
}

/** COPY text format: backslash, tab, newline and carriage return escaped; \N for null. */
function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function eventValues(a: AcceptedEvent, source: string): (string | number | null)[] {
  const e = a.event;
  return [
    e.id,
    e.type,
    new Date(e.at).toISOString(),
    e.dept,
    e.resource ?? null,
    e.records ?? null,
    e.completeRecords ?? null,
    e.request ?? null,
    e.requester ?? null,
    e.decision ?? null,
    e.reason ?? null,
    e.objection ?? null,
    e.raisedBy ?? null,
    e.consumer ?? null,
    e.status ?? null,
    e.latencyMs ?? null,
    source,
    a.line,
  ];
}

/** The only code that writes events, rollups, quarantine and the ingest ledger. */
@Injectable()
export class IngestRepository {
  private readonly knownPartitions = new Set<string>();
  private savepoints = 0;

  constructor(
    private readonly db: Db,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Runs `work` inside a savepoint of the batch transaction: when it fails, only its own
   * statements are undone and the transaction goes on.
   */
  async savepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
    const name = `ingest_sp_${++this.savepoints}`;
    await tx.execute(`savepoint ${name}`);
    try {
      const result = await work();
      await tx.execute(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await tx.execute(`rollback to savepoint ${name}`);
      throw error;
    }
  }

  /** Monthly partitions (UTC months) of the event table for these instants, created once. */
  async ensurePartitions(instants: Iterable<number>): Promise<void> {
    const missing = new Set<string>();
    for (const ms of instants) {
      const d = new Date(ms);
      const key = `${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      if (!this.knownPartitions.has(key)) missing.add(key);
    }
    if (missing.size === 0) return;
    await this.db.transaction(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [PARTITION_LOCK]);
      for (const key of missing) {
        const [y, m] = key.split('_').map(Number);
        const from = new Date(Date.UTC(y, m - 1, 1)).toISOString();
        const to = new Date(Date.UTC(y, m, 1)).toISOString();
        const name = `event_p${key}`;
        await tx.execute(`create table if not exists ${name} partition of event for values from ('${from}') to ('${to}')`);
      }
    });
    for (const key of missing) this.knownPartitions.add(key);
  }

  /**
   * Claims event ids: inserts the ids not stored yet and returns them, with
   * the stored content hash of every id that was already there. Ids are
   * inserted in sorted order so concurrent ingests lock rows alike and never
   * deadlock; a concurrent insert of the same id waits for the other commit.
   */
  async claimIds(tx: Tx, firsts: { id: string; hash: string; at: number }[]): Promise<{ inserted: Set<string>; stored: Map<string, string> }> {
    const sorted = [...firsts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const claimed = await tx.many<{ id: string }>(
      `insert into event_key (id, content_hash, at)
       select * from unnest(?::text[], ?::text[], ?::timestamptz[]) on conflict (id) do nothing returning id`,
      [sorted.map((f) => f.id), sorted.map((f) => f.hash), sorted.map((f) => new Date(f.at).toISOString())],
    );
    const inserted = new Set<string>(claimed.map((r) => r.id));
    const others = sorted.filter((f) => !inserted.has(f.id)).map((f) => f.id);
    const stored = new Map<string, string>();
    if (others.length > 0) {
      const rows = await tx.many<{ id: string; content_hash: string }>(`select id, content_hash from event_key where id = any(?::text[])`, [others]);
      for (const r of rows) stored.set(r.id, r.content_hash);
    }
    return { inserted, stored };
  }

  async insertEvents(tx: Tx, events: AcceptedEvent[], source: string): Promise<void> {
    if (events.length === 0) return;
    if (this.target.kind === 'postgresql') {
      await this.copyEvents(tx, events, source);
      return;
    }
    // COPY does not work through pglite-socket: batched unnest inserts instead.
    const columns: (string | number | null)[][] = EVENT_COLUMNS.map(() => []);
    for (const a of events) {
      const values = eventValues(a, source);
      for (let i = 0; i < values.length; i++) columns[i].push(values[i]);
    }
    const types = [
      'text',
      'text',
      'timestamptz',
      'text',
      'text',
      'bigint',
      'bigint',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'smallint',
      'float8',
      'text',
      'int',
    ];
    await tx.execute(`insert into event (${EVENT_COLUMNS.join(', ')}) select * from unnest(${types.map((t) => `?::${t}[]`).join(', ')})`, columns);
  }

  private async copyEvents(tx: Tx, events: AcceptedEvent[], source: string): Promise<void> {
    const connection = await tx.connection();
    const lines = events.map((a) => eventValues(a, source).map(copyValue).join('\t') + '\n');
    const copy = connection.query(copyFrom(`copy event (${EVENT_COLUMNS.join(', ')}) from stdin`));
    await pipeline(Readable.from([lines.join('')]), copy);
  }

  async addRollups(tx: Tx, rows: RollupRow[], latency: LatencyRow[]): Promise<void> {
    if (rows.length > 0) {
      rows.sort((a, b) => (a.day + a.dept + a.resource + a.consumer < b.day + b.dept + b.resource + b.consumer ? -1 : 1));
      await tx.execute(
        `insert into api_rollup as r (day, dept, resource, consumer, c1xx, c2xx, c3xx, c4xx, c5xx, latency_sum)
         select * from unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::float8[])
         on conflict (day, dept, resource, consumer) do update set
           c1xx = r.c1xx + excluded.c1xx, c2xx = r.c2xx + excluded.c2xx, c3xx = r.c3xx + excluded.c3xx,
           c4xx = r.c4xx + excluded.c4xx, c5xx = r.c5xx + excluded.c5xx, latency_sum = r.latency_sum + excluded.latency_sum`,
        [
          rows.map((r) => r.day),
          rows.map((r) => r.dept),
          rows.map((r) => r.resource),
          rows.map((r) => r.consumer),
          ...[0, 1, 2, 3, 4].map((i) => rows.map((r) => r.byClass[i])),
          rows.map((r) => r.latencySum),
        ],
      );
    }
    if (latency.length > 0) {
      latency.sort((a, b) => (a.day + a.dept < b.day + b.dept ? -1 : 1));
      await tx.execute(
        `insert into api_latency_day as l (day, dept, latency_hist)
         select day, dept, h::bigint[] from unnest(?::date[], ?::text[], ?::text[]) as u(day, dept, h)
         on conflict (day, dept) do update set
           latency_hist = (select array_agg(a + b order by i) from unnest(l.latency_hist, excluded.latency_hist) with ordinality as t(a, b, i))`,
        // One array literal per row: a JS array of arrays would arrive as a single 2-D array that unnest flattens.
        [latency.map((l) => l.day), latency.map((l) => l.dept), latency.map((l) => `{${l.hist.join(',')}}`)],
      );
    }
  }

  /** The same raw line at the same line of the same source is stored once and counted again. */
  async quarantine(tx: Tx, source: string, rows: QuarantineRow[]): Promise<void> {
    if (rows.length === 0) return;
    const withHash = rows
      .map((r) => ({
        ...r,
        hash: rawHash(r.raw),
        raw: storableRaw(r.raw, !!r.csvColumns),
        reason: r.reason.replace(/\u0000/g, '\ufffd'),
        csvColumns: r.csvColumns?.map((c) => c.replace(/\u0000/g, '\ufffd')),
      }))
      .sort((a, b) => a.line - b.line || (a.hash < b.hash ? -1 : 1));
    await tx.execute(
      `insert into quarantine as q (source, line, raw, raw_hash, reason, csv_columns)
       select ?, * from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::jsonb[])
       on conflict (source, line, raw_hash) do update set times = q.times + 1, last_at = now(), reason = excluded.reason`,
      [
        source,
        withHash.map((r) => r.line),
        withHash.map((r) => r.raw),
        withHash.map((r) => r.hash),
        withHash.map((r) => r.reason),
        withHash.map((r) => (r.csvColumns ? JSON.stringify(r.csvColumns) : null)),
      ],
    );
  }

  // ---- the ledger: one entry per ingested file or request body ----

  /**
   * The entry an ingest reports to. With a fingerprint (inbox files) the entry of that content
   * is reused, so a renamed copy is not ingested twice and a crashed run resumes where its
   * last batch committed; without one every ingest gets a new entry.
   */
  async ledgerStart(entry: { kind: LedgerSourceKind; name: string; size: number | null; fingerprint?: string }): Promise<LedgerProgress & { status: string }> {
    const r = await this.db.one<{
      id: string;
      status: string;
      lines_done: number;
      read: number;
      accepted: number;
      duplicates: number;
      quarantined: number;
    }>(
      `insert into ingest_file (source_kind, fingerprint, name, size, status) values (?, ?, ?, ?, 'processing')
       on conflict (fingerprint) do update set name = excluded.name,
         status = case when ingest_file.status = 'done' then 'done' else 'processing' end,
         error = case when ingest_file.status = 'done' then ingest_file.error end
       returning id, status, lines_done, read, accepted, duplicates, quarantined`,
      [entry.kind, entry.fingerprint ?? null, entry.name, entry.size],
    );
    if (!r) throw new Error(`ingest ledger: no entry for ${entry.name}`);
    return {
      id: Number(r.id),
      status: r.status,
      linesDone: r.lines_done,
      read: r.read,
      accepted: r.accepted,
      duplicates: r.duplicates,
      quarantined: r.quarantined,
    };
  }

  async ledgerProgress(tx: Tx, p: LedgerProgress): Promise<void> {
    await tx.execute(`update ingest_file set lines_done = ?, read = ?, accepted = ?, duplicates = ?, quarantined = ? where id = ?`, [
      p.linesDone,
      p.read,
      p.accepted,
      p.duplicates,
      p.quarantined,
      p.id,
    ]);
  }

  async ledgerFinish(id: number, status: 'done' | 'failed', error: string | null = null): Promise<void> {
    await this.db.execute(`update ingest_file set status = ?, error = ?, finished_at = now() where id = ?`, [status, error, id]);
  }

  async ledger(limit: number, offset: number): Promise<LedgerEntry[]> {
    const rows = await this.db.many<Omit<LedgerEntry, 'id' | 'started_at' | 'finished_at'> & { id: string; started_at: Date; finished_at: Date | null }>(
      `select id, source_kind, fingerprint, name, size, status, lines_done, read, accepted, duplicates, quarantined, error, started_at, finished_at
       from ingest_file order by started_at desc, id desc limit ? offset ?`,
      [limit, offset],
    );
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      started_at: new Date(r.started_at).toISOString(),
      finished_at: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    }));
  }
}
