import { Injectable } from '@nestjs/common';
import type { AppealStatus, AppealTarget } from '@app/scoring';
import { Db, where } from '../../database/db';

export interface AppealRecord {
  id: number;
  dept: string;
  period: string;
  kind: AppealTarget['kind'];
  target: Record<string, unknown>;
  reason: string;
  status: AppealStatus;
  filedBy: string;
  filedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

interface Row {
  id: number;
  dept: string;
  period: string;
  kind: AppealTarget['kind'];
  target: Record<string, unknown>;
  reason: string;
  status: AppealStatus;
  filed_by: string;
  filed_at: string | Date;
  decided_by: string | null;
  decided_at: string | Date | null;
  decision_comment: string | null;
}

const toRecord = (r: Row): AppealRecord => ({
  id: r.id,
  dept: r.dept,
  period: r.period,
  kind: r.kind,
  target: r.target,
  reason: r.reason,
  status: r.status,
  filedBy: r.filed_by,
  filedAt: new Date(r.filed_at).toISOString(),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  decisionComment: r.decision_comment,
});

@Injectable()
export class AppealsRepository {
  constructor(private readonly db: Db) {}

  async insert(a: {
    dept: string;
    period: string;
    kind: AppealTarget['kind'];
    target: Record<string, unknown>;
    reason: string;
    filedBy: string;
  }): Promise<AppealRecord> {
    const rows = await this.db.many<Row>(`insert into appeal (dept, period, kind, target, reason, filed_by) values (?, ?, ?, ?::jsonb, ?, ?) returning *`, [
      a.dept,
      a.period,
      a.kind,
      JSON.stringify(a.target),
      a.reason,
      a.filedBy,
    ]);
    return toRecord(rows[0]);
  }

  async decide(id: number, status: 'accepted' | 'rejected', comment: string | null, actor: string): Promise<AppealRecord | null> {
    const rows = await this.db.many<Row>(
      `update appeal set status = ?, decision_comment = ?, decided_by = ?, decided_at = now() where id = ? and status = 'pending' returning *`,
      [status, comment, actor, id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async find(id: number): Promise<AppealRecord | null> {
    const rows = await this.db.many<Row>(`select * from appeal where id = ?`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(filter: { dept?: string; status?: AppealStatus; period?: string }): Promise<AppealRecord[]> {
    const w = where(
      filter.dept ? ['dept = ?', filter.dept] : null,
      filter.status ? ['status = ?', filter.status] : null,
      filter.period ? ['period = ?', filter.period] : null,
    );
    return (await this.db.many<Row>(`select * from appeal ${w.text} order by id desc`, w.bindings)).map(toRecord);
  }
}
