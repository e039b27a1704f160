import { z } from 'zod';
import type * as Engine from '@app/scoring';
import { periodSchema } from './common';
import { scoreRecordSchema } from './scores';

const weight = z.number().min(0).max(100);

/** A scheme's parameters as an admin writes them (POST /api/schemes, the what-if preview). */
export const schemeParamsSchema = z
  .object({
    weights: z.object({ timeliness: weight, completeness: weight, response: weight }),
    responseWeights: z.object({ requests: weight, objections: weight, api: weight }),
    requestSlaWorkdays: z.number().int().min(1).max(250),
    objectionSlaWorkdays: z.number().int().min(1).max(250),
    updateGraceHours: z.number().min(0).max(744),
    gradeThresholds: z.object({ A: z.number().min(0).max(100), B: z.number().min(0).max(100), C: z.number().min(0).max(100) }),
    commendTopN: z.number().int().min(0).max(1000),
    /** The first month assessed (YYYY-MM); null or absent assesses everything. */
    assessmentStart: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
      .nullish(),
    /** To-do: at risk with at most this many working days left. */
    warnWorkdays: z.number().int().min(0).max(250).optional(),
    /** Working days after publication a rectification is due. */
    rectificationWorkdays: z.number().int().min(1).max(250).optional(),
  })
  .strict();
export type SchemeParams = z.infer<typeof schemeParamsSchema>;

export const schemeSchema = schemeParamsSchema.extend({ version: z.number().int() });
export type Scheme = z.infer<typeof schemeSchema>;

export const createSchemeRequestSchema = z.object({ scheme: schemeParamsSchema, note: z.string().max(500).nullish() });
export type CreateSchemeRequest = z.infer<typeof createSchemeRequestSchema>;

export const schemePreviewRequestSchema = z.object({ scheme: schemeParamsSchema, period: periodSchema });
export type SchemePreviewRequest = z.infer<typeof schemePreviewRequestSchema>;

/** GET /api/schemes */
export const schemeVersionSchema = schemeSchema.extend({ note: z.string().nullable(), createdBy: z.string(), createdAt: z.string() });
export type SchemeVersion = z.infer<typeof schemeVersionSchema>;

/** POST /api/schemes/preview { scheme, period }: the ranking under a draft scheme, not stored. */
export const schemePreviewSchema = z.object({ period: z.string(), current: scoreRecordSchema, draft: scoreRecordSchema });
export type SchemePreview = z.infer<typeof schemePreviewSchema>;

/** GET /api/method?locale=zh|en: the method in plain words, generated from the current scheme. */
export const methodQuerySchema = z.object({ locale: z.enum(['zh', 'en']).default('zh') });

export const schemeDescriptionSchema = z.object({
  title: z.string(),
  schemeVersion: z.number(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), paragraphs: z.array(z.string()) })),
});
export type SchemeDescription = z.infer<typeof schemeDescriptionSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compile-time proof that the wire form and the engine's scheme are the same shape. */
export const SCHEME_SHAPES_MATCH: [Same<Scheme, Engine.Scheme>, Same<SchemeDescription, Engine.SchemeDescription>] = [true, true];
