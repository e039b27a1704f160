import type {
  AppealView,
  DepartmentSummary,
  DepartmentView,
  EventView,
  FileAppealRequest,
  FindingsResponse,
  NetworkResponse,
  OverviewResponse,
  PeriodStatus,
  AppealDecisionRequest,
  CreateSchemeRequest,
  ReopenRequest,
  SchemePreviewRequest,
  PublishedPeriod,
  ResourceView,
  AppealsQuery,
  SchemeParams,
  SchemeDescription,
  SchemePreview,
  SchemeVersion,
  ScoreRecord,
  TrendsResponse,
} from '@app/contracts';
import { apiRequest, withQuery } from './api-client';

export type { PublishedPeriod };

const seg = encodeURIComponent;

export type TrendKind = TrendsResponse['kind'];

export const fetchScores = (period: string, signal?: AbortSignal) => apiRequest<ScoreRecord>(withQuery('/scores', { period }), { signal });

export const fetchPeriodStatus = (period: string, signal?: AbortSignal) => apiRequest<PeriodStatus>(`/periods/${seg(period)}`, { signal });

export const fetchPublishedPeriods = (signal?: AbortSignal) => apiRequest<PublishedPeriod[]>('/periods/published', { signal });

export const fetchOverview = (period: string, signal?: AbortSignal) => apiRequest<OverviewResponse>(withQuery('/overview', { period }), { signal });

export const fetchTrends = (q: { kind: TrendKind; from: string; to: string; dept?: string }, signal?: AbortSignal) =>
  apiRequest<TrendsResponse>(withQuery('/trends', q), { signal });

export const fetchDepartments = (signal?: AbortSignal) => apiRequest<DepartmentView[]>('/departments', { signal });

export const fetchDepartmentSummary = (code: string, period: string, signal?: AbortSignal) =>
  apiRequest<DepartmentSummary>(withQuery(`/departments/${seg(code)}/summary`, { period }), { signal });

export const fetchFindings = (code: string, period: string, signal?: AbortSignal) =>
  apiRequest<FindingsResponse>(withQuery(`/departments/${seg(code)}/findings`, { period }), { signal });

export const fetchEvents = (code: string, ids: readonly string[], signal?: AbortSignal) =>
  apiRequest<EventView[]>(withQuery(`/departments/${seg(code)}/events`, { ids: ids.join(',') }), { signal });

export const fetchNetwork = (period: string, signal?: AbortSignal) => apiRequest<NetworkResponse>(withQuery('/network', { period }), { signal });

export const fetchMethod = (locale: 'zh' | 'en', signal?: AbortSignal) => apiRequest<SchemeDescription>(withQuery('/method', { locale }), { signal });

export const fetchSchemes = (signal?: AbortSignal) => apiRequest<SchemeVersion[]>('/schemes', { signal });

export type SchemeDraft = SchemeParams;

export const saveScheme = (scheme: SchemeDraft, note: string) =>
  apiRequest<SchemeVersion>('/schemes', { method: 'POST', body: { scheme, note } satisfies CreateSchemeRequest });

export const previewScheme = (scheme: SchemeDraft, period: string) =>
  apiRequest<SchemePreview>('/schemes/preview', { method: 'POST', body: { scheme, period } satisfies SchemePreviewRequest });

export type AppealFilter = AppealsQuery;

export const fetchAppeals = (filter: AppealFilter, signal?: AbortSignal) => apiRequest<AppealView[]>(withQuery('/appeals', { ...filter }), { signal });

export const fileAppeal = (request: FileAppealRequest) => apiRequest<AppealView>('/appeals', { method: 'POST', body: request });

export const decideAppeal = (id: number, status: AppealDecisionRequest['status'], comment: string) =>
  apiRequest<AppealView>(`/appeals/${id}/decision`, { method: 'POST', body: { status, comment } satisfies AppealDecisionRequest });

export const publishPeriod = (period: string) => apiRequest<ScoreRecord>(`/periods/${seg(period)}/publish`, { method: 'POST' });

export const reopenPeriod = (period: string, reason: string) =>
  apiRequest<{ period: string; reopened: true }>(`/periods/${seg(period)}/reopen`, { method: 'POST', body: { reason } satisfies ReopenRequest });

export type CatalogResource = ResourceView;

export const fetchCatalog = (dept: string, signal?: AbortSignal) => apiRequest<CatalogResource[]>(withQuery('/catalog', { dept }), { signal });
