// Test-only stand-in for the ingest and the API's aggregation queries: reads
// the worked example from disk and produces ScoringInput the way the API will.
// Not exported from the package.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  ApiFact,
  AppealFact,
  DepartmentInfo,
  Frequency,
  ObjectionFact,
  RequestFact,
  ResourceInfo,
  ScoringInput,
  UpdateFact,
  WorkingDayCalendar,
} from '../types';
import { DEFAULT_TIME_ZONE, parseTimestamp } from '../time';
import { DEFAULT_SCHEME } from '../scheme';
import { periodBounds } from '../period';

export const EXAMPLE_DIR = resolve(__dirname, '../../../../test/fixtures/example');

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export interface RawEvent {
  id: string;
  type: string;
  at: number;
  dept: string;
  [field: string]: unknown;
}

export interface LoadedExample {
  departments: DepartmentInfo[];
  resources: ResourceInfo[];
  calendar: WorkingDayCalendar;
  events: RawEvent[];
  read: number;
  duplicates: number[];
  quarantined: { line: number; reason: string; text: string }[];
}

const TYPE_FIELDS: Record<string, readonly string[]> = {
  'resource.updated': ['resource', 'records', 'complete_records'],
  'request.submitted': ['request', 'resource', 'requester'],
  'request.answered': ['request', 'decision', 'reason'],
  'objection.raised': ['objection', 'resource', 'raised_by'],
  'objection.resolved': ['objection'],
  'api.called': ['resource', 'consumer', 'status', 'latency_ms'],
};

function absent(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (typeof v === 'string' && v.trim() === '');
}

function contentKey(e: RawEvent): string {
  return JSON.stringify([e.type, e.at, e.dept, ...(TYPE_FIELDS[e.type] ?? []).map((f) => (absent(e[f]) ? null : e[f]))]);
}

export function loadExample(dir: string = EXAMPLE_DIR): LoadedExample {
  const departments: DepartmentInfo[] = parseCsv(readFileSync(join(dir, 'departments.csv'), 'utf8')).map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.name_en || null,
    category: r.category || null,
    active: r.active !== 'false',
  }));
  const resources: ResourceInfo[] = parseCsv(readFileSync(join(dir, 'catalog.csv'), 'utf8')).map((r) => ({
    code: r.code,
    name: r.name,
    dept: r.dept,
    frequency: r.frequency as Frequency,
    activeFrom: r.active_from || null,
    activeTo: r.active_to || null,
  }));
  const cal = parseCsv(readFileSync(join(dir, 'calendar.csv'), 'utf8'));
  const calendar: WorkingDayCalendar = {
    holidays: cal.filter((r) => r.kind === 'holiday').map((r) => r.date),
    workdays: cal.filter((r) => r.kind === 'workday').map((r) => r.date),
  };
  const deptCodes = new Set(departments.map((d) => d.code));
  const resourceDept = new Map(resources.map((r) => [r.code, r.dept]));

  const lines = readFileSync(join(dir, 'events.ndjson'), 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const events: RawEvent[] = [];
  const stored = new Map<string, string>();
  const duplicates: number[] = [];
  const quarantined: LoadedExample['quarantined'] = [];
  let read = 0;
  lines.forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '') return;
    read++;
    const line = i + 1;
    const reason = ((): string | RawEvent => {
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(text);
      } catch {
        return 'invalid JSON';
      }
      for (const f of ['id', 'type', 'at', 'dept']) if (absent(obj[f])) return `missing field "${f}"`;
      if (!TYPE_FIELDS[obj.type as string]) return `unknown type "${obj.type}"`;
      const at = parseTimestamp(String(obj.at), DEFAULT_TIME_ZONE);
      if (at === null) return `field "at" is not an ISO-8601 timestamp: "${obj.at}"`;
      if (!deptCodes.has(obj.dept as string)) return `unknown department "${obj.dept}"`;
      if (!absent(obj.resource) && resourceDept.get(obj.resource as string) !== obj.dept)
        return `resource "${obj.resource}" does not belong to department "${obj.dept}"`;
      if (obj.type === 'resource.updated' && (obj.complete_records as number) > (obj.records as number)) return 'complete_records > records';
      if (obj.type === 'request.answered' && obj.decision === 'rejected' && absent(obj.reason)) return 'a rejected request needs a reason';
      return { ...obj, at } as RawEvent;
    })();
    if (typeof reason === 'string') {
      quarantined.push({ line, reason, text });
      return;
    }
    const key = contentKey(reason);
    const prev = stored.get(reason.id);
    if (prev === undefined) {
      stored.set(reason.id, key);
      events.push(reason);
    } else if (prev === key) duplicates.push(line);
    else quarantined.push({ line, reason: `id "${reason.id}" already stored with different content`, text });
  });
  return { departments, resources, calendar, events, read, duplicates, quarantined };
}

