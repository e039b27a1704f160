import { z } from 'zod';

/** GET /api/health: `{"status":"ok"}` when the database answers (503 otherwise). */
export const healthResponseSchema = z.looseObject({ status: z.enum(['ok', 'error', 'shutting_down']) });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Demo seeding on first start (GET /api/system). */
export const seedingStatusSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  step: z.string().nullable(),
  /** 0-1 */
  progress: z.number(),
  error: z.string().nullable(),
});
export type SeedingStatus = z.infer<typeof seedingStatusSchema>;

export const systemInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  database: z.enum(['postgresql', 'embedded']),
  timeZone: z.string(),
  seeding: seedingStatusSchema,
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;
