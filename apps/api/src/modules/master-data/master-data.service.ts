import { Injectable } from '@nestjs/common';
import { matchMessage, type ImportOutcome } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { MasterDataRepository } from './master-data.repository';
import { parseCalendarCsv, parseCatalogCsv, parseDepartmentsCsv, rejectUnknownDepartments, type ParseResult } from './parsing';
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
   * Upserts the valid rows of a master-data CSV file by code; every other row
   * is reported with its line and reason. A header problem rejects the whole
   * file (CsvHeaderError) before anything is stored.
   */
  async import(kind: MasterDataKind, file: Buffer, actor: string, fileName: string | null = null): Promise<ImportOutcome> {
    let result: ParseResult<unknown>;
    if (kind === 'departments') {
      const parsed = parseDepartmentsCsv(file);
      await this.repo.upsertDepartments(parsed.rows);
      result = parsed;
    } else if (kind === 'catalog') {
      const known = await this.repo.departmentCodes();
      const parsed = rejectUnknownDepartments(parseCatalogCsv(file), (code) => known.has(code));
      await this.repo.upsertResources(parsed.rows);
      result = parsed;
    } else {
      const parsed = parseCalendarCsv(file);
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

  async setCalendarDay(date: string, kind: 'holiday' | 'workday', actor: string): Promise<void> {
    await this.repo.setCalendarDay(date, kind);
    await this.audit.record(actor, 'calendar.set', date, { kind });
    await this.changes.changed('calendar');
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
