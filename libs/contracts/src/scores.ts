import { z } from 'zod';
import type * as Engine from '@app/scoring';
import { asOfSchema, deptCodeSchema, periodKindSchema, periodSchema } from './common';

// The score record and findings are the engine's output (libs/scoring); these
// schemas are their wire form, and the assertions at the end keep the two equal.

export const gradeSchema = z.enum(['A', 'B', 'C', 'D']);
export type Grade = z.infer<typeof gradeSchema>;

/** GET /api/scores, GET /api/departments/{code}/findings */
export const scoresQuerySchema = z.object({ period: periodSchema, asOf: asOfSchema });
export type ScoresQuery = z.infer<typeof scoresQuerySchema>;

export const scoreCountsSchema = z.object({
  windowsDue: z.number(),
  windowsMet: z.number(),
  records: z.number(),
  completeRecords: z.number(),
  requestsSettled: z.number(),
  requestsOnTime: z.number(),
  requestsPending: z.number(),
  requestsOverdueOpen: z.number(),
  objectionsSettled: z.number(),
  objectionsOnTime: z.number(),
  apiSuccess: z.number(),
  apiFailure: z.number(),
});

/** 100 − total split by dimension and sub-indicator (scoring.md "Points lost"); each part rounded once, null where N/A. */
export const pointsLostSchema = z.object({
  total: z.number(),
  timeliness: z.number().nullable(),
  completeness: z.number().nullable(),
  requests: z.number().nullable(),
  objections: z.number().nullable(),
  interfaces: z.number().nullable(),
});
export type PointsLost = z.infer<typeof pointsLostSchema>;
export const POINTS_LOST_PARTS = ['timeliness', 'completeness', 'requests', 'objections', 'interfaces'] as const;
export type PointsLostPart = (typeof POINTS_LOST_PARTS)[number];

const departmentScoreFields = {
  dept: z.string(),
  name: z.string(),
  total: z.number().nullable(),
  timeliness: z.number().nullable(),
  completeness: z.number().nullable(),
  response: z.number().nullable(),
  rank: z.number().nullable(),
  rankChange: z.number().nullable(),
  grade: gradeSchema.nullable(),
  counts: scoreCountsSchema,
  pointsLost: pointsLostSchema.nullable(),
};

export const departmentScoreSchema = z.object(departmentScoreFields);
export type DepartmentScore = z.infer<typeof departmentScoreSchema>;

/** What a department user receives of another department (access.md). */
export const redactedDepartmentScoreSchema = z.object({
  dept: z.string(),
  name: z.string(),
  total: z.number().nullable(),
  rank: z.number().nullable(),
  rankChange: z.number().nullable(),
  grade: gradeSchema.nullable(),
});

export const noticeEntrySchema = z.object({ dept: z.string(), grade: gradeSchema.nullable(), overdueOpenRequests: z.number() });

const recordFields = {
  period: z.string(),
  /** ISO-8601 with the assessment time zone's offset. */
  asOf: z.string(),
  provisional: z.boolean(),
  schemeVersion: z.number(),
  commended: z.array(z.string()),
  noticed: z.array(noticeEntrySchema),
};

/** The score record of scoring.md, as leaders, inspectors and admins read it. */
export const scoreRecordSchema = z.object({ ...recordFields, departments: z.array(departmentScoreSchema) });
export type ScoreRecord = z.infer<typeof scoreRecordSchema>;

/** The record as a department user reads it: its own entry in full, the others redacted. */
export const departmentViewRecordSchema = z.object({
  ...recordFields,
  departments: z.array(z.union([departmentScoreSchema, redactedDepartmentScoreSchema])),
  /** Another department's notice entry says only that it is on the list, and its grade. */
  noticed: z.array(z.union([noticeEntrySchema, noticeEntrySchema.pick({ dept: true, grade: true })])),
});

export const findingAppealSchema = z.object({ id: z.number(), status: z.enum(['pending', 'accepted', 'rejected']) });

/** What a finding costs the total, rounded once; 0 once its appeal is accepted (absent on findings stored before it existed). */
const findingCost = z.number().optional();

const lateAnswerFields = {
  resource: z.string(),
  submittedAt: z.string(),
  deadline: z.string(),
  answeredAt: z.string().nullable(),
  workdaysLate: z.number(),
  eventIds: z.array(z.string()),
  appeal: findingAppealSchema.nullable(),
  pointsLost: findingCost,
};

