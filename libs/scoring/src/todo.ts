// To-do and early warnings (预警), scoring.md: what a department must act on
// as of an instant, before the point is lost. Same facts, windows, deadlines
// and appeals as the engine.
import type { AppealFact, DepartmentInfo, ObjectionFact, RequestFact, ResourceInfo, Scheme, UpdateFact, WorkingDayCalendar } from './types';
import { assertValidScheme, DEFAULT_RECTIFICATION_WORKDAYS, DEFAULT_WARN_WORKDAYS, graceMs } from './scheme';
import { WorkingDays, addWorkingDays, type WorkingDayDeadline } from './working-days';
import { ZoneDays } from './zone-days';
import { DEFAULT_TIME_ZONE } from './time';
import { effectiveAnswerAt } from './request-outcome';
import { caseKey, indexAppeals, missedWindowKey } from './appeal-index';
import { caseDeadline, isOverdueOpen, objectionCase, requestCase, resolveCases } from './response';
import { activeDays, activeForWindow } from './timeliness';
import { windowsEndingIn, type WindowFrequency } from './windows';
import { assessmentStartInstant, factsFromAssessmentStart } from './assessment-start';
import { byCode, type Case } from './engine-state';
import { dayToYmd, ymdToDay } from './civil-day';

export interface TodoInput {
  asOf: number;
  timeZone: string;
  scheme: Scheme;
  calendar: WorkingDayCalendar;
  departments: readonly DepartmentInfo[];
  resources: readonly ResourceInfo[];
  /** Updates of the open windows; todoUpdateRange says which instants are enough. */
  updates: readonly UpdateFact[];
  requests: readonly RequestFact[];
  objections: readonly ObjectionFact[];
  appeals: readonly AppealFact[];
}

export type CaseKind = 'request' | 'objection';

export interface OverdueItem {
  kind: CaseKind;
  id: string;
  resource: string;
  counterpart: string;
  deadline: string;
  workdaysOverdue: number;
  eventIds: string[];
}

export type AtRiskItem =
  | { kind: CaseKind; id: string; resource: string; counterpart: string; deadline: string; workdaysLeft: number; eventIds: string[] }
  | { kind: 'window'; resource: string; windowStart: string; windowEnd: string; workdaysLeft: number; eventIds: string[] };

export interface DepartmentTodo {
  dept: string;
  asOf: string;
  overdue: OverdueItem[];
  atRisk: AtRiskItem[];
}

const WARNED_FREQUENCIES: readonly WindowFrequency[] = ['weekly', 'monthly', 'quarterly', 'yearly'];
const KIND_ORDER: Record<CaseKind | 'window', number> = { request: 0, objection: 1, window: 2 };

/** The instants of updates the to-do reads: [from, to], the open windows of the as-of instant. */
export function todoUpdateRange(asOf: number, scheme: Pick<Scheme, 'updateGraceHours'>, timeZone: string = DEFAULT_TIME_ZONE): { from: number; to: number } {
  const zone = new ZoneDays(timeZone, asOf);
  // A yearly window is the longest: it starts on Jan 1 of the year containing asOf − grace.
  const { year } = dayToYmd(zone.dayOf(asOf - graceMs(scheme)));
  return { from: zone.start(ymdToDay(year, 1, 1)), to: asOf };
}

interface Sortable<T> {
  deadline: number;
  kind: CaseKind | 'window';
  key: string;
  item: T;
}

function sorted<T>(items: Sortable<T>[]): T[] {
  return items.sort((a, b) => a.deadline - b.deadline || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byCode(a.key, b.key)).map((s) => s.item);
}

