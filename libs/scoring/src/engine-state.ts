// The engine's working state for one computation, shared by the dimension
// modules: what each department has accumulated so far.
import type { AppealFact, DepartmentInfo, ScoreCounts } from './types';
import type { WorkingDays } from './working-days';
import type { ZoneDays } from './zone-days';
import type { AppealIndex } from './appeal-index';

export const MAX_LOW_COMPLETENESS_FINDINGS = 5;

/** The period, the instant and the calendar every rule of one computation reads. */
export interface EngineContext {
  start: number;
  end: number;
  startDay: number;
  endDay: number;
  asOf: number;
  /** min(P.end, as-of): the notice rule's cut. */
  cut: number;
  grace: number;
  /** Windows that start before this instant are never due (−Infinity without an assessment start). */
  assessmentStart: number;
  zone: ZoneDays;
  workingDays: WorkingDays;
  appeals: AppealIndex;
}

export interface DueWindow {
  startDay: number;
  endDay: number;
  startMs: number;
  endMs: number;
  /** Updates before this instant (window end + grace) meet the window. */
  metUntil: number;
  startText?: string;
  endText?: string;
}

export interface ResourceCompleteness {
  resource: string;
  /** Over every update of the resource in the period, appealed or not: what the finding shows. */
  records: number;
  completeRecords: number;
  updateIndexes: number[];
}

/** A request or an objection: a submission, its SLA, its answer. */
export interface Case {
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

export interface LateCase {
  item: Case;
  deadline: number;
  answeredAt: number | null;
  workdaysLate: number;
  appeal: AppealFact | undefined;
}

export interface MissedWindow {
  window: DueWindow;
  resource: string;
  appeal: AppealFact | undefined;
}

export interface DeptState {
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

export type DeptStates = Map<string, DeptState>;

export function emptyCounts(): ScoreCounts {
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

/** One state per active department, the first of a repeated code. */
export function initialStates(departments: readonly DepartmentInfo[]): DeptStates {
  const depts: DeptStates = new Map();
  for (const info of departments) {
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
  return depts;
}

/** Codes are user data: '__proto__' is a valid department code and must stay an ordinary key. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hundredthsToNumber(h: bigint): number {
  return Number(h) / 100;
}
