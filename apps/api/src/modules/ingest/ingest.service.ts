import type { LedgerEntry, LedgerSourceKind } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '../../database/db';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { ChangeFeed } from '../changes/change-feed';
import { MasterDataService } from '../master-data/master-data.service';
import { latencyBucket, LATENCY_BUCKETS } from './latency-buckets';
import { LocalDayResolver } from './local-day';
import { IngestRepository, type AcceptedEvent, type LatencyRow, type QuarantineRow, type RollupRow } from './ingest.repository';
import {
  atWindowOf,
  readEventLines,
  validateEvent,
  type ByteInput,
  type EventLine,
  type EventValidationContext,
  type InputFormat,
  type NormalizedEvent,
} from './parsing';

export interface IngestCounts {
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
}

export interface IngestResult extends IngestCounts {
  /** The first quarantined lines, for the sender to act on. */
  rejected: { line: number; reason: string }[];
}

export interface IngestOptions {
  /** File name or HTTP source name: where quarantined lines say they came from, and the ledger entry's name. */
  source: string;
  format: InputFormat;
  gzip?: boolean;
  /** Where the input comes from, for its ledger entry. */
  via: LedgerSourceKind;
  /** The input's size in bytes, when known. */
  size?: number;
  /** Inbox files: the content fingerprint, so a content is ingested once and a crashed run skips the lines it committed. */
  fingerprint?: string;
  onProgress?: (linesRead: number) => void;
}

export interface Candidate {
  line: number;
  text: string;
  csvColumns?: readonly string[];
  event: NormalizedEvent;
  hash: string;
}

export type Outcome = { kind: 'accepted' } | { kind: 'duplicate' } | { kind: 'quarantined'; reason: string };

const BATCH_LINES = 10_000;
const REJECTED_SAMPLE = 20;
const MAX_ATTEMPTS = 4;
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * The reason to quarantine a line with when the database refused what it holds: data exceptions
 * (class 22), integrity constraints (23) and values too large to store (54). Anything else is
 * not the line's doing and gives null.
 */
function lineRefusal(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; previous?: unknown };
    if (typeof e.code === 'string' && /^(22|23|54)/.test(e.code)) {
      const message =
        typeof e.message === 'string'
          ? e.message
              .split('\n')[0]
              .replace(/^.*? - /, '')
              .slice(0, 300)
          : 'a value is not valid';
      return `the database refused the line (${e.code}): ${message}`;
    }
    current = e.cause ?? e.previous;
  }
  return null;
}

export function zeroCounts(): IngestCounts {
  return { read: 0, accepted: 0, duplicates: 0, quarantined: 0 };
}

function addCounts(a: IngestCounts, b: IngestCounts): IngestCounts {
  return { read: a.read + b.read, accepted: a.accepted + b.accepted, duplicates: a.duplicates + b.duplicates, quarantined: a.quarantined + b.quarantined };
}

