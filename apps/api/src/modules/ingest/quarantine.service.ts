import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { IngestService, zeroCounts, type Candidate, type IngestCounts } from './ingest.service';
import { QuarantineRepository, type QuarantineEntry, type QuarantineFilter } from './quarantine.repository';
import { LocalDayResolver } from './local-day';
import { csvRecord, ParseError, validateEvent } from './parsing';

export interface ReplayResult extends IngestCounts {
  replayed: number;
}

const REPLAY_BATCH = 2_000;

@Injectable()
export class QuarantineService {
  constructor(
    private readonly quarantine: QuarantineRepository,
    private readonly ingest: IngestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(filter: QuarantineFilter) {
    return this.quarantine.list(filter);
  }

  /**
   * Re-validates quarantined lines (not yet resolved by a replay) against the
   * current master data. Each entry records its new outcome; the counts of
   * the file it came from are history and stay as they were.
   */
  async replay(source?: string): Promise<ReplayResult> {
    const ctx = await this.ingest.validationContext();
    const days = new LocalDayResolver(this.config.ASSESSMENT_TIME_ZONE);
    const result: ReplayResult = { replayed: 0, ...zeroCounts() };
    let afterId = 0;
    for (;;) {
      const entries = await this.quarantine.pendingReplay(source, afterId, REPLAY_BATCH);
      if (entries.length === 0) break;
      afterId = entries[entries.length - 1].id;
      // Entries of one source are replayed in line order, so the first line of an id still wins.
      entries.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.line - b.line));
      const bySource = new Map<string, QuarantineEntry[]>();
      for (const e of entries) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
      for (const [entrySource, group] of bySource) {
        const candidates: (Candidate & { entryId: number })[] = [];
        const stillInvalid: { id: number; reason: string }[] = [];
        for (const entry of group) {
          const record = entry.csvColumns ? csvRecord(entry.csvColumns, entry.raw) : parseJson(entry.raw);
          const v = validateEvent(record, ctx, entry.csvColumns ? 'csv' : 'json');
          if (v.ok) candidates.push({ entryId: entry.id, line: entry.line, text: entry.raw, event: v.event, hash: v.contentHash });
          else stillInvalid.push({ id: entry.id, reason: v.reason });
        }
        await this.ingest.withRetry(async (tx) => {
          const outcomes = await this.ingest.store(tx, candidates, entrySource, days);
          const updates = [
            ...stillInvalid.map((s) => ({ id: s.id, outcome: 'quarantined' as const, reason: s.reason })),
            ...candidates.map((c, i) => {
              const o = outcomes[i];
              return {
                id: c.entryId,
                outcome: o.kind === 'accepted' ? ('accepted' as const) : o.kind === 'duplicate' ? ('duplicate' as const) : ('quarantined' as const),
                reason: o.kind === 'quarantined' ? o.reason : null,
              };
            }),
          ];
          await this.quarantine.recordReplay(tx, updates);
          result.replayed += updates.length;
          for (const u of updates) {
            result.read++;
            if (u.outcome === 'accepted') result.accepted++;
            else if (u.outcome === 'duplicate') result.duplicates++;
            else result.quarantined++;
          }
        }, candidates);
      }
    }
    return result;
  }
}

function parseJson(raw: string): unknown {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : new ParseError('invalid JSON');
  } catch {
    return new ParseError('invalid JSON');
  }
}
