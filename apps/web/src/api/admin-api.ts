import type {
  AuditEntryView,
  CalendarEntry,
  ImportOutcome,
  LedgerEntry,
  Page,
  QuarantineEntryView,
  MasterDataKind,
  MasterDataTemplateFormat,
  CalendarDayRequest,
  QuarantineQuery,
  ReplayResult,
  ReportFormat,
  ReportHistoryEntry,
  SavedUser,
  SaveUserRequest,
  AuditQuery,
  AuditExportFormat,
  AddedSource,
  SourceView,
  UserView,
} from '@app/contracts';
import { apiRequest, apiUrl, withQuery } from './api-client';

export type { MasterDataKind, ReplayResult, ReportFormat };
export type AuditFilter = AuditQuery;

const seg = encodeURIComponent;

export const fetchUsers = (signal?: AbortSignal) => apiRequest<UserView[]>('/users', { signal });

export const saveUser = (username: string, request: SaveUserRequest) => apiRequest<SavedUser>(`/users/${seg(username)}`, { method: 'PUT', body: request });

export const disableUser = (username: string) => apiRequest<void>(`/users/${seg(username)}`, { method: 'DELETE' });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's bytes go as they are: the server tells an XLSX workbook from CSV (UTF-8 or GB18030) by its content. */
export const importMasterData = (kind: MasterDataKind, file: File) =>
  apiRequest<ImportOutcome>(`/master-data/${kind}`, { method: 'POST', rawBody: file, contentType: /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv' });

/** A template to fill in (header row and an example row); the browser downloads it with the session cookie. */
export const masterDataTemplateUrl = (kind: MasterDataKind, format: MasterDataTemplateFormat) => apiUrl(`/master-data/templates/${kind}.${format}`);

export const fetchCalendar = (signal?: AbortSignal) => apiRequest<CalendarEntry[]>('/calendar', { signal });

export const saveCalendarEntry = (date: string, request: CalendarDayRequest) =>
  apiRequest<CalendarEntry>(`/calendar/${seg(date)}`, { method: 'PUT', body: request });

export const deleteCalendarEntry = (date: string) => apiRequest<void>(`/calendar/${seg(date)}`, { method: 'DELETE' });

export const fetchSources = (signal?: AbortSignal) => apiRequest<SourceView[]>('/ingest/sources', { signal });

export const addSource = (name: string) => apiRequest<AddedSource>('/ingest/sources', { method: 'POST', body: { name } });

export const revokeSource = (name: string) => apiRequest<void>(`/ingest/sources/${seg(name)}`, { method: 'DELETE' });

export const fetchLedger = (q: { limit: number; offset: number }, signal?: AbortSignal) =>
  apiRequest<LedgerEntry[]>(withQuery('/ingest/ledger', q), { signal });

export type QuarantineFilter = Omit<QuarantineQuery, 'open'> & { open?: boolean };

export const fetchQuarantine = (filter: QuarantineFilter, signal?: AbortSignal) =>
  apiRequest<Page<QuarantineEntryView>>(withQuery('/quarantine', { ...filter, open: filter.open ? 'true' : undefined }), { signal });

export const replayQuarantine = (source?: string) => apiRequest<ReplayResult>('/quarantine/replay', { method: 'POST', body: source ? { source } : {} });

export const fetchAudit = (filter: AuditFilter, signal?: AbortSignal) => apiRequest<Page<AuditEntryView>>(withQuery('/audit', { ...filter }), { signal });
/** The audit entries a filter matches, as a file the browser downloads (admins). */
export const auditExportUrl = (filter: Omit<AuditFilter, 'limit' | 'offset'>, format: AuditExportFormat) =>
  apiUrl(withQuery('/audit/export', { ...filter, format }));

export const fetchReportHistory = (signal?: AbortSignal) => apiRequest<ReportHistoryEntry[]>('/reports/history', { signal });

/** Download links for a period's report (one department's with `dept`). */
export function reportUrl(period: string, format: ReportFormat, dept?: string): string {
  return apiUrl(withQuery(`/reports/${seg(period)}.${format}`, { dept }));
}

export function departmentsZipUrl(period: string): string {
  return apiUrl(`/reports/${seg(period)}/departments.zip`);
}

/** A report kept at publication, byte for byte as issued. */
export const keptReportUrl = (id: number) => apiUrl(`/reports/files/${id}`);
