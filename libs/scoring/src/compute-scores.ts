import type {
  AppealFact,
  DepartmentExtras,
  DepartmentFindings,
  DepartmentInfo,
  DepartmentScore,
  Finding,
  FindingAppeal,
  Grade,
  NoticeEntry,
  ObjectionFact,
  RequestFact,
  Scheme,
  ScoreCounts,
  ScoringInput,
  ScoringResult,
  UpdateFact,
} from './types';
import { dateToDay } from './civil-day';
import { periodBounds, periodDays, parsePeriodOrThrow } from './period';
import { assertValidScheme, graceMs } from './scheme';
import { WorkingDays } from './working-days';
import { effectiveAnswerAt, outcomeOf } from './request-outcome';
import { ZoneDays } from './zone-days';
import { windowsEndingIn, WINDOW_FREQUENCIES, type WindowFrequency } from './windows';
import {
  add,
  div,
  fromDecimalNumber,
  isZero,
  mul,
  percent,
  rational,
  roundToHundredths,
  ZERO,
  type Rational,
} from './rational';

const MAX_LOW_COMPLETENESS_FINDINGS = 5;

interface DueWindow {
  startDay: number;
  endDay: number;
  startMs: number;
  endMs: number;
  /** Updates before this instant (window end + grace) meet the window. */
  metUntil: number;
  startText?: string;
  endText?: string;
}

interface ResourceCompleteness {
  resource: string;
  /** Over every update of the resource in the period, appealed or not: what the finding shows. */
  records: number;
  completeRecords: number;
  updateIndexes: number[];
}

/** A request or an objection: a submission, its SLA, its answer. */
interface Case {
  id: string;
  dept: string;
  resource: string;
  counterpart: string;
  submittedAt: number;
  submissionEventId: string;
  answeredAt: number | null;
  answerEventId: string | null;
  decision: 'approved' | 'rejected' | null;
}

interface LateCase {
  item: Case;
  deadline: number;
  answeredAt: number | null;
  workdaysLate: number;
  appeal: AppealFact | undefined;
}

interface MissedWindow {
  window: DueWindow;
  resource: string;
  appeal: AppealFact | undefined;
}

interface DeptState {
  info: DepartmentInfo;
  counts: ScoreCounts;
  completeness: Map<string, ResourceCompleteness>;
  missed: MissedWindow[];
  lateRequests: LateCase[];
  lateObjections: LateCase[];
  answeredInPeriod: number;
  rejectedInPeriod: number;
  answerWorkdays: number[];
  latencyP95Ms: number | null;
}

function emptyCounts(): ScoreCounts {
  return {
    windowsDue: 0,
    windowsMet: 0,
    records: 0,
    completeRecords: 0,
    requestsSettled: 0,
    requestsOnTime: 0,
    requestsPending: 0,
    requestsOverdueOpen: 0,
    objectionsSettled: 0,
    objectionsOnTime: 0,
    apiSuccess: 0,
    apiFailure: 0,
  };
}

/** Codes are user data: '__proto__' is a valid department code and must stay an ordinary key. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Among several appeals of one finding the accepted one decides; otherwise the latest filed. */
function preferAppeal(a: AppealFact | undefined, b: AppealFact): AppealFact {
  if (!a) return b;
  if ((a.status === 'accepted') !== (b.status === 'accepted')) return a.status === 'accepted' ? a : b;
  return b.id > a.id ? b : a;
}

function toFindingAppeal(a: AppealFact | undefined): FindingAppeal | null {
  return a ? { id: a.id, status: a.status } : null;
}

const SEP = '\u0000';

interface AppealIndex {
  missedWindow: Map<string, AppealFact>;
  lateRequest: Map<string, AppealFact>;
  lateObjection: Map<string, AppealFact>;
  lowCompleteness: Map<string, AppealFact[]>;
  /** Update ids left out of completeness, by department. */
  removedUpdates: Map<string, Set<string>>;
}