export const findingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('missed_window'),
    resource: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    appeal: findingAppealSchema.nullable(),
    pointsLost: findingCost,
  }),
  z.object({ kind: z.literal('late_request'), request: z.string(), requester: z.string(), ...lateAnswerFields }),
  z.object({ kind: z.literal('late_objection'), objection: z.string(), raisedBy: z.string(), ...lateAnswerFields }),
  z.object({
    kind: z.literal('low_completeness'),
    resource: z.string(),
    records: z.number(),
    completeRecords: z.number(),
    completeness: z.number(),
    eventIds: z.array(z.string()),
    appeal: findingAppealSchema.nullable(),
    pointsLost: findingCost,
  }),
]);
export type Finding = z.infer<typeof findingSchema>;

/** The part of the total a finding of each kind costs (scoring.md "Points lost"; interface failures are not findings). */
export const FINDING_PART: Record<Finding['kind'], PointsLostPart> = {
  missed_window: 'timeliness',
  low_completeness: 'completeness',
  late_request: 'requests',
  late_objection: 'objections',
};

/** The parts' Chinese names in reports and messages (the dashboard's are in its catalogue, the same words). */
export const POINTS_LOST_PART_ZH: Record<PointsLostPart, string> = {
  timeliness: '及时性',
  completeness: '完整性',
  requests: '申请答复',
  objections: '异议处理',
  interfaces: '接口调用',
};

/** GET /api/departments/{code}/findings?period=P */
export const findingsResponseSchema = z.object({ dept: z.string(), period: z.string(), asOf: z.string(), findings: z.array(findingSchema) });
export type FindingsResponse = z.infer<typeof findingsResponseSchema>;

/** Shown beside the scores, never scored. */
export const departmentExtrasSchema = z.object({
  rejectionRate: z.number().nullable(),
  medianAnswerWorkdays: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  requestsPending: z.number(),
});
export type DepartmentExtras = z.infer<typeof departmentExtrasSchema>;

/** GET /api/periods/{period}: where the period's record comes from. */
export const periodStatusSchema = z.object({
  period: z.string(),
  /** published: frozen record; snapshot: latest stored computation. */
  origin: z.enum(['published', 'snapshot']),
  provisional: z.boolean(),
  schemeVersion: z.number(),
  /** When the record was computed (or published). */
  computedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
export type PeriodStatus = z.infer<typeof periodStatusSchema>;

/** GET /api/periods/published */
export const publishedPeriodSchema = z.object({ period: z.string(), publishedAt: z.string(), publishedBy: z.string(), schemeVersion: z.number() });
export type PublishedPeriod = z.infer<typeof publishedPeriodSchema>;

/** POST /api/periods/{period}/reopen */
export const reopenRequestSchema = z.object({ reason: z.string().trim().min(1, 'required').max(2000) });
export type ReopenRequest = z.infer<typeof reopenRequestSchema>;
export const reopenResponseSchema = z.object({ period: z.string(), reopened: z.literal(true) });

export const dimensionValuesSchema = z.object({
  total: z.number().nullable(),
  timeliness: z.number().nullable(),
  completeness: z.number().nullable(),
  response: z.number().nullable(),
});
export type DimensionValues = z.infer<typeof dimensionValuesSchema>;

/** GET /api/overview?period=P, GET /api/network?period=P */
export const periodQuerySchema = z.object({ period: periodSchema });

/** GET /api/trends?kind=month|quarter|year&from=P&to=P[&dept=CODE] */
export const trendsQuerySchema = z.object({ kind: periodKindSchema.default('month'), from: periodSchema, to: periodSchema, dept: deptCodeSchema.optional() });
export type TrendsQuery = z.infer<typeof trendsQuerySchema>;

export const trendsResponseSchema = z.object({
  kind: periodKindSchema,
  periods: z.array(z.string()),
  /** City averages (mean over ranked departments) per period. */
  city: z.array(dimensionValuesSchema),
  departments: z.array(
    z.object({
      dept: z.string(),
      name: z.string(),
      values: z.array(dimensionValuesSchema.extend({ rank: z.number().nullable(), grade: gradeSchema.nullable() })),
    }),
  ),
});
export type TrendsResponse = z.infer<typeof trendsResponseSchema>;

const deptName = { dept: z.string(), name: z.string() };
const rankMove = z.object({ ...deptName, rankChange: z.number(), rank: z.number().nullable() });

/** GET /api/overview?period=P: the leadership overview in one call. */
export const overviewResponseSchema = z.object({
  period: z.string(),
  provisional: z.boolean(),
  published: z.boolean(),
  cityAverage: z.number().nullable(),
  /** City average minus the previous period's (same kind); null when either is missing. */
  cityAverageChange: z.number().nullable(),
  departmentsAssessed: z.number(),
  overdueOpenRequests: z.number(),
  gradeDistribution: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
  commended: z.array(z.object({ ...deptName, total: z.number().nullable() })),
  noticed: z.array(z.object({ ...deptName, grade: gradeSchema.nullable(), overdueOpenRequests: z.number() })),
  /** Largest positive rank changes first. */
  climbers: z.array(rankMove),
  fallers: z.array(rankMove),
  /** Department x month totals for the 12 months ending with the period's last month. */
  heatmap: z.object({ months: z.array(z.string()), departments: z.array(z.object({ ...deptName, totals: z.array(z.number().nullable()) })) }),
});
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;

/** GET /api/departments/{code}/summary?period=P */
export const departmentSummarySchema = z.object({
  department: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), category: z.string().nullable(), active: z.boolean() }),
  period: z.string(),
  provisional: z.boolean(),
  score: departmentScoreSchema.nullable(),
  extras: departmentExtrasSchema.nullable(),
  cityAverage: dimensionValuesSchema,
});
export type DepartmentSummary = z.infer<typeof departmentSummarySchema>;

