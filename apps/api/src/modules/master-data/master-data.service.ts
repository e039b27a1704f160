import { Injectable } from '@nestjs/common';
import { matchMessage, type CalendarEntry, type ImportOutcome } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { MasterDataRepository } from './master-data.repository';
import { parseCalendar, parseCatalog, parseDepartments, readMasterDataFile, rejectUnknownDepartments, type ParseResult } from './parsing';
import { ChangeFeed } from '../changes/change-feed';
import { notFound } from '../../common/user-error';

export type MasterDataKind = 'departments' | 'catalog' | 'calendar';

@Injectable()
export class MasterDataService {
  constructor(
    private readonly repo: MasterDataRepository,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
  ) {}

  /**
   * Upserts the valid rows of a master-data file (CSV in UTF-8 or GB18030, or an XLSX
   * workbook's first sheet; English or Chinese headers) by code; every other row is reported
   * with its line and reason. A header problem rejects the whole file (CsvHeaderError) before
   * anything is stored.
   */
  async import(kind: MasterDataKind, file: Buffer, actor: string, fileName: string | null = null): Promise<ImportOutcome> {
    const table = await readMasterDataFile(file);
    let result: ParseResult<unknown>;
    if (kind === 'departments') {
      const parsed = parseDepartments(table);
      await this.repo.upsertDepartments(parsed.rows);
      result = parsed;
    } else if (kind === 'catalog') {
      const departments = await this.repo.departments();
      const known = new Set(departments.map((d) => d.code));
      const byName = new Map<string, string | null>();
      // A name two departments share stands for neither.
      for (const d of departments) byName.set(d.name, byName.has(d.name) ? null : d.code);
      const parsed = rejectUnknownDepartments(
        parseCatalog(table),
        (code) => known.has(code),
        (name) => byName.get(name) ?? undefined,
      );
      await this.repo.upsertResources(parsed.rows);
      result = parsed;
    } else {
      const parsed = parseCalendar(table);
      await this.repo.upsertCalendar(parsed.rows);
      result = parsed;
    }
    const outcome: ImportOutcome = {
      read: result.read,
      upserted: result.rows.length,
      rejected: result.rejected.length,
      // A row's own problems, or the CSV reader's (shared with the sharing logs).
      rejections: result.rejected.map((r) => ({ ...r, reasonMessage: matchMessage(r.reason, 'row.') ?? matchMessage(r.reason, 'line.') })),
    };
    await this.audit.record(actor, `master_data.import.${kind}`, fileName, { read: outcome.read, upserted: outcome.upserted, rejected: outcome.rejected });
    if (outcome.upserted > 0) await this.changes.changed(kind === 'calendar' ? 'calendar' : 'master_data');
    return outcome;
  }

  async setCalendarDay(date: string, kind: 'holiday' | 'workday', actor: string, name?: string | null): Promise<CalendarEntry> {
    const entry = await this.repo.setCalendarDay(date, kind, name);
    await this.audit.record(actor, 'calendar.set', date, name === undefined ? { kind } : { kind, name: entry.name });
    await this.changes.changed('calendar');
    return entry;
  }

  async removeCalendarDay(date: string, actor: string): Promise<void> {
    if (!(await this.repo.removeCalendarDay(date))) throw notFound('calendar.noEntry', { date });
    await this.audit.record(actor, 'calendar.remove', date);
    await this.changes.changed('calendar');
  }

  departments() {
    return this.repo.departments();
  }

  resources(dept?: string) {
    return this.repo.resources(dept);
  }

  calendar() {
    return this.repo.calendar();
  }

  departmentExists(code: string) {
    return this.repo.departmentExists(code);
  }

  departmentCodes() {
    return this.repo.departmentCodes();
  }

  /** resource code -> provider department code. */
  resourceOwners() {
    return this.repo.resourceOwners();
  }

  countDepartments() {
    return this.repo.countDepartments();
  }
}
