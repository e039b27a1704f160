import { Injectable } from '@nestjs/common';
import { matchMessage, type Page, type QuarantineEntryView } from '@app/contracts';
import { Db, where, type Tx } from '../../database/db';

export interface QuarantineFilter {
  source?: string;
  reason?: string;
  /** Only entries a replay has not resolved. */
  open?: boolean;
  limit?: number;
  offset?: number;
}

/** A quarantined line: the contract's view, plus the CSV header a replay needs to read the line alone. */
export interface QuarantineEntry extends QuarantineEntryView {
  csvColumns: string[] | null;
}

interface Row {
  id: string;
  source: string;
  line: number;
  raw: string;
  reason: string;
  csv_columns: string[] | null;
  times: number;
  first_at: Date;
  last_at: Date;
  replay_outcome: QuarantineEntry['replayOutcome'];
  replay_reason: string | null;
  replayed_at: Date | null;
}

function toEntry(r: Row): QuarantineEntry {
  return {
    id: Number(r.id),
    source: r.source,
    line: r.line,
    raw: r.raw,
    reason: r.reason,
    reasonMessage: matchMessage(r.reason, 'line.'),
    csvColumns: r.csv_columns,
    times: r.times,
    firstAt: new Date(r.first_at).toISOString(),
    lastAt: new Date(r.last_at).toISOString(),
    replayOutcome: r.replay_outcome,
    replayReason: r.replay_reason,
    replayedAt: r.replayed_at ? new Date(r.replayed_at).toISOString() : null,
  };
}

const COLUMNS = 'id, source, line, raw, reason, csv_columns, times, first_at, last_at, replay_outcome, replay_reason, replayed_at';

/** Entries a replay has not resolved. */
const OPEN = `replay_outcome is null or replay_outcome = 'quarantined'`;

@Injectable()
export class QuarantineRepository {
  constructor(private readonly db: Db) {}

  async list(filter: QuarantineFilter): Promise<Page<QuarantineEntry>> {
    const w = where(
      filter.source ? ['source = ?', filter.source] : null,
      filter.reason ? ['position(lower(?) in lower(coalesce(replay_reason, reason))) > 0', filter.reason] : null,
      filter.open ? [OPEN] : null,
    );
    const [count, rows] = await Promise.all([
      this.db.one<{ n: string }>(`select count(*) as n from quarantine ${w.text}`, w.bindings),
      this.db.many<Row>(`select ${COLUMNS} from quarantine ${w.text} order by source, line, id limit ? offset ?`, [
        ...w.bindings,
        filter.limit ?? 1_000_000,
        filter.offset ?? 0,
      ]),
    ]);
    return { total: Number(count!.n), items: rows.map(toEntry) };
  }

  async pendingReplay(source: string | undefined, afterId: number, limit: number): Promise<QuarantineEntry[]> {
    const w = where(['id > ?', afterId], [OPEN], source ? ['source = ?', source] : null);
    return (await this.db.many<Row>(`select ${COLUMNS} from quarantine ${w.text} order by id limit ?`, [...w.bindings, limit])).map(toEntry);
  }

  async recordReplay(tx: Tx, updates: { id: number; outcome: string; reason: string | null }[]): Promise<void> {
    if (updates.length === 0) return;
    await tx.execute(
      `update quarantine q set replay_outcome = u.outcome, replay_reason = u.reason, replayed_at = now()
       from unnest(?::bigint[], ?::text[], ?::text[]) as u(id, outcome, reason) where q.id = u.id`,
      [updates.map((u) => u.id), updates.map((u) => u.outcome), updates.map((u) => u.reason)],
    );
  }
}