/** GET /api/departments/{code}/events?ids=a,b: the events behind findings. */
export const eventsQuerySchema = z.object({
  ids: z
    .string()
    .min(1, 'required: comma-separated event ids')
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .refine((ids) => ids.length <= 500, 'at most 500 ids'),
});

export const eventViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  dept: z.string(),
  resource: z.string().nullable(),
  records: z.number().nullable(),
  completeRecords: z.number().nullable(),
  request: z.string().nullable(),
  requester: z.string().nullable(),
  decision: z.string().nullable(),
  reason: z.string().nullable(),
  objection: z.string().nullable(),
  raisedBy: z.string().nullable(),
  source: z.string(),
  line: z.number(),
});
export type EventView = z.infer<typeof eventViewSchema>;

/**
 * GET /api/network?period=P: who requests from whom (the information-silo view). Request volumes
 * count the requests submitted in P; on-time figures count the requests the response dimension
 * settles in P (on time in the period of the answer, late in that of the deadline day), as the
 * scores do. Neither is the overview's 拖延不办 (past the deadline and still unanswered).
 */
export const networkResponseSchema = z.object({
  period: z.string(),
  summary: z.object({
    /** Requests between active departments submitted in P. */
    requestsSubmitted: z.number(),
    /** Requests to active departments settled in P, and of them on time (an accepted appeal counts as on time). */
    requestsSettled: z.number(),
    requestsOnTime: z.number(),
    /** 0-100; null when none settled. */
    onTimeRate: z.number().nullable(),
  }),
  nodes: z.array(
    z.object({
      ...deptName,
      category: z.string().nullable(),
      /** Submitted in P. */
      requestsReceived: z.number(),
      requestsMade: z.number(),
      callsServed: z.number(),
      callsMade: z.number(),
      /** Requests received that are settled in P, whoever asked: the score's requestsSettled. */
      requestsSettled: z.number(),
      /** On-time share of requestsSettled, 0-100; null when none settled. */
      onTimeRate: z.number().nullable(),
      /** Few or no exchanges with any other department in the period. */
      isolated: z.boolean(),
    }),
  ),
  /** From `from` (requester) to `to` (provider). */
  edges: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      /** Submitted in P. */
      requests: z.number(),
      /** Settled in P on time / late. */
      onTime: z.number(),
      late: z.number(),
      /** Submitted in P, unanswered and not yet due. */
      pending: z.number(),
      /** On-time share of the settled ones, 0-100; null when none settled. */
      onTimeRate: z.number().nullable(),
      calls: z.number(),
    }),
  ),
});
export type NetworkResponse = z.infer<typeof networkResponseSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compile-time proof that the wire form and the engine's output are the same shape. */
export const ENGINE_SHAPES_MATCH: [
  Same<ScoreRecord, Engine.ScoreRecord>,
  Same<Finding, Engine.Finding>,
  Same<DepartmentExtras, Engine.DepartmentExtras>,
  Same<FindingsResponse, Engine.DepartmentFindings>,
] = [true, true, true, true];