/** Every active department's to-do as of `asOf`, in code order, empty lists included. */
export function computeTodo(input: TodoInput): DepartmentTodo[] {
  const { asOf, timeZone, scheme } = input;
  assertValidScheme(scheme);
  if (!Number.isFinite(asOf)) throw new Error('asOf must be an instant (epoch ms)');
  const warn = scheme.warnWorkdays ?? DEFAULT_WARN_WORKDAYS;
  const grace = graceMs(scheme);
  const zone = new ZoneDays(timeZone, asOf);
  const workingDays = new WorkingDays(input.calendar);
  const appeals = indexAppeals(input.appeals.filter((a) => a.status === 'accepted'));
  const start = assessmentStartInstant(scheme, timeZone);
  const facts = factsFromAssessmentStart(input, start);
  const today = zone.dayOf(asOf);
  const format = (ms: number): string => zone.format(ms);

  const lists = new Map<string, { overdue: Sortable<OverdueItem>[]; atRisk: Sortable<AtRiskItem>[] }>();
  for (const d of input.departments) if (d.active && !lists.has(d.code)) lists.set(d.code, { overdue: [], atRisk: [] });

  const cases = (items: Case[], sla: number, kind: CaseKind): void => {
    const appealMap = kind === 'request' ? appeals.lateRequest : appeals.lateObjection;
    for (const c of resolveCases(items)) {
      const list = lists.get(c.dept);
      if (!list || c.submittedAt > asOf) continue;
      if (appealMap.has(caseKey(c.dept, c.id))) continue;
      const answeredAt = effectiveAnswerAt(c, asOf);
      const { deadlineDay, deadline } = caseDeadline(zone, workingDays, c.submittedAt, sla);
      const base = { kind, id: c.id, resource: c.resource, counterpart: c.counterpart, deadline: format(deadline) };
      const eventIds = [c.submissionEventId];
      if (isOverdueOpen(deadline, answeredAt, asOf, false)) {
        const workdaysOverdue = workingDays.countBetween(deadlineDay, today);
        list.overdue.push({ deadline, kind, key: c.id, item: { ...base, workdaysOverdue, eventIds } });
      } else if (answeredAt === null && asOf < deadline) {
        const workdaysLeft = workingDays.countBetween(today, deadlineDay);
        if (workdaysLeft <= warn) list.atRisk.push({ deadline, kind, key: c.id, item: { ...base, workdaysLeft, eventIds } });
      }
    }
  };
  cases(facts.requests.map(requestCase), scheme.requestSlaWorkdays, 'request');
  cases(facts.objections.map(objectionCase), scheme.objectionSlaWorkdays, 'objection');

  // Windows open at asOf: w.start <= asOf < w.end + grace.
  const open = new Map<WindowFrequency, { startDay: number; endDay: number; startMs: number; endMs: number }[]>();
  const fromDay = zone.dayOf(asOf - grace);
  for (const frequency of WARNED_FREQUENCIES) {
    const list = [];
    // Window ends lie after asOf − grace and, for a window started by asOf, within a year after it.
    for (const w of windowsEndingIn(frequency, fromDay - 1, today + 367)) {
      const startMs = zone.start(w.startDay);
      const endMs = zone.start(w.endDay);
      if (startMs <= asOf && asOf < endMs + grace && !(start !== null && startMs < start)) list.push({ ...w, startMs, endMs });
    }
    open.set(frequency, list);
  }
  const updatesByResource = new Map<string, number[]>();
  for (const u of facts.updates) {
    if (u.at > asOf) continue;
    const times = updatesByResource.get(u.resource);
    if (times) times.push(u.at);
    else updatesByResource.set(u.resource, [u.at]);
  }
  for (const r of input.resources) {
    const list = lists.get(r.dept);
    if (!list || !WARNED_FREQUENCIES.includes(r.frequency as WindowFrequency)) continue;
    const active = activeDays(r);
    const times = updatesByResource.get(r.code) ?? [];
    for (const w of open.get(r.frequency as WindowFrequency)!) {
      if (!activeForWindow(active, w.startDay, w.endDay)) continue;
      if (times.some((at) => at >= w.startMs && at <= asOf)) continue;
      if (appeals.missedWindow.has(missedWindowKey(r.dept, r.code, w.startMs))) continue;
      const deadline = w.endMs + grace;
      const deadlineDay = zone.dayOf(deadline - 1);
      const workdaysLeft = workingDays.countBetween(today, deadlineDay);
      if (workdaysLeft > warn) continue;
      list.atRisk.push({
        deadline,
        kind: 'window',
        key: r.code,
        item: { kind: 'window', resource: r.code, windowStart: format(w.startMs), windowEnd: format(w.endMs), workdaysLeft, eventIds: [] },
      });
    }
  }

  return [...lists.entries()]
    .sort(([a], [b]) => byCode(a, b))
    .map(([dept, l]) => ({ dept, asOf: format(asOf), overdue: sorted(l.overdue), atRisk: sorted(l.atRisk) }));
}

/** A rectification's due date: rectificationWorkdays (default 10) working days after publication. */
export function rectificationDue(
  publishedAt: number,
  scheme: Pick<Scheme, 'rectificationWorkdays'>,
  calendar: WorkingDayCalendar,
  timeZone: string = DEFAULT_TIME_ZONE,
): WorkingDayDeadline {
  return addWorkingDays(publishedAt, scheme.rectificationWorkdays ?? DEFAULT_RECTIFICATION_WORKDAYS, calendar, timeZone);
}
