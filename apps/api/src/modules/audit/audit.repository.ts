import { Injectable } from '@nestjs/common';
import type { AuditEntryView, Page } from '@app/contracts';
import { Db, where } from '../../database/db';

export interface AuditQuery {
  action?: string;
  actor?: string;
  limit: number;
  offset: number;
}

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

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

  async list(query: AuditQuery): Promise<Page<AuditEntryView>> {
    const filter = where(query.action ? ['action like ?', `${query.action}%`] : null, query.actor ? ['actor = ?', query.actor] : null);
    const [count, rows] = await Promise.all([
      this.db.one<{ n: string }>(`select count(*) as n from audit_log ${filter.text}`, filter.bindings),
      this.db.many<AuditRow>(`select id, at, actor, action, target, detail from audit_log ${filter.text} order by id desc limit ? offset ?`, [
        ...filter.bindings,
        query.limit,
        query.offset,
      ]),
    ]);
    return {
      total: Number(count!.n),
      items: rows.map((r) => ({ id: Number(r.id), at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, target: r.target, detail: r.detail })),
    };
  }
}
