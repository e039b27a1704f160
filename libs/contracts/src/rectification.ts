import { z } from 'zod';
import { deptCodeSchema, periodSchema } from './common';

// Rectification cases (整改, issue 15): one per department on a published month's notice list.

export const caseStateSchema = z.enum(['open', 'submitted', 'returned', 'closed']);
export type CaseState = z.infer<typeof caseStateSchema>;

/** GET /api/rectification[?period=&dept=&state=] */
export const casesQuerySchema = z.object({ period: periodSchema.optional(), dept: deptCodeSchema.optional(), state: caseStateSchema.optional() });
export type CasesQuery = z.infer<typeof casesQuerySchema>;

/** The resources and requests a submission concerns. */
export const caseConcernedSchema = z.object({
  resources: z.array(z.string().trim().min(1).max(200)).max(100),
  requests: z.array(z.string().trim().min(1).max(200)).max(100),
});
export type CaseConcerned = z.infer<typeof caseConcernedSchema>;

/** POST /api/rectification/{id}/submit: the department's cause and measures. */
export const caseSubmissionSchema = z.object({
  cause: z.string().trim().min(1, 'required').max(4000),
  measures: z.string().trim().min(1, 'required').max(4000),
  resources: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  requests: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
});
export type CaseSubmission = z.infer<typeof caseSubmissionSchema>;

/** POST /api/rectification/{id}/decision: an inspector accepts (closed) or returns it with a comment. */
export const caseDecisionSchema = z
  .object({ decision: z.enum(['accept', 'return']), comment: z.string().trim().max(2000).optional() })
  .refine((d) => d.decision === 'accept' || (d.comment ?? '').length > 0, { message: 'a returned case needs a comment', path: ['comment'] });
export type CaseDecision = z.infer<typeof caseDecisionSchema>;

export const caseEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.enum(['opened', 'submitted', 'returned', 'accepted']),
  comment: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const rectificationCaseSchema = z.object({
  id: z.number(),
  period: z.string(),
  dept: z.string(),
  state: caseStateSchema,
  /** The day it is due: rectificationWorkdays working days after publication. */
  due: z.string(),
  /** The instant the due day ends. */
  dueAt: z.string(),
  /** Not closed and the due day has ended. */
  overdue: z.boolean(),
  openedAt: z.string(),
  cause: z.string().nullable(),
  measures: z.string().nullable(),
  concerned: caseConcernedSchema,
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  inspectorComment: z.string().nullable(),
  decidedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type RectificationCase = z.infer<typeof rectificationCaseSchema>;

/** GET /api/rectification/{id}: the case with its history. */
export const rectificationCaseDetailSchema = rectificationCaseSchema.extend({ events: z.array(caseEventSchema) });
export type RectificationCaseDetail = z.infer<typeof rectificationCaseDetailSchema>;
