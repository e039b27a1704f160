import { z } from 'zod';

/** GET /api/health: `{"status":"ok"}` when the database answers (503 otherwise). */
export const healthResponseSchema = z.looseObject({ status: z.enum(['ok', 'error', 'shutting_down']) });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** What demo seeding is doing, for the dashboard to say in the user's language (`detail`: the events file, or the period being scored). */
export const seedingPhaseSchema = z.enum(['check', 'generate', 'masterData', 'events', 'users', 'scoring', 'appeals', 'done']);
export type SeedingPhase = z.infer<typeof seedingPhaseSchema>;

/** Demo seeding on first start (GET /api/system). */
export const seedingStatusSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  /** The step in English, as the log writes it. */
  step: z.string().nullable(),
  phase: seedingPhaseSchema.nullable(),
  detail: z.string().nullable(),
  /** 0-1 */
  progress: z.number(),
  error: z.string().nullable(),
});
export type SeedingStatus = z.infer<typeof seedingStatusSchema>;

/** GET /api/system/seeding: the same without the error text, for the login page (no login needed). */
export const seedingProgressSchema = seedingStatusSchema.omit({ error: true });
export type SeedingProgress = z.infer<typeof seedingProgressSchema>;

export const systemInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  database: z.enum(['postgresql', 'embedded']),
  timeZone: z.string(),
  seeding: seedingStatusSchema,
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;
