import { Injectable } from '@nestjs/common';
import type { CaseConcerned, CaseEvent, CaseState } from '@app/contracts';
import { Db, where } from '../../database/db';

export interface CaseRecord {
  id: number;
  period: string;
  dept: string;
  state: CaseState;
  dueDay: string;
  dueAt: Date;
  openedAt: Date;
  cause: string | null;
  measures: string | null;
  concerned: CaseConcerned;
  submittedBy: string | null;
  submittedAt: Date | null;
  inspectorComment: string | null;
  decidedBy: string | null;
  closedAt: Date | null;
}

interface CaseRow {
  id: number;
  period: string;
  dept: string;
  state: CaseState;
  due_day: string | Date;
  due: string | Date;
  opened_at: string | Date;
  cause: string | null;
  measures: string | null;
  concerned: CaseConcerned;
  submitted_by: string | null;
  submitted_at: string | Date | null;
  inspector_comment: string | null;
  decided_by: string | null;
  closed_at: string | Date | null;
}

interface EventRow {
  at: string | Date;
  actor: string;
  action: CaseEvent['action'];
  comment: string | null;
}

const date = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));
// A `date` column comes back as text from PGlite and as a Date at local midnight from node-postgres.
const day = (v: string | Date): string =>
  typeof v === 'string' ? v.slice(0, 10) : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;

const toRecord = (r: CaseRow): CaseRecord => ({
  id: r.id,
  period: r.period,
  dept: r.dept,
  state: r.state,
  dueDay: day(r.due_day),
  dueAt: new Date(r.due),
  openedAt: new Date(r.opened_at),
  cause: r.cause,
  measures: r.measures,
  concerned: r.concerned,
  submittedBy: r.submitted_by,
  submittedAt: date(r.submitted_at),
  inspectorComment: r.inspector_comment,
  decidedBy: r.decided_by,
  closedAt: date(r.closed_at),
});

const CASE_COLUMNS = `id, period, dept, state, due_day::text as due_day, due, opened_at, cause, measures, concerned, submitted_by, submitted_at, inspector_comment, decided_by, closed_at`;

@Injectable()
export class RectificationRepository {
  constructor(private readonly db: Db) {}

  /** Opens a case unless the department already has one for the period; returns the new case, or null when it existed. */
  async open(c: { period: string; dept: string; openedAt: Date; dueDay: string; dueAt: Date; actor: string }): Promise<CaseRecord | null> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.many<CaseRow>(
        `insert into rectification_case (period, dept, opened_at, due_day, due) values (?, ?, ?, ?::date, ?)
         on conflict (period, dept) do nothing returning ${CASE_COLUMNS}`,
        [c.period, c.dept, c.openedAt, c.dueDay, c.dueAt],
      );
      if (!rows[0]) return null;
      await tx.execute(`insert into rectification_event (case_id, at, actor, action) values (?, ?, ?, 'opened')`, [rows[0].id, c.openedAt, c.actor]);
      return toRecord(rows[0]);
    });
  }

  async find(id: number): Promise<CaseRecord | null> {
    const rows = await this.db.many<CaseRow>(`select ${CASE_COLUMNS} from rectification_case where id = ?`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(filter: { period?: string; periods?: readonly string[]; dept?: string; state?: CaseState }): Promise<CaseRecord[]> {
    const w = where(
      filter.period ? ['period = ?', filter.period] : null,
      filter.periods ? ['period = any(?)', [...filter.periods]] : null,
      filter.dept ? ['dept = ?', filter.dept] : null,
      filter.state ? ['state = ?', filter.state] : null,
    );
    return (await this.db.many<CaseRow>(`select ${CASE_COLUMNS} from rectification_case ${w.text} order by period, dept`, w.bindings)).map(toRecord);
  }

  async events(caseId: number): Promise<CaseEvent[]> {
    const rows = await this.db.many<EventRow>(`select at, actor, action, comment from rectification_event where case_id = ? order by id`, [caseId]);
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, comment: r.comment }));
  }

  /** The department's submission, only from open or returned. */
  async submit(id: number, s: { cause: string; measures: string; concerned: CaseConcerned; actor: string }): Promise<CaseRecord | null> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.many<CaseRow>(
        `update rectification_case set state = 'submitted', cause = ?, measures = ?, concerned = ?::jsonb, submitted_by = ?, submitted_at = now()
         where id = ? and state in ('open', 'returned') returning ${CASE_COLUMNS}`,
        [s.cause, s.measures, JSON.stringify(s.concerned), s.actor, id],
      );
      if (!rows[0]) return null;
      await tx.execute(`insert into rectification_event (case_id, actor, action) values (?, ?, 'submitted')`, [id, s.actor]);
      return toRecord(rows[0]);
    });
  }

  /** The inspector's decision, only on a submitted case: accepted closes it, returned sends it back. */
  async decide(id: number, d: { accept: boolean; comment: string | null; actor: string }): Promise<CaseRecord | null> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.many<CaseRow>(
        `update rectification_case set state = ?, inspector_comment = ?, decided_by = ?, closed_at = ${d.accept ? 'now()' : 'null'}
         where id = ? and state = 'submitted' returning ${CASE_COLUMNS}`,
        [d.accept ? 'closed' : 'returned', d.comment, d.actor, id],
      );
      if (!rows[0]) return null;
      await tx.execute(`insert into rectification_event (case_id, actor, action, comment) values (?, ?, ?, ?)`, [
        id,
        d.actor,
        d.accept ? 'accepted' : 'returned',
        d.comment,
      ]);
      return toRecord(rows[0]);
    });
  }

  /** Cases past due and not closed whose department has not been told yet; marks them told. */
  async claimOverdue(asOf: Date): Promise<CaseRecord[]> {
    const rows = await this.db.many<CaseRow>(
      `update rectification_case set overdue_notified_at = now() where state <> 'closed' and due <= ? and overdue_notified_at is null returning ${CASE_COLUMNS}`,
      [asOf],
    );
    return rows.map(toRecord);
  }
}