function indexAppeals(appeals: readonly AppealFact[]): AppealIndex {
  const index: AppealIndex = {
    missedWindow: new Map(),
    lateRequest: new Map(),
    lateObjection: new Map(),
    lowCompleteness: new Map(),
    removedUpdates: new Map(),
  };
  const put = (map: Map<string, AppealFact>, key: string, a: AppealFact): void => {
    map.set(key, preferAppeal(map.get(key), a));
  };
  for (const a of appeals) {
    switch (a.kind) {
      case 'missed_window':
        put(index.missedWindow, a.dept + SEP + a.resource + SEP + a.windowStart, a);
        break;
      case 'late_request':
        put(index.lateRequest, a.dept + SEP + a.request, a);
        break;
      case 'late_objection':
        put(index.lateObjection, a.dept + SEP + a.objection, a);
        break;
      case 'low_completeness': {
        const key = a.dept + SEP + a.resource;
        const list = index.lowCompleteness.get(key);
        if (list) list.push(a);
        else index.lowCompleteness.set(key, [a]);
        if (a.status === 'accepted') {
          let removed = index.removedUpdates.get(a.dept);
          if (!removed) index.removedUpdates.set(a.dept, (removed = new Set()));
          for (const id of a.eventIds) removed.add(id);
        }
        break;
      }
    }
  }
  return index;
}

function earlier(at1: number, id1: string, at2: number, id2: string): boolean {
  return at1 < at2 || (at1 === at2 && id1 < id2);
}

/** One case per id: the earliest submission and the earliest answer, whatever order they came in. */
function resolveCases(cases: Case[]): Case[] {
  const byId = new Map<string, Case>();
  let duplicates = false;
  for (const c of cases) {
    const prev = byId.get(c.id);
    if (!prev) {
      byId.set(c.id, c);
      continue;
    }
    duplicates = true;
    const sub = earlier(c.submittedAt, c.submissionEventId, prev.submittedAt, prev.submissionEventId) ? c : prev;
    let ans: Case | null = null;
    for (const x of [prev, c]) {
      if (x.answeredAt === null) continue;
      if (!ans || earlier(x.answeredAt, x.answerEventId ?? '', ans.answeredAt!, ans.answerEventId ?? '')) ans = x;
    }
    byId.set(c.id, {
      ...sub,
      answeredAt: ans ? ans.answeredAt : null,
      answerEventId: ans ? ans.answerEventId : null,
      decision: ans ? ans.decision : null,
    });
  }
  return duplicates ? [...byId.values()] : cases;
}

function requestCase(r: RequestFact): Case {
  return {
    id: r.id,
    dept: r.dept,
    resource: r.resource,
    counterpart: r.requester,
    submittedAt: r.submittedAt,
    submissionEventId: r.submissionEventId,
    answeredAt: r.answeredAt,
    answerEventId: r.answerEventId,
    decision: r.decision,
  };
}

function objectionCase(o: ObjectionFact): Case {
  return {
    id: o.id,
    dept: o.dept,
    resource: o.resource,
    counterpart: o.raisedBy,
    submittedAt: o.raisedAt,
    submissionEventId: o.raiseEventId,
    answeredAt: o.resolvedAt,
    answerEventId: o.resolveEventId,
    decision: null,
  };
}

function weightedMean(parts: ReadonlyArray<readonly [Rational, Rational | null]>): Rational | null {
  let num = ZERO;
  let den = ZERO;
  for (const [w, v] of parts) {
    if (v === null || isZero(w)) continue;
    num = add(num, mul(w, v));
    den = add(den, w);
  }
  return isZero(den) ? null : div(num, den);
}

function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface GradeCut {
  grade: Grade;
  /** The threshold in hundredths, rounded up: a rounded total reaches it iff total * 100 >= this. */
  minHundredths: bigint;
}

function gradeCuts(thresholds: Scheme['gradeThresholds']): GradeCut[] {
  return (['A', 'B', 'C'] as const).map((grade) => {
    const t = mul(fromDecimalNumber(thresholds[grade]), rational(100n));
    // Ceiling of t for t >= 0.
    const ceil = (t.n + t.d - 1n) / t.d;
    return { grade, minHundredths: ceil };
  });
}

function gradeFromHundredths(h: bigint, cuts: readonly GradeCut[]): Grade {
  for (const c of cuts) if (h >= c.minHundredths) return c.grade;
  return 'D';
}

