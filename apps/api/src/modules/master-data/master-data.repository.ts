import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import type { CalendarEntry, DepartmentView } from '@app/contracts';
import type { DepartmentInfo, Frequency, ResourceInfo, WorkingDayCalendar } from '@app/scoring';
import type { CalendarRow, DepartmentRow, ResourceRow } from './parsing';

/** A department as the engine and the dashboard both see it. */
export type DepartmentRecord = DepartmentInfo & DepartmentView;

@Injectable()
export class MasterDataRepository {
  constructor(private readonly db: Db) {}

  async upsertDepartments(rows: readonly DepartmentRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.execute(
      `insert into department (code, name, name_en, category, active)
       select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
       on conflict (code) do update set name = excluded.name, name_en = excluded.name_en, category = excluded.category,
         active = excluded.active, updated_at = now()`,
      [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.nameEn ?? null), rows.map((r) => r.category ?? null), rows.map((r) => r.active)],
    );
  }

  async upsertResources(rows: readonly ResourceRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.execute(
      `insert into resource (code, name, dept_code, frequency, active_from, active_to)
       select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[])
       on conflict (code) do update set name = excluded.name, dept_code = excluded.dept_code, frequency = excluded.frequency,
         active_from = excluded.active_from, active_to = excluded.active_to, updated_at = now()`,
      [
        rows.map((r) => r.code),
        rows.map((r) => r.name),
        rows.map((r) => r.dept),
        rows.map((r) => r.frequency),
        rows.map((r) => r.activeFrom),
        rows.map((r) => r.activeTo),
      ],
    );
  }

  /** A row without a name (the file has no name column) keeps the day's stored name. */
  async upsertCalendar(rows: readonly CalendarRow[]): Promise<void> {
    const named = rows.filter((r) => r.name !== undefined);
    const unnamed = rows.filter((r) => r.name === undefined);
    if (named.length > 0) {
      await this.db.execute(
        `insert into calendar_day (day, kind, name) select * from unnest(?::date[], ?::text[], ?::text[])
         on conflict (day) do update set kind = excluded.kind, name = excluded.name, updated_at = now()`,
        [named.map((r) => r.date), named.map((r) => r.kind), named.map((r) => r.name ?? null)],
      );
    }
    if (unnamed.length > 0) {
      await this.db.execute(
        `insert into calendar_day (day, kind) select * from unnest(?::date[], ?::text[])
         on conflict (day) do update set kind = excluded.kind, updated_at = now()`,
        [unnamed.map((r) => r.date), unnamed.map((r) => r.kind)],
      );
    }
  }

  /** `name` undefined keeps the stored name (a new day gets none). */
  async setCalendarDay(date: string, kind: 'holiday' | 'workday', name?: string | null): Promise<CalendarEntry> {
    const keep = name === undefined;
    const row = await this.db.one<{ day: string; kind: 'holiday' | 'workday'; name: string | null }>(
      `insert into calendar_day (day, kind, name) values (?::date, ?, ?)
       on conflict (day) do update set kind = excluded.kind, name = ${keep ? 'calendar_day.name' : 'excluded.name'}, updated_at = now()
       returning to_char(day, 'YYYY-MM-DD') as day, kind, name`,
      [date, kind, name || null],
    );
    return { date: row!.day, kind: row!.kind, name: row!.name };
  }

  async removeCalendarDay(date: string): Promise<boolean> {
    return (await this.db.execute(`delete from calendar_day where day = ?::date`, [date])) > 0;
  }

  async departments(): Promise<DepartmentRecord[]> {
    const rows = await this.db.many<{ code: string; name: string; name_en: string | null; category: string | null; active: boolean }>(
      `select code, name, name_en, category, active from department order by code`,
    );
    return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, category: r.category, active: r.active }));
  }

  async departmentExists(code: string): Promise<boolean> {
    const rows = await this.db.many<{ n: number }>(`select 1 as n from department where code = ?`, [code]);
    return rows.length > 0;
  }

  async departmentCodes(): Promise<Set<string>> {
    const rows = await this.db.many<{ code: string }>(`select code from department`);
    return new Set(rows.map((r) => r.code));
  }

  async resources(dept?: string): Promise<ResourceInfo[]> {
    const rows = await this.db.many<{
      code: string;
      name: string;
      dept_code: string;
      frequency: Frequency;
      active_from: string | null;
      active_to: string | null;
    }>(
      `select code, name, dept_code, frequency, to_char(active_from, 'YYYY-MM-DD') as active_from, to_char(active_to, 'YYYY-MM-DD') as active_to
       from resource ${dept ? 'where dept_code = ?' : ''} order by code`,
      dept ? [dept] : [],
    );
    return rows.map((r) => ({ code: r.code, name: r.name, dept: r.dept_code, frequency: r.frequency, activeFrom: r.active_from, activeTo: r.active_to }));
  }

  /** resource code -> provider department code. */
  async resourceOwners(): Promise<Map<string, string>> {
    const rows = await this.db.many<{ code: string; dept_code: string }>(`select code, dept_code from resource`);
    return new Map(rows.map((r) => [r.code, r.dept_code]));
  }

  async calendar(): Promise<WorkingDayCalendar & { entries: CalendarEntry[] }> {
    const rows = await this.db.many<{ day: string; kind: 'holiday' | 'workday'; name: string | null }>(
      `select to_char(day, 'YYYY-MM-DD') as day, kind, name from calendar_day order by day`,
    );
    return {
      holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
      workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day),
      entries: rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name })),
    };
  }

  async countDepartments(): Promise<number> {
    const rows = await this.db.many<{ n: string }>(`select count(*) as n from department`);
    return Number(rows[0].n);
  }
}
