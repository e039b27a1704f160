import { Inject, Injectable } from '@nestjs/common';
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { AuditEntryView, AuditExportQuery, AuditFilter, AuditQuery, Page } from '@app/contracts';
import { formatInstant, startOfLocalDate } from '@app/scoring';
import { EXPORT_CONTENT_TYPES } from '../../common/export/content-types';
import { loadExcel } from '../../common/export/excel';
import { csvLine } from '../../common/export/csv';
import { neutraliseCell } from '../../common/export/neutralise';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditRepository, type AuditRowFilter } from './audit.repository';

const DAY_MS = 86_400_000;
const HEADER = ['编号 ID', '时间 Time', '操作者 Actor', '操作 Action', '对象 Target', '详情 Detail'];

export interface AuditExport {
  stream: Readable;
  filename: string;
  contentType: string;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  record(actor: string, action: string, target: string | null = null, detail: Record<string, unknown> | null = null): Promise<void> {
    return this.audit.append({ actor, action, target, detail });
  }

  list(query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.audit.list(this.rowFilter(query), query.limit, query.offset);
  }

  /** Every entry the filters match, oldest first, streamed as CSV (UTF-8 with BOM) or XLSX; the export itself is audited. */
  async export(query: AuditExportQuery, actor: string): Promise<AuditExport> {
    const { format, ...filter } = query;
    await this.record(actor, 'audit.export', null, { format, ...filter });
    const entries = this.audit.entries(this.rowFilter(filter));
    const range = [filter.from, filter.to].filter(Boolean).join('_');
    return {
      stream: format === 'csv' ? Readable.from(this.csvChunks(entries)) : this.xlsxStream(entries, await loadExcel()),
      filename: `审计日志${range ? `_${range}` : ''}.${format}`,
      contentType: EXPORT_CONTENT_TYPES[format],
    };
  }

  /** Deletes the entries older than AUDIT_RETENTION_DAYS (at least 180, enforced by the table too); audited when any went. */
  async purge(): Promise<number> {
    const days = this.config.AUDIT_RETENTION_DAYS;
    const deleted = await this.audit.purgeOlderThan(days);
    if (deleted > 0) await this.record('system', 'audit.purged', null, { olderThanDays: days, deleted });
    return deleted;
  }

  private rowFilter(filter: AuditFilter): AuditRowFilter {
    const zone = this.config.ASSESSMENT_TIME_ZONE;
    return {
      action: filter.action,
      actor: filter.actor,
      from: filter.from ? new Date(startOfLocalDate(filter.from, zone)) : undefined,
      // `to` is a day included: up to the start of the next one (the UTC date arithmetic only names that day).
      to: filter.to ? new Date(startOfLocalDate(new Date(Date.parse(filter.to) + DAY_MS).toISOString().slice(0, 10), zone)) : undefined,
    };
  }

  private cells(e: AuditEntryView): (string | number)[] {
    return [
      e.id,
      formatInstant(Date.parse(e.at), this.config.ASSESSMENT_TIME_ZONE),
      e.actor,
      e.action,
      e.target ?? '',
      e.detail ? JSON.stringify(e.detail) : '',
    ];
  }

  private async *csvChunks(entries: AsyncIterable<AuditEntryView>): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(HEADER)}\r\n`;
    for await (const e of entries) yield `${csvLine(this.cells(e))}\r\n`;
  }

  private xlsxStream(entries: AsyncIterable<AuditEntryView>, excel: typeof ExcelJS): Readable {
    const out = new PassThrough();
    const book = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = book.addWorksheet('审计日志');
    sheet.columns = [{ width: 10 }, { width: 27 }, { width: 24 }, { width: 28 }, { width: 24 }, { width: 60 }];
    const header = sheet.addRow(HEADER);
    header.font = { bold: true };
    header.commit();
    void (async () => {
      for await (const e of entries) sheet.addRow(this.cells(e).map((v) => (typeof v === 'string' ? neutraliseCell(v) : v))).commit();
      sheet.commit();
      await book.commit();
    })().catch((error: Error) => out.destroy(error));
    return out;
  }
}
