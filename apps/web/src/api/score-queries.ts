import { queryOptions } from '@tanstack/react-query';
import {
  fetchAppeals,
  fetchCatalog,
  fetchDepartments,
  fetchDepartmentSummary,
  fetchEvents,
  fetchFindings,
  fetchMethod,
  fetchNetwork,
  fetchOverview,
  fetchPeriodStatus,
  fetchPublishedPeriods,
  fetchSchemes,
  fetchScores,
  fetchTrends,
  type AppealFilter,
  type TrendKind,
} from './scores-api';

/**
 * Everything derived from scores starts with SCORES_ROOT, so one invalidation refreshes every view
 * after something that changes scores (appeal decision, publication, scheme, master data).
 */
export const SCORES_ROOT = 'scores' as const;

export const scoresQuery = (period: string) =>
  queryOptions({ queryKey: [SCORES_ROOT, 'record', period] as const, queryFn: ({ signal }) => fetchScores(period, signal) });

export const periodStatusQuery = (period: string) =>
  queryOptions({
    queryKey: [SCORES_ROOT, 'period', period] as const,
    queryFn: ({ signal }) => fetchPeriodStatus(period, signal),
    retry: false,
  });

export const publishedPeriodsQuery = queryOptions({
  queryKey: [SCORES_ROOT, 'published'] as const,
  queryFn: ({ signal }) => fetchPublishedPeriods(signal),
});

export const overviewQuery = (period: string) =>
  queryOptions({ queryKey: [SCORES_ROOT, 'overview', period] as const, queryFn: ({ signal }) => fetchOverview(period, signal) });

export const trendsQuery = (q: { kind: TrendKind; from: string; to: string; dept?: string }) =>
  queryOptions({
    queryKey: [SCORES_ROOT, 'trends', q.kind, q.from, q.to, q.dept ?? null] as const,
    queryFn: ({ signal }) => fetchTrends(q, signal),
  });

export const departmentsQuery = queryOptions({
  queryKey: [SCORES_ROOT, 'departments'] as const,
  queryFn: ({ signal }) => fetchDepartments(signal),
  staleTime: 10 * 60_000,
});

export const departmentSummaryQuery = (code: string, period: string) =>
  queryOptions({
    queryKey: [SCORES_ROOT, 'summary', code, period] as const,
    queryFn: ({ signal }) => fetchDepartmentSummary(code, period, signal),
  });

export const findingsQuery = (code: string, period: string) =>
  queryOptions({ queryKey: [SCORES_ROOT, 'findings', code, period] as const, queryFn: ({ signal }) => fetchFindings(code, period, signal) });

export const eventsQuery = (code: string, ids: readonly string[]) =>
  queryOptions({
    queryKey: ['events', code, ids.join(',')] as const,
    queryFn: ({ signal }) => fetchEvents(code, ids, signal),
    staleTime: Infinity,
  });

export const networkQuery = (period: string) =>
  queryOptions({ queryKey: [SCORES_ROOT, 'network', period] as const, queryFn: ({ signal }) => fetchNetwork(period, signal) });

export const methodQuery = (locale: 'zh' | 'en') =>
  queryOptions({ queryKey: [SCORES_ROOT, 'method', locale] as const, queryFn: ({ signal }) => fetchMethod(locale, signal) });

export const schemesQuery = queryOptions({
  queryKey: [SCORES_ROOT, 'schemes'] as const,
  queryFn: ({ signal }) => fetchSchemes(signal),
});

export const appealsQuery = (filter: AppealFilter) =>
  queryOptions({
    queryKey: [SCORES_ROOT, 'appeals', filter.dept ?? null, filter.status ?? null, filter.period ?? null] as const,
    queryFn: ({ signal }) => fetchAppeals(filter, signal),
  });

export const catalogQuery = (dept: string) =>
  queryOptions({
    queryKey: [SCORES_ROOT, 'catalog', dept] as const,
    queryFn: ({ signal }) => fetchCatalog(dept, signal),
    staleTime: 10 * 60_000,
    retry: false,
  });
