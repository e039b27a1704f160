// The engine's inputs and outputs. The API's aggregation queries produce a
// ScoringInput; everything that turns it into scores lives in this library.
// Instants are epoch milliseconds; local dates are 'YYYY-MM-DD' strings in the
// assessment time zone.

export type Frequency = 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'on_demand';

export const FREQUENCIES: readonly Frequency[] = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_demand'];

export interface Scheme {
  version: number;
  weights: { timeliness: number; completeness: number; response: number };
  responseWeights: { requests: number; objections: number; api: number };
  requestSlaWorkdays: number;
  objectionSlaWorkdays: number;
  updateGraceHours: number;
  /** Lower bounds of the rounded total for grades A, B and C; below C is D. */
  gradeThresholds: { A: number; B: number; C: number };
  commendTopN: number;
  /** To-do: a pending item or an open window is at risk with at most this many working days left (default 2). */
  warnWorkdays?: number;
  /** Working days after publication a rectification is due (default 10). */
  rectificationWorkdays?: number;
  /** The first month assessed, 'YYYY-MM'; unset (absent or null) assesses everything. */
  assessmentStart?: string | null;
}

export interface WorkingDayCalendar {
  /** Weekdays that are not working days. */
  holidays: readonly string[];
  /** Weekend days that are working days. */
  workdays: readonly string[];
}

export interface DepartmentInfo {
  code: string;
  name: string;
  nameEn?: string | null;
  category?: string | null;
  active: boolean;
}

export interface ResourceInfo {
  code: string;
  name: string;
  dept: string;
  frequency: Frequency;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface UpdateFact {
  id: string;
  dept: string;
  resource: string;
  at: number;
  records: number;
  completeRecords: number;
}

/** One request: its earliest submission and its earliest answer by id, resolved by the aggregation. */
export interface RequestFact {
  id: string;
  dept: string;
  resource: string;
  requester: string;
  submittedAt: number;
  submissionEventId: string;
  answeredAt: number | null;
  answerEventId: string | null;
  decision: 'approved' | 'rejected' | null;
}

export interface ObjectionFact {
  id: string;
  dept: string;
  resource: string;
  raisedBy: string;
  raisedAt: number;
  raiseEventId: string;
  resolvedAt: number | null;
  resolveEventId: string | null;
}

/** Interface calls of one department inside the period, not before the assessment start (assessmentStartInstant) and not after the as-of instant, by status class. */
export interface ApiFact {
  dept: string;
  /** Counts of calls with status 1xx, 2xx, 3xx, 4xx, 5xx. */
  byStatusClass: [number, number, number, number, number];
  /** Latency p95 in ms (shown, not scored), when known. */
  latencyP95Ms?: number | null;
}

export type AppealStatus = 'pending' | 'accepted' | 'rejected';

export type AppealTarget =
  | { kind: 'missed_window'; dept: string; resource: string; windowStart: number }
  | { kind: 'late_request'; dept: string; request: string }
  | { kind: 'late_objection'; dept: string; objection: string }
  | { kind: 'low_completeness'; dept: string; resource: string; eventIds: string[] };

export type AppealFact = AppealTarget & { id: number; status: AppealStatus };

export interface ScoringInput {
  /** '2026-10', '2026-Q4' or '2026'. */
  period: string;
  asOf: number;
  timeZone: string;
  scheme: Scheme;
  calendar: WorkingDayCalendar;
  departments: readonly DepartmentInfo[];
  resources: readonly ResourceInfo[];
  updates: readonly UpdateFact[];
  requests: readonly RequestFact[];
  objections: readonly ObjectionFact[];
  api: readonly ApiFact[];
  appeals: readonly AppealFact[];
  /** Ranks in the previous period of the same kind (published, or computed as of the same instant). */
  previousRanks: Readonly<Record<string, number | null>> | null;
  /** The previous period is published: it counts as assessed even when it ends before the assessment start. */
  previousPublished?: boolean;
}

export interface ScoreCounts {
  windowsDue: number;
  windowsMet: number;
  records: number;
  completeRecords: number;
  requestsSettled: number;
  requestsOnTime: number;
  requestsPending: number;
  requestsOverdueOpen: number;
  objectionsSettled: number;
  objectionsOnTime: number;
  apiSuccess: number;
  apiFailure: number;
}

export type Grade = 'A' | 'B' | 'C' | 'D';

export interface DepartmentScore {
  dept: string;
  name: string;
  total: number | null;
  timeliness: number | null;
  completeness: number | null;
  response: number | null;
  rank: number | null;
  rankChange: number | null;
  grade: Grade | null;
  counts: ScoreCounts;
  /** 100 − total split by dimension and sub-indicator (scoring.md "Points lost"); null for no data. */
  pointsLost: PointsLost | null;
}

/** Each part rounded once; null where its dimension or sub-indicator is N/A; `total` is 100 − the rounded total. */
export interface PointsLost {
  total: number;
  timeliness: number | null;
  completeness: number | null;
  requests: number | null;
  objections: number | null;
  interfaces: number | null;
}

export interface NoticeEntry {
  dept: string;
  grade: Grade | null;
  overdueOpenRequests: number;
}

export interface ScoreRecord {
  period: string;
  /** ISO-8601 with the assessment time zone's offset. */
  asOf: string;
  provisional: boolean;
  schemeVersion: number;
  departments: DepartmentScore[];
  commended: string[];
  noticed: NoticeEntry[];
}

export interface FindingAppeal {
  id: number;
  status: AppealStatus;
}

// `pointsLost` on a finding is optional because findings stored before points
// lost existed lack it; the engine always sets it.
export type Finding =
  | { kind: 'missed_window'; resource: string; windowStart: string; windowEnd: string; appeal: FindingAppeal | null; pointsLost?: number }
  | {
      kind: 'late_request';
      request: string;
      resource: string;
      requester: string;
      submittedAt: string;
      deadline: string;
      answeredAt: string | null;
      workdaysLate: number;
      eventIds: string[];
      appeal: FindingAppeal | null;
      /** What the finding costs the total, rounded once; 0 once its appeal is accepted. */
      pointsLost?: number;
    }
  | {
      kind: 'late_objection';
      objection: string;
      resource: string;
      raisedBy: string;
      submittedAt: string;
      deadline: string;
      answeredAt: string | null;
      workdaysLate: number;
      eventIds: string[];
      appeal: FindingAppeal | null;
      /** What the finding costs the total, rounded once; 0 once its appeal is accepted. */
      pointsLost?: number;
    }
  | {
      kind: 'low_completeness';
      resource: string;
      records: number;
      completeRecords: number;
      completeness: number;
      eventIds: string[];
      appeal: FindingAppeal | null;
      /** What the finding costs the total, rounded once; 0 once its appeal is accepted. */
      pointsLost?: number;
    };

/** Shown beside the scores, never scored. */
export interface DepartmentExtras {
  rejectionRate: number | null;
  medianAnswerWorkdays: number | null;
  latencyP95Ms: number | null;
  requestsPending: number;
}

export interface ScoringResult {
  record: ScoreRecord;
  findings: Record<string, Finding[]>;
  extras: Record<string, DepartmentExtras>;
}

/** The findings of one department for a period (GET /api/departments/{code}/findings). */
export interface DepartmentFindings {
  dept: string;
  period: string;
  asOf: string;
  findings: Finding[];
}
