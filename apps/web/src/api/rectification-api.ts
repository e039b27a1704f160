import { queryOptions } from '@tanstack/react-query';
import type { CaseDecision, CasesQuery, CaseSubmission, RectificationCase, RectificationCaseDetail } from '@app/contracts';
import { apiRequest, withQuery } from './api-client';

export const fetchCases = (filter: CasesQuery, signal?: AbortSignal) => apiRequest<RectificationCase[]>(withQuery('/rectification', { ...filter }), { signal });

export const fetchCase = (id: number, signal?: AbortSignal) => apiRequest<RectificationCaseDetail>(`/rectification/${id}`, { signal });

export const submitCase = (id: number, body: CaseSubmission) => apiRequest<RectificationCaseDetail>(`/rectification/${id}/submit`, { method: 'POST', body });

export const decideCase = (id: number, body: CaseDecision) => apiRequest<RectificationCaseDetail>(`/rectification/${id}/decision`, { method: 'POST', body });

export const CASES_ROOT = 'rectification';

export const casesQuery = (filter: CasesQuery) =>
  queryOptions({
    queryKey: [CASES_ROOT, 'list', filter.dept ?? null, filter.period ?? null, filter.state ?? null] as const,
    queryFn: ({ signal }) => fetchCases(filter, signal),
  });

export const caseQuery = (id: number) => queryOptions({ queryKey: [CASES_ROOT, 'one', id] as const, queryFn: ({ signal }) => fetchCase(id, signal) });
