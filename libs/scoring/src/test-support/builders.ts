// Test-only builders for small hand-made ScoringInputs.
import type { ApiFact, DepartmentInfo, Frequency, ObjectionFact, RequestFact, ResourceInfo, Scheme, ScoringInput, UpdateFact } from '../types';
import { DEFAULT_SCHEME } from '../scheme';
import { DEFAULT_TIME_ZONE, parseTimestamp } from '../time';

/** Local time in Asia/Shanghai unless the text carries an offset. */
export function t(text: string): number {
  const full = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text.length === 16 ? `${text}:00` : text;
  const ms = parseTimestamp(full, DEFAULT_TIME_ZONE);
  if (ms === null) throw new Error(`bad test timestamp ${text}`);
  return ms;
}

export const NATIONAL_DAY_2026 = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
};

export function dept(code: string, extra: Partial<DepartmentInfo> = {}): DepartmentInfo {
  return { code, name: `${code} name`, active: true, ...extra };
}

export function resource(code: string, deptCode: string, frequency: Frequency, extra: Partial<ResourceInfo> = {}): ResourceInfo {
  return { code, name: `${code} name`, dept: deptCode, frequency, activeFrom: null, activeTo: null, ...extra };
}

let seq = 0;
export function update(res: ResourceInfo, at: string | number, records = 10, completeRecords = records, id?: string): UpdateFact {
  return { id: id ?? `u-${++seq}`, dept: res.dept, resource: res.code, at: typeof at === 'number' ? at : t(at), records, completeRecords };
}

export function request(id: string, deptCode: string, submittedAt: string, answeredAt: string | null, extra: Partial<RequestFact> = {}): RequestFact {
  return {
    id,
    dept: deptCode,
    resource: `${deptCode}-R`,
    requester: 'REQ',
    submittedAt: t(submittedAt),
    submissionEventId: `${id}-s`,
    answeredAt: answeredAt === null ? null : t(answeredAt),
    answerEventId: answeredAt === null ? null : `${id}-a`,
    decision: answeredAt === null ? null : 'approved',
    ...extra,
  };
}

export function objection(id: string, deptCode: string, raisedAt: string, resolvedAt: string | null, extra: Partial<ObjectionFact> = {}): ObjectionFact {
  return {
    id,
    dept: deptCode,
    resource: `${deptCode}-R`,
    raisedBy: 'REQ',
    raisedAt: t(raisedAt),
    raiseEventId: `${id}-r`,
    resolvedAt: resolvedAt === null ? null : t(resolvedAt),
    resolveEventId: resolvedAt === null ? null : `${id}-v`,
    ...extra,
  };
}

export function api(deptCode: string, byStatusClass: ApiFact['byStatusClass'], latencyP95Ms: number | null = null): ApiFact {
  return { dept: deptCode, byStatusClass, latencyP95Ms };
}

export function scheme(overrides: Partial<Scheme> = {}): Scheme {
  return { ...DEFAULT_SCHEME, ...overrides };
}

export function input(overrides: Partial<ScoringInput> = {}): ScoringInput {
  return {
    period: '2026-10',
    asOf: t('2026-11-05'),
    timeZone: DEFAULT_TIME_ZONE,
    scheme: DEFAULT_SCHEME,
    calendar: { holidays: [], workdays: [] },
    departments: [],
    resources: [],
    updates: [],
    requests: [],
    objections: [],
    api: [],
    appeals: [],
    previousRanks: null,
    ...overrides,
  };
}

/** An update on each of the given local days at noon. */
export function dailyUpdates(res: ResourceInfo, days: string[], records = 10, completeRecords = records): UpdateFact[] {
  return days.map((d) => update(res, `${d}T12:00:00`, records, completeRecords));
}

/** Every local date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}
