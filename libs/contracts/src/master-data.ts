import { z } from 'zod';
import { dateSchema, deptCodeSchema } from './common';
import { userMessageSchema } from './messages';

export const MASTER_DATA_KINDS = ['departments', 'catalog', 'calendar'] as const;
export type MasterDataKind = (typeof MASTER_DATA_KINDS)[number];

/** POST /api/master-data/{kind} with the CSV file as the body. */
export const masterDataKindParamSchema = z.object({ kind: z.enum(MASTER_DATA_KINDS) });

export const importOutcomeSchema = z.object({
  read: z.number(),
  upserted: z.number(),
  rejected: z.number(),
  /** Each refused row: its line, the reason, and the reason's code and parameters (messages.ts) for the user's language. */
  rejections: z.array(z.object({ line: z.number(), reason: z.string(), reasonMessage: userMessageSchema.nullable() })),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

/** GET /api/departments */
export const departmentViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  category: z.string().nullable(),
  active: z.boolean(),
});
export type DepartmentView = z.infer<typeof departmentViewSchema>;

/** GET /api/catalog[?dept=CODE] */
export const catalogQuerySchema = z.object({ dept: deptCodeSchema.optional() });
export const resourceViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  dept: z.string(),
  frequency: z.enum(['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_demand']),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
});
export type ResourceView = z.infer<typeof resourceViewSchema>;

/** GET /api/calendar, PUT /api/calendar/{date} */
export const calendarKindSchema = z.enum(['holiday', 'workday']);
export const calendarEntrySchema = z.object({ date: z.string(), kind: calendarKindSchema });
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export const calendarDateParamSchema = z.object({ date: dateSchema });
export const calendarDayRequestSchema = z.object({ kind: calendarKindSchema });