/** The grade of a rounded total under the scheme's thresholds; null for no data. */
export function gradeOf(total: number | null, thresholds: Scheme['gradeThresholds']): Grade | null {
  if (total === null) return null;
  return gradeFromHundredths(roundToHundredths(fromDecimalNumber(total)), gradeCuts(thresholds));
}

function hundredthsToNumber(h: bigint): number {
  return Number(h) / 100;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Scores, ranks, grades, lists and findings of one period as of one instant:
 * the whole scoring method (scoring.md). Pure: everything it needs is in the
 * input, which may hold more facts than the period needs.
 */
export function computeScores(input: ScoringInput): ScoringResult {
  const period = parsePeriodOrThrow(input.period);
  assertValidScheme(input.scheme);
  const { scheme, asOf, timeZone } = input;
  if (!Number.isFinite(asOf)) throw new Error('asOf must be an instant (epoch ms)');
  const { start, end } = periodBounds(period, timeZone);
  const { startDay, endDay } = periodDays(period);
  const grace = graceMs(scheme);
  const cut = Math.min(end, asOf);
  const zone = new ZoneDays(timeZone, start);
  const workingDays = new WorkingDays(input.calendar);
  const appeals = indexAppeals(input.appeals);

  const depts = new Map<string, DeptState>();
  for (const info of input.departments) {
    if (!info.active || depts.has(info.code)) continue;
    depts.set(info.code, {
      info,
      counts: emptyCounts(),
      completeness: new Map(),
      missed: [],
      lateRequests: [],
      lateObjections: [],
      answeredInPeriod: 0,
      rejectedInPeriod: 0,
      answerWorkdays: [],
      latencyP95Ms: null,
    });
  }

  // Windows assessed in the period, shared by every resource of a frequency.
  const dueWindows = new Map<WindowFrequency, DueWindow[]>();
  let fetchFrom = Infinity;
  let fetchTo = -Infinity;
  for (const frequency of WINDOW_FREQUENCIES) {
    const list: DueWindow[] = [];
    for (const w of windowsEndingIn(frequency, startDay, endDay)) {
      const endMs = zone.start(w.endDay);
      if (endMs + grace > asOf) break;
      const startMs = zone.start(w.startDay);
      list.push({ startDay: w.startDay, endDay: w.endDay, startMs, endMs, metUntil: endMs + grace });
      fetchFrom = Math.min(fetchFrom, startMs);
      fetchTo = Math.max(fetchTo, endMs + grace);
    }
    dueWindows.set(frequency, list);
  }

  // Update instants of every assessed resource, whichever department stamped them.
  const updateTimes = new Map<string, number[]>();
  for (const r of input.resources) {
    if (r.frequency !== 'on_demand' && depts.has(r.dept) && dueWindows.get(r.frequency)!.length > 0) updateTimes.set(r.code, []);
  }

  const updates: readonly UpdateFact[] = input.updates;
  for (let i = 0; i < updates.length; i++) {
    const u = updates[i];
    const at = u.at;
    if (at >= fetchFrom && at < fetchTo) {
      const times = updateTimes.get(u.resource);
      if (times) times.push(at);
    }
    if (at < start || at >= end || at > asOf) continue;
    const st = depts.get(u.dept);
    if (!st) continue;
    let rc = st.completeness.get(u.resource);
    if (!rc) st.completeness.set(u.resource, (rc = { resource: u.resource, records: 0, completeRecords: 0, updateIndexes: [] }));
    rc.records += u.records;
    rc.completeRecords += u.completeRecords;
    rc.updateIndexes.push(i);
    const removed = appeals.removedUpdates.get(u.dept);
    if (removed && removed.has(u.id)) continue;
    st.counts.records += u.records;
    st.counts.completeRecords += u.completeRecords;
  }

  // Timeliness: walk each resource's sorted updates alongside its windows.
  const hasWindowAppeals = appeals.missedWindow.size > 0;
  for (const r of input.resources) {
    const times = updateTimes.get(r.code);
    if (!times) continue;
    const st = depts.get(r.dept)!;
    const windows = dueWindows.get(r.frequency as WindowFrequency)!;
    const activeFrom = r.activeFrom ? dateToDay(r.activeFrom) : -Infinity;
    const activeTo = r.activeTo ? dateToDay(r.activeTo) : Infinity;
    if (activeFrom === null || activeTo === null)
      throw new Error(`resource "${r.code}" has an active range that is not made of dates (YYYY-MM-DD)`);
    const sorted = Float64Array.from(times).sort();
    updateTimes.delete(r.code);
    let ptr = 0;
    for (const w of windows) {
      if (w.startDay < activeFrom || w.endDay - 1 > activeTo) continue;
      st.counts.windowsDue++;
      if (ptr < sorted.length && sorted[ptr] < w.startMs) ptr = lowerBound(sorted, w.startMs);
      if (ptr < sorted.length && sorted[ptr] < w.metUntil) {
        st.counts.windowsMet++;
        continue;
      }
      const appeal = hasWindowAppeals ? appeals.missedWindow.get(r.dept + SEP + r.code + SEP + w.startMs) : undefined;
      if (appeal?.status === 'accepted') st.counts.windowsMet++;
      st.missed.push({ window: w, resource: r.code, appeal });
    }
  }

  // Requests and objections.
  const processCases = (cases: Case[], sla: number, kind: 'request' | 'objection'): void => {
    const appealMap = kind === 'request' ? appeals.lateRequest : appeals.lateObjection;
    for (const c of resolveCases(cases)) {
      const st = depts.get(c.dept);
      if (!st || c.submittedAt > asOf) continue;
      const answeredAt = effectiveAnswerAt(c, asOf);
      const submittedDay = zone.dayOf(c.submittedAt);
      const deadlineDay = workingDays.addWorkingDays(submittedDay, sla);
      const deadline = zone.start(deadlineDay + 1);
      const appeal = appealMap.size > 0 ? appealMap.get(c.dept + SEP + c.id) : undefined;
      const appealAccepted = appeal?.status === 'accepted';
      const onTime = answeredAt !== null && outcomeOf(answeredAt, deadline, asOf) === 'on_time';
      let settledHere = false;
      let onTimeHere = false;
      if (onTime) {
        if (answeredAt >= start && answeredAt < end) settledHere = onTimeHere = true;
      } else if (asOf >= deadline && deadlineDay >= startDay && deadlineDay < endDay) {
        settledHere = true;
        onTimeHere = appealAccepted;
        const late: LateCase = {
          item: c,
          deadline,
          answeredAt,
          workdaysLate: workingDays.countBetween(deadlineDay, zone.dayOf(answeredAt ?? asOf)),
          appeal,
        };
        (kind === 'request' ? st.lateRequests : st.lateObjections).push(late);
      }
      if (kind === 'request') {
        if (settledHere) st.counts.requestsSettled++;
        if (onTimeHere) st.counts.requestsOnTime++;
        if (deadline <= cut && !(answeredAt !== null && answeredAt < cut) && !appealAccepted) st.counts.requestsOverdueOpen++;
        if (c.submittedAt < cut && answeredAt === null && asOf < deadline) st.counts.requestsPending++;
        if (answeredAt !== null && answeredAt >= start && answeredAt < end) {
          st.answeredInPeriod++;
          if (c.decision === 'rejected') st.rejectedInPeriod++;
          st.answerWorkdays.push(workingDays.countBetween(submittedDay, zone.dayOf(answeredAt)));
        }
      } else {
        if (settledHere) st.counts.objectionsSettled++;
        if (onTimeHere) st.counts.objectionsOnTime++;
      }
    }
  };
  processCases(input.requests.map(requestCase), scheme.requestSlaWorkdays, 'request');
  processCases(input.objections.map(objectionCase), scheme.objectionSlaWorkdays, 'objection');

  for (const a of input.api) {
    const st = depts.get(a.dept);
    if (!st) continue;
    const [, c2, c3, , c5] = a.byStatusClass;
    st.counts.apiSuccess += c2 + c3;
    st.counts.apiFailure += c5;
    if (a.latencyP95Ms !== undefined && a.latencyP95Ms !== null)
      st.latencyP95Ms = st.latencyP95Ms === null ? a.latencyP95Ms : Math.max(st.latencyP95Ms, a.latencyP95Ms);
  }

  // Scores on exact values, rounded once.
  const w = {
    t: fromDecimalNumber(scheme.weights.timeliness),
    c: fromDecimalNumber(scheme.weights.completeness),
    r: fromDecimalNumber(scheme.weights.response),
    requests: fromDecimalNumber(scheme.responseWeights.requests),
    objections: fromDecimalNumber(scheme.responseWeights.objections),
    api: fromDecimalNumber(scheme.responseWeights.api),
  };
  const rounded = (x: Rational | null): number | null => (x === null ? null : hundredthsToNumber(roundToHundredths(x)));
  interface Scored {
    st: DeptState;
    score: DepartmentScore;
    totalHundredths: bigint | null;
  }
  const scored: Scored[] = [];
  for (const st of depts.values()) {
    const k = st.counts;
    const t = k.windowsDue > 0 ? percent(k.windowsMet, k.windowsDue) : null;
    const c = k.records > 0 ? percent(k.completeRecords, k.records) : null;
    const r = weightedMean([
      [w.requests, k.requestsSettled > 0 ? percent(k.requestsOnTime, k.requestsSettled) : null],
      [w.objections, k.objectionsSettled > 0 ? percent(k.objectionsOnTime, k.objectionsSettled) : null],
      [w.api, k.apiSuccess + k.apiFailure > 0 ? percent(k.apiSuccess, k.apiSuccess + k.apiFailure) : null],
    ]);
    const total = weightedMean([
      [w.t, t],
      [w.c, c],
      [w.r, r],
    ]);
    const totalHundredths = total === null ? null : roundToHundredths(total);
    scored.push({
      st,
      totalHundredths,
      score: {
        dept: st.info.code,
        name: st.info.name,
        total: totalHundredths === null ? null : hundredthsToNumber(totalHundredths),
        timeliness: rounded(t),
        completeness: rounded(c),
        response: rounded(r),
        rank: null,
        rankChange: null,
        grade: null,
        counts: k,
      },
    });
  }

  const ranked = scored
    .filter((s) => s.totalHundredths !== null)
    .sort((a, b) => {
      const d = b.totalHundredths! - a.totalHundredths!;
      return d > 0n ? 1 : d < 0n ? -1 : byCode(a.score.dept, b.score.dept);
    });
  const cuts = gradeCuts(scheme.gradeThresholds);
  ranked.forEach((s, i) => {
    const prev = ranked[i - 1];
    s.score.rank = prev && prev.totalHundredths === s.totalHundredths ? prev.score.rank : i + 1;
    s.score.grade = gradeFromHundredths(s.totalHundredths!, cuts);
    const before = input.previousRanks && hasOwn(input.previousRanks, s.score.dept) ? input.previousRanks[s.score.dept] : null;
    s.score.rankChange = typeof before === 'number' ? before - s.score.rank! : null;
  });
  const unranked = scored.filter((s) => s.totalHundredths === null).sort((a, b) => byCode(a.score.dept, b.score.dept));
  const ordered = [...ranked, ...unranked];

  const noticed: NoticeEntry[] = [];
  const commended: string[] = [];
  for (const { score } of ordered) {
    const overdue = score.counts.requestsOverdueOpen;
    if (score.grade === 'D' || overdue > 0) noticed.push({ dept: score.dept, grade: score.grade, overdueOpenRequests: overdue });
    else if (score.grade === 'A' && score.rank! <= scheme.commendTopN) commended.push(score.dept);
  }

  const format = (ms: number): string => zone.format(ms);
  const findings: Record<string, Finding[]> = {};
  const extras: Record<string, DepartmentExtras> = {};
  for (const { st } of ordered) {
    setOwn(findings, st.info.code, buildFindings(st, updates, appeals, format));
    setOwn(extras, st.info.code, {
      rejectionRate: st.answeredInPeriod > 0 ? hundredthsToNumber(roundToHundredths(percent(st.rejectedInPeriod, st.answeredInPeriod))) : null,
      medianAnswerWorkdays: median(st.answerWorkdays),
      latencyP95Ms: st.latencyP95Ms,
      requestsPending: st.counts.requestsPending,
    });
  }

  return {
    record: {
      period: input.period,
      asOf: format(asOf),
      provisional: asOf < end + grace,
      schemeVersion: scheme.version,
      departments: ordered.map((s) => s.score),
      commended,
      noticed,
    },
    findings,
    extras,
  };
}

function buildFindings(
  st: DeptState,
  updates: readonly UpdateFact[],
  appeals: AppealIndex,
  format: (ms: number) => string,
): Finding[] {
  const out: Finding[] = [];

  st.missed.sort(
    (a, b) => a.window.startMs - b.window.startMs || a.window.endMs - b.window.endMs || byCode(a.resource, b.resource),
  );
  for (const m of st.missed) {
    const w = m.window;
    w.startText ??= format(w.startMs);
    w.endText ??= format(w.endMs);
    out.push({ kind: 'missed_window', resource: m.resource, windowStart: w.startText, windowEnd: w.endText, appeal: toFindingAppeal(m.appeal) });
  }

  const byDeadline = (a: LateCase, b: LateCase): number => a.deadline - b.deadline || byCode(a.item.id, b.item.id);
  const lateFields = (l: LateCase) => ({
    resource: l.item.resource,
    submittedAt: format(l.item.submittedAt),
    deadline: format(l.deadline),
    answeredAt: l.answeredAt === null ? null : format(l.answeredAt),
    workdaysLate: l.workdaysLate,
    // The submission always precedes a late answer, so this is already sorted by `at`.
    eventIds: l.answeredAt !== null && l.item.answerEventId !== null ? [l.item.submissionEventId, l.item.answerEventId] : [l.item.submissionEventId],
    appeal: toFindingAppeal(l.appeal),
  });
  for (const l of st.lateRequests.sort(byDeadline)) {
    const f = lateFields(l);
    out.push({
      kind: 'late_request',
      request: l.item.id,
      resource: f.resource,
      requester: l.item.counterpart,
      submittedAt: f.submittedAt,
      deadline: f.deadline,
      answeredAt: f.answeredAt,
      workdaysLate: f.workdaysLate,
      eventIds: f.eventIds,
      appeal: f.appeal,
    });
  }
  for (const l of st.lateObjections.sort(byDeadline)) {
    const f = lateFields(l);
    out.push({
      kind: 'late_objection',
      objection: l.item.id,
      resource: f.resource,
      raisedBy: l.item.counterpart,
      submittedAt: f.submittedAt,
      deadline: f.deadline,
      answeredAt: f.answeredAt,
      workdaysLate: f.workdaysLate,
      eventIds: f.eventIds,
      appeal: f.appeal,
    });
  }

  const low = [...st.completeness.values()]
    .filter((rc) => rc.records > 0 && rc.completeRecords < rc.records)
    .sort((a, b) => {
      const l = BigInt(a.completeRecords) * BigInt(b.records);
      const r = BigInt(b.completeRecords) * BigInt(a.records);
      return l < r ? -1 : l > r ? 1 : byCode(a.resource, b.resource);
    })
    .slice(0, MAX_LOW_COMPLETENESS_FINDINGS);
  for (const rc of low) {
    const eventIds = rc.updateIndexes
      .map((i) => updates[i])
      .sort((a, b) => a.at - b.at || byCode(a.id, b.id))
      .map((u) => u.id);
    let appeal: AppealFact | undefined;
    const candidates = appeals.lowCompleteness.get(st.info.code + SEP + rc.resource);
    if (candidates) {
      const named = new Set(eventIds);
      for (const a of candidates) if (a.kind === 'low_completeness' && a.eventIds.some((id) => named.has(id))) appeal = preferAppeal(appeal, a);
    }
    out.push({
      kind: 'low_completeness',
      resource: rc.resource,
      records: rc.records,
      completeRecords: rc.completeRecords,
      completeness: hundredthsToNumber(roundToHundredths(percent(rc.completeRecords, rc.records))),
      eventIds,
      appeal: toFindingAppeal(appeal),
    });
  }
  return out;
}

/** One department's findings in the shape of the findings endpoint; null when it is not in the record. */
export function departmentFindings(result: ScoringResult, dept: string): DepartmentFindings | null {
  if (!hasOwn(result.findings, dept)) return null;
  return { dept, period: result.record.period, asOf: result.record.asOf, findings: result.findings[dept] };
}