/**
 * Every line read ends accepted, duplicate or quarantined
 * (accepted + duplicates + quarantined = read), whether it came from a file,
 * the inbox or HTTP. Each batch commits in one transaction with its rollups,
 * quarantine entries and ledger progress, so a crash loses nothing and
 * counts nothing twice.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly repo: IngestRepository,
    private readonly masterData: MasterDataService,
    private readonly changes: ChangeFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every ingest (file or request body), newest first. */
  ledger(limit: number, offset: number): Promise<LedgerEntry[]> {
    return this.repo.ledger(limit, offset);
  }

  async validationContext(): Promise<EventValidationContext> {
    const [departments, owners] = await Promise.all([this.masterData.departmentCodes(), this.masterData.resourceOwners()]);
    return {
      timeZone: this.config.ASSESSMENT_TIME_ZONE,
      departments: (code) => departments.has(code),
      resourceDept: (code) => owners.get(code),
      // Received now: a line stamped before EVENT_AT_EARLIEST or too far ahead is quarantined, so no partition is made for it.
      atWindow: atWindowOf(this.config.EVENT_AT_EARLIEST, this.config.EVENT_AT_MAX_AHEAD_HOURS, Date.now()),
    };
  }

  /**
   * Ingests one file or request body, reporting to its own ledger entry (an inbox file: to the
   * entry of its content, resumed): the counts as each batch commits, then done, or failed with
   * the reason. A database outage leaves the entry processing, to be resumed or retried.
   */
  async ingest(input: ByteInput, opts: IngestOptions): Promise<IngestResult> {
    const start = await this.repo.ledgerStart({ kind: opts.via, name: opts.source, size: opts.size ?? null, fingerprint: opts.fingerprint });
    const counts = { read: start.read, accepted: start.accepted, duplicates: start.duplicates, quarantined: start.quarantined };
    if (start.status === 'done') return { ...counts, rejected: [] };
    try {
      const result = await this.ingestLines(input, opts, start.id, counts, start.linesDone);
      await this.repo.ledgerFinish(start.id, 'done');
      return result;
    } catch (error) {
      // The ingest's own error is the one to report: a ledger that cannot be written now stays processing.
      if (!isDatabaseUnavailable(error)) await this.repo.ledgerFinish(start.id, 'failed', (error as Error).message).catch(() => undefined);
      throw error;
    }
  }

  private async ingestLines(input: ByteInput, opts: IngestOptions, ledgerId: number, resumed: IngestCounts, skipThrough: number): Promise<IngestResult> {
    const ctx = await this.validationContext();
    const days = new LocalDayResolver(this.config.ASSESSMENT_TIME_ZONE);
    let counts = resumed;
    const rejected: IngestResult['rejected'] = [];
    const validationSource = opts.format === 'csv' ? 'csv' : 'json';
    let batch: EventLine[] = [];

    // One batch commits while the next is read and validated: the database and the parser work at the same time.
    let committing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (batch.length === 0) return;
      const lines = batch;
      batch = [];
      const candidates: Candidate[] = [];
      const invalid: QuarantineRow[] = [];
      for (const l of lines) {
        const v = validateEvent(l.record, ctx, validationSource);
        if (v.ok) candidates.push({ line: l.line, text: l.text, csvColumns: l.csvColumns, event: v.event, hash: v.contentHash });
        else invalid.push({ line: l.line, raw: l.text, reason: v.reason, csvColumns: l.csvColumns });
      }
      await committing;
      const before = counts;
      const commit = this.withRetry(async (tx) => {
        const outcomes = await this.storeIsolated(tx, candidates, opts.source, days);
        const conflicts: QuarantineRow[] = [];
        candidates.forEach((c, i) => {
          const o = outcomes[i];
          if (o.kind === 'quarantined') conflicts.push({ line: c.line, raw: c.text, reason: o.reason, csvColumns: c.csvColumns });
        });
        const toQuarantine = [...invalid, ...conflicts].sort((a, b) => a.line - b.line);
        await this.repo.quarantine(tx, opts.source, toQuarantine);
        const tally: IngestCounts = {
          read: lines.length,
          accepted: outcomes.filter((o) => o.kind === 'accepted').length,
          duplicates: outcomes.filter((o) => o.kind === 'duplicate').length,
          quarantined: toQuarantine.length,
        };
        await this.repo.ledgerProgress(tx, { id: ledgerId, linesDone: lines[lines.length - 1].line, ...addCounts(before, tally) });
        return { tally, quarantined: toQuarantine };
      }, candidates);
      committing = commit.then(({ tally, quarantined }) => {
        counts = addCounts(counts, tally);
        for (const q of quarantined) {
          if (rejected.length >= REJECTED_SAMPLE) break;
          rejected.push({ line: q.line, reason: q.reason });
        }
        opts.onProgress?.(counts.read);
      });
      // Keep a failure observed now; it is thrown where the next batch (or the end) awaits it.
      committing.catch(() => undefined);
    };

    try {
      for await (const line of readEventLines(input, { format: opts.format, gzip: opts.gzip })) {
        if (line.line <= skipThrough) continue;
        batch.push(line);
        if (batch.length >= BATCH_LINES) await flush();
      }
      await flush();
    } catch (error) {
      // The input failed: let the batch in flight commit (or fail) before reporting, so the ledger says where to resume.
      await committing.catch(() => undefined);
      throw error;
    }
    await committing;
    return { ...counts, rejected };
  }

  /**
   * Stores valid events, deciding each one's outcome: the first line of an
   * id not stored yet is accepted; a line whose id is stored (or taken by an
   * earlier line) is a duplicate when its content is the same, else
   * quarantined. Accepted interface calls are added to the daily rollups in
   * the same transaction, so each is counted exactly once.
   */
  async store(tx: Tx, candidates: Candidate[], source: string, days: LocalDayResolver): Promise<Outcome[]> {
    if (candidates.length === 0) return [];
    const firstIndex = new Map<string, number>();
    candidates.forEach((c, i) => {
      if (!firstIndex.has(c.event.id)) firstIndex.set(c.event.id, i);
    });
    const firsts = [...firstIndex.values()].map((i) => ({ id: candidates[i].event.id, hash: candidates[i].hash, at: candidates[i].event.at }));
    const { inserted, stored } = await this.repo.claimIds(tx, firsts);
    const accepted: AcceptedEvent[] = [];
    const outcomes = candidates.map((c, i): Outcome => {
      const id = c.event.id;
      if (inserted.has(id) && firstIndex.get(id) === i) {
        accepted.push({ event: c.event, line: c.line });
        return { kind: 'accepted' };
      }
      const reference = inserted.has(id) ? candidates[firstIndex.get(id)!].hash : stored.get(id);
      return c.hash === reference ? { kind: 'duplicate' } : { kind: 'quarantined', reason: `id "${id}" already stored with different content` };
    });
    if (accepted.length > 0) {
      await this.repo.insertEvents(tx, accepted, source);
      const { rollups, latency } = this.rollupsOf(accepted, days);
      await this.repo.addRollups(tx, rollups, latency);
      await this.changes.changed('events', new Date(Math.min(...accepted.map((a) => a.event.at))), tx);
    }
    return outcomes;
  }

  /**
   * store(), with each line's database errors kept to that line (sharing-log.md: no line takes
   * others down). A batch the database refuses is undone to its savepoint and split in halves
   * until the line that causes the error is alone; that line is quarantined with the
   * database's reason and every other line is stored as it would have been without it, in the
   * same transaction. Errors that are not about a value (outages, deadlocks) still fail the batch.
   */
  async storeIsolated(tx: Tx, candidates: Candidate[], source: string, days: LocalDayResolver): Promise<Outcome[]> {
    if (candidates.length === 0) return [];
    try {
      return await this.repo.savepoint(tx, () => this.store(tx, candidates, source, days));
    } catch (error) {
      const refused = lineRefusal(error);
      if (refused === null) throw error;
      if (candidates.length === 1) return [{ kind: 'quarantined', reason: refused }];
      const half = candidates.length >> 1;
      const first = await this.storeIsolated(tx, candidates.slice(0, half), source, days);
      const second = await this.storeIsolated(tx, candidates.slice(half), source, days);
      return [...first, ...second];
    }
  }

  /** Runs a batch transaction, retrying when PostgreSQL picks it as a deadlock or serialization victim. */
  async withRetry<T>(work: (tx: Tx) => Promise<T>, candidates: Candidate[]): Promise<T> {
    await this.repo.ensurePartitions(candidates.map((c) => c.event.at));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.repo.transaction(work);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private rollupsOf(accepted: AcceptedEvent[], days: LocalDayResolver): { rollups: RollupRow[]; latency: LatencyRow[] } {
    const rollups = new Map<string, RollupRow>();
    const latency = new Map<string, LatencyRow>();
    for (const { event: e } of accepted) {
      if (e.type !== 'api.called') continue;
      const day = days.date(e.at);
      const key = `${day}\u0000${e.dept}\u0000${e.resource}\u0000${e.consumer}`;
      let row = rollups.get(key);
      if (!row) {
        row = { day, dept: e.dept, resource: e.resource!, consumer: e.consumer!, byClass: [0, 0, 0, 0, 0], latencySum: 0 };
        rollups.set(key, row);
      }
      row.byClass[Math.floor(e.status! / 100) - 1]++;
      row.latencySum += e.latencyMs!;
      const deptKey = `${day}\u0000${e.dept}`;
      let hist = latency.get(deptKey);
      if (!hist) {
        hist = { day, dept: e.dept, hist: new Array<number>(LATENCY_BUCKETS).fill(0) };
        latency.set(deptKey, hist);
      }
      hist.hist[latencyBucket(e.latencyMs!)]++;
    }
    return { rollups: [...rollups.values()], latency: [...latency.values()] };
  }
}
