import type { DepartmentExtras, DepartmentScore, Finding, Grade, Scheme, ScoreRecord, SchemeDescription } from '@app/scoring';

export type { DepartmentExtras, DepartmentScore, Finding, Grade, Scheme, ScoreRecord, SchemeDescription };

/** GET /api/periods/{period}: where the period's record comes from. */
export interface PeriodStatus {
  period: string;
  /** published: frozen record; snapshot: latest stored computation. */
  origin: 'published' | 'snapshot';
  provisional: boolean;
  schemeVersion: number;
  /** When the record was computed (or published). */
  computedAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface DimensionValues {
  total: number | null;
  timeliness: number | null;
  completeness: number | null;
  response: number | null;
}

/** GET /api/trends?kind=month|quarter|year&from=P&to=P[&dept=CODE] */
export interface TrendsResponse {
  kind: 'month' | 'quarter' | 'year';
  periods: string[];
  /** City averages (mean over ranked departments) per period. */
  city: DimensionValues[];
  departments: { dept: string; name: string; values: (DimensionValues & { rank: number | null; grade: Grade | null })[] }[];
}

/** GET /api/overview?period=P: the leadership overview in one call. */
export interface OverviewResponse {
  period: string;
  provisional: boolean;
  published: boolean;
  cityAverage: number | null;
  /** City average minus the previous period's (same kind); null when either is missing. */
  cityAverageChange: number | null;
  departmentsAssessed: number;
  overdueOpenRequests: number;
  gradeDistribution: Record<Grade, number>;
  commended: { dept: string; name: string; total: number | null }[];
  noticed: { dept: string; name: string; grade: Grade | null; overdueOpenRequests: number }[];
  /** Largest positive rank changes first. */
  climbers: { dept: string; name: string; rankChange: number; rank: number | null }[];
  fallers: { dept: string; name: string; rankChange: number; rank: number | null }[];
  /** Department x month totals for the 12 months ending with the period's last month. */
  heatmap: { months: string[]; departments: { dept: string; name: string; totals: (number | null)[] }[] };
}

/** GET /api/departments/{code}/summary?period=P */
export interface DepartmentSummary {
  department: { code: string; name: string; nameEn: string | null; category: string | null; active: boolean };
  period: string;
  provisional: boolean;
  score: DepartmentScore | null;
  extras: DepartmentExtras | null;
  cityAverage: DimensionValues;
}

/** GET /api/departments/{code}/findings?period=P */
export interface FindingsResponse {
  dept: string;
  period: string;
  asOf: string;
  findings: Finding[];
}

/** GET /api/departments/{code}/events?ids=a,b: the events behind findings. */
export interface EventView {
  id: string;
  type: string;
  at: string;
  dept: string;
  resource: string | null;
  records: number | null;
  completeRecords: number | null;
  request: string | null;
  requester: string | null;
  decision: string | null;
  reason: string | null;
  objection: string | null;
  raisedBy: string | null;
  source: string;
  line: number;
}

/** GET /api/network?period=P: who requests from whom (the information-silo view). */
export interface NetworkResponse {
  period: string;
  nodes: {
    dept: string;
    name: string;
    category: string | null;
    requestsReceived: number;
    requestsMade: number;
    callsServed: number;
    callsMade: number;
    /** On-time share of settled requests received, 0-100; null when none settled. */
    onTimeRate: number | null;
    /** Few or no exchanges with any other department in the period. */
    isolated: boolean;
  }[];
  /** Requests from `from` (requester) to `to` (provider) submitted in the period. */
  edges: { from: string; to: string; requests: number; onTime: number; late: number; pending: number; onTimeRate: number | null; calls: number }[];
}

/** GET /api/schemes */
export interface SchemeVersion extends Scheme {
  note: string | null;
  createdBy: string;
  createdAt: string;
}

/** POST /api/schemes/preview { scheme, period }: the ranking under a draft scheme, not stored. */
export interface SchemePreview {
  period: string;
  current: ScoreRecord;
  draft: ScoreRecord;
}

export interface AppealView {
  id: number;
  dept: string;
  period: string;
  kind: 'missed_window' | 'late_request' | 'late_objection' | 'low_completeness';
  target: Record<string, unknown>;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  filedBy: string;
  filedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

/** POST /api/appeals */
export interface FileAppealRequest {
  dept: string;
  period: string;
  kind: AppealView['kind'];
  resource?: string;
  windowStart?: string;
  request?: string;
  objection?: string;
  reason: string;
}
