import { sql } from '../../database/sql';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';

export interface QuarantineFilter {
  source?: string;
  reason?: string;
  /** Only entries a replay has not resolved. */
  open?: boolean;
  limit?: number;
  offset?: number;
}

export interface QuarantineEntry {
  id: number;
  source: string;
  line: number;
  raw: string;
  reason: string;
  csvColumns: string[] | null;
  times: number;
  firstAt: string;
  lastAt: string;
  replayOutcome: 'accepted' | 'duplicate' | 'quarantined' | null;
  replayReason: string | null;
  replayedAt: string | null;
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

@Injectable()
export class QuarantineRepository {
  constructor(private readonly em: EntityManager) {}

  private get knex(): Knex {
    return this.em.getKnex();
  }

  async list(filter: QuarantineFilter): Promise<{ total: number; items: QuarantineEntry[] }> {
    const q = this.knex('quarantine');
    if (filter.source) q.where('source', filter.source);
    if (filter.reason) q.whereRaw('position(lower(?) in lower(coalesce(replay_reason, reason))) > 0', [filter.reason]);
    if (filter.open) q.where((w) => w.whereNull('replay_outcome').orWhere('replay_outcome', 'quarantined'));
    const [{ n }] = (await q.clone().count({ n: '*' })) as { n: string }[];
    const rows = (await q.select(this.knex.raw(COLUMNS)).orderBy([{ column: 'source' }, { column: 'line' }, { column: 'id' }]).limit(filter.limit ?? 1_000_000).offset(filter.offset ?? 0)) as Row[];
    return { total: Number(n), items: rows.map(toEntry) };
  }

  async pendingReplay(source: string | undefined, afterId: number, limit: number): Promise<QuarantineEntry[]> {
    const q = this.knex('quarantine')
      .select(this.knex.raw(COLUMNS))
      .where('id', '>', afterId)
      .andWhere((w) => w.whereNull('replay_outcome').orWhere('replay_outcome', 'quarantined'))
      .orderBy('id')
      .limit(limit);
    if (source) q.andWhere('source', source);
    return ((await q) as Row[]).map(toEntry);
  }

  async recordReplay(trx: Knex.Transaction, updates: { id: number; outcome: string; reason: string | null }[]): Promise<void> {
    if (updates.length === 0) return;
    await sql(trx, 
      `update quarantine q set replay_outcome = u.outcome, replay_reason = u.reason, replayed_at = now()
       from unnest(?::bigint[], ?::text[], ?::text[]) as u(id, outcome, reason) where q.id = u.id`,
      [updates.map((u) => u.id), updates.map((u) => u.outcome), updates.map((u) => u.reason)],
    );
  }
}
