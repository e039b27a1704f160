import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  fetchAudit,
  fetchCalendar,
  fetchLedger,
  fetchQuarantine,
  fetchReportHistory,
  fetchSources,
  fetchUsers,
  type AuditFilter,
  type QuarantineFilter,
} from './admin-api';

export const usersQuery = queryOptions({ queryKey: ['admin', 'users'] as const, queryFn: ({ signal }) => fetchUsers(signal) });

export const calendarQuery = queryOptions({ queryKey: ['admin', 'calendar'] as const, queryFn: ({ signal }) => fetchCalendar(signal) });

export const sourcesQuery = queryOptions({ queryKey: ['admin', 'sources'] as const, queryFn: ({ signal }) => fetchSources(signal) });

export const ledgerQuery = (q: { limit: number; offset: number }) =>
  queryOptions({
    queryKey: ['admin', 'ledger', q.limit, q.offset] as const,
    queryFn: ({ signal }) => fetchLedger(q, signal),
    placeholderData: keepPreviousData,
  });

export const quarantineQuery = (filter: QuarantineFilter) =>
  queryOptions({
    queryKey: ['admin', 'quarantine', filter] as const,
    queryFn: ({ signal }) => fetchQuarantine(filter, signal),
    placeholderData: keepPreviousData,
  });

export const auditQuery = (filter: AuditFilter) =>
  queryOptions({
    queryKey: ['admin', 'audit', filter] as const,
    queryFn: ({ signal }) => fetchAudit(filter, signal),
    placeholderData: keepPreviousData,
  });

export const reportHistoryQuery = queryOptions({
  queryKey: ['reports', 'history'] as const,
  queryFn: ({ signal }) => fetchReportHistory(signal),
});