function earliest<T extends { at: number; id: string }>(a: T | undefined, b: T): T {
  return !a || b.at < a.at || (b.at === a.at && b.id < a.id) ? b : a;
}

/** p95 by nearest rank. */
function p95(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(0.95 * s.length) - 1];
}

/** What the API's aggregation queries hand the engine for one period. */
export function buildInput(
  ex: LoadedExample,
  period: string,
  asOf: number,
  previousRanks: Record<string, number | null> | null,
  appeals: AppealFact[] = [],
): ScoringInput {
  const { start, end } = periodBounds(period, DEFAULT_TIME_ZONE);
  const updates: UpdateFact[] = ex.events
    .filter((e) => e.type === 'resource.updated')
    .map((e) => ({
      id: e.id,
      dept: e.dept,
      resource: e.resource as string,
      at: e.at,
      records: e.records as number,
      completeRecords: e.complete_records as number,
    }));

  const subs = new Map<string, RawEvent>();
  const answers = new Map<string, RawEvent>();
  const raised = new Map<string, RawEvent>();
  const resolved = new Map<string, RawEvent>();
  for (const e of ex.events) {
    if (e.type === 'request.submitted') subs.set(e.request as string, earliest(subs.get(e.request as string), e));
    if (e.type === 'request.answered') answers.set(e.request as string, earliest(answers.get(e.request as string), e));
    if (e.type === 'objection.raised') raised.set(e.objection as string, earliest(raised.get(e.objection as string), e));
    if (e.type === 'objection.resolved') resolved.set(e.objection as string, earliest(resolved.get(e.objection as string), e));
  }
  const requests: RequestFact[] = [...subs.entries()].map(([id, s]) => {
    const a = answers.get(id);
    return {
      id,
      dept: s.dept,
      resource: s.resource as string,
      requester: s.requester as string,
      submittedAt: s.at,
      submissionEventId: s.id,
      answeredAt: a ? a.at : null,
      answerEventId: a ? a.id : null,
      decision: a ? (a.decision as 'approved' | 'rejected') : null,
    };
  });
  const objections: ObjectionFact[] = [...raised.entries()].map(([id, s]) => {
    const a = resolved.get(id);
    return {
      id,
      dept: s.dept,
      resource: s.resource as string,
      raisedBy: s.raised_by as string,
      raisedAt: s.at,
      raiseEventId: s.id,
      resolvedAt: a ? a.at : null,
      resolveEventId: a ? a.id : null,
    };
  });

  const apiByDept = new Map<string, { classes: [number, number, number, number, number]; latencies: number[] }>();
  for (const e of ex.events) {
    if (e.type !== 'api.called' || e.at < start || e.at >= end || e.at > asOf) continue;
    let b = apiByDept.get(e.dept);
    if (!b) apiByDept.set(e.dept, (b = { classes: [0, 0, 0, 0, 0], latencies: [] }));
    b.classes[Math.floor((e.status as number) / 100) - 1]++;
    b.latencies.push(e.latency_ms as number);
  }
  const api: ApiFact[] = [...apiByDept.entries()].map(([dept, b]) => ({ dept, byStatusClass: b.classes, latencyP95Ms: p95(b.latencies) }));

  return {
    period,
    asOf,
    timeZone: DEFAULT_TIME_ZONE,
    scheme: DEFAULT_SCHEME,
    calendar: ex.calendar,
    departments: ex.departments,
    resources: ex.resources,
    updates,
    requests,
    objections,
    api,
    appeals,
    previousRanks,
  };
}
