import { Injectable } from '@nestjs/common';
import type { AuditEntryView, Page } from '@app/contracts';
import { Db, where, type Clause } from '../../database/db';

/** The filters as the repository takes them: instants, `to` excluded. */
export interface AuditRowFilter {
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

const EXPORT_BATCH = 2_000;

function clauses(filter: AuditRowFilter): (Clause | null)[] {
  return [
    filter.action ? ['action like ?', `${filter.action}%`] : null,
    filter.actor ? ['actor = ?', filter.actor] : null,
    filter.from ? ['at >= ?', filter.from] : null,
    filter.to ? ['at < ?', filter.to] : null,
  ];
}

const toView = (r: AuditRow): AuditEntryView => ({
  id: Number(r.id),
  at: new Date(r.at).toISOString(),
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: r.detail,
});

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  async append(entry: Pick<AuditEntryView, 'actor' | 'action' | 'target' | 'detail'>): Promise<void> {
    await this.db.execute(`insert into audit_log (actor, action, target, detail) values (?, ?, ?, ?::jsonb)`, [
      entry.actor,
      entry.action,
      entry.target,
      entry.detail === null ? null : JSON.stringify(entry.detail),
    ]);
  }

  async list(filter: AuditRowFilter, limit: number, offset: number): Promise<Page<AuditEntryView>> {
    const w = where(...clauses(filter));
    const [count, rows] = await Promise.all([
      this.db.one<{ n: string }>(`select count(*) as n from audit_log ${w.text}`, w.bindings),
      this.db.many<AuditRow>(`select id, at, actor, action, target, detail from audit_log ${w.text} order by id desc limit ? offset ?`, [
        ...w.bindings,
        limit,
        offset,
      ]),
    ]);
    return { total: Number(count!.n), items: rows.map(toView) };
  }

  /** Every matching entry, oldest first, read in batches (an export of years of entries never sits in memory). */
  async *entries(filter: AuditRowFilter): AsyncGenerator<AuditEntryView> {
    let after = 0;
    for (;;) {
      const w = where(...clauses(filter), ['id > ?', after]);
      const rows = await this.db.many<AuditRow>(`select id, at, actor, action, target, detail from audit_log ${w.text} order by id limit ?`, [
        ...w.bindings,
        EXPORT_BATCH,
      ]);
      for (const row of rows) yield toView(row);
      if (rows.length < EXPORT_BATCH) return;
      after = Number(rows[rows.length - 1].id);
    }
  }

  /** Deletes the entries older than `retentionDays`, declaring the retention the table's trigger checks; the count deleted. */
  async purgeOlderThan(retentionDays: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.one(`select set_config('app.audit_retention_days', ?, true)`, [String(retentionDays)]);
      return tx.execute(`delete from audit_log where at < now() - make_interval(days => ?)`, [retentionDays]);
    });
  }
}
