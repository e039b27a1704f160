import { z } from 'zod';
import { deptCodeSchema, periodSchema } from './common';

export const appealKindSchema = z.enum(['missed_window', 'late_request', 'late_objection', 'low_completeness']);
export const appealStatusSchema = z.enum(['pending', 'accepted', 'rejected']);

/** POST /api/appeals: a department appeals one of its own current findings. */
export const fileAppealRequestSchema = z.object({
  dept: deptCodeSchema,
  period: periodSchema,
  kind: appealKindSchema,
  resource: z.string().min(1).max(200).optional(),
  windowStart: z.string().max(40).optional(),
  request: z.string().min(1).max(200).optional(),
  objection: z.string().min(1).max(200).optional(),
  reason: z.string().trim().min(1, 'required').max(2000),
});
export type FileAppealRequest = z.infer<typeof fileAppealRequestSchema>;

/** POST /api/appeals/{id}/decision */
export const appealDecisionRequestSchema = z.object({ status: z.enum(['accepted', 'rejected']), comment: z.string().trim().max(2000).optional() });
export type AppealDecisionRequest = z.infer<typeof appealDecisionRequestSchema>;

/** GET /api/appeals */
export const appealsQuerySchema = z.object({ dept: deptCodeSchema.optional(), status: appealStatusSchema.optional(), period: periodSchema.optional() });
export type AppealsQuery = z.infer<typeof appealsQuerySchema>;

export const appealViewSchema = z.object({
  id: z.number(),
  dept: z.string(),
  period: z.string(),
  kind: appealKindSchema,
  target: z.record(z.string(), z.unknown()),
  reason: z.string(),
  status: appealStatusSchema,
  filedBy: z.string(),
  filedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** A missed window's start as its finding writes it (tells two appeals on one resource apart); null for other kinds. */
  windowStart: z.string().nullable(),
  /**
   * The appeal's period is published (and not re-opened) and the appeal is pending, or was accepted
   * after the publication: it changes that period's record only once an admin re-opens the period
   * (scoring.md "Appeals"). False when rejected, or accepted before the record was frozen (it is in it).
   */
  takesEffectOnReopen: z.boolean(),
});
export type AppealView = z.infer<typeof appealViewSchema>;
