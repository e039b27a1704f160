import { z } from 'zod';

/** Years the API assesses: the method needs the previous period, and instants must fit the database. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2999;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

function yearOf(pattern: RegExp, text: string): number | null {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : null;
}

const inYears = (year: number | null): boolean => year === null || (year >= FIRST_YEAR && year <= LAST_YEAR);

function periodYear(text: string): number | null {
  return yearOf(MONTH, text) ?? yearOf(QUARTER, text) ?? yearOf(YEAR, text);
}

/** '2026-10', '2026-Q4' or '2026', within the years the API assesses. */
export const periodSchema = z
  .string({ error: 'required, e.g. 2026-10, 2026-Q4 or 2026' })
  .refine((text) => periodYear(text) !== null, 'must be a month (2026-10), a quarter (2026-Q4) or a year (2026)')
  .refine((text) => inYears(periodYear(text)), `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`);

export const periodKindSchema = z.enum(['month', 'quarter', 'year']);
export type PeriodKind = z.infer<typeof periodKindSchema>;

/** A calendar date YYYY-MM-DD that exists. */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const dateSchema = z
  .string()
  .refine(isCalendarDate, 'must be a date YYYY-MM-DD')
  .refine((d) => !isCalendarDate(d) || inYears(Number(d.slice(0, 4))), `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`);

/**
 * ISO-8601 instant; without an offset it is local time in the assessment time zone.
 * The shape is checked here; the service reads it again with the zone.
 */
export const asOfSchema = z
  .string()
  .refine((text) => INSTANT.test(text) && isCalendarDate(text.slice(0, 10)), 'must be an ISO-8601 timestamp such as 2026-11-05T00:00:00+08:00')
  .refine((text) => !INSTANT.test(text) || inYears(Number(text.slice(0, 4))), `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`)
  .optional();

export const deptCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a department code (1-32 of A-Z a-z 0-9 _ -)');

export const periodParamSchema = z.object({ period: periodSchema });
export const deptParamSchema = z.object({ code: deptCodeSchema });
export const idParamSchema = z.object({ id: z.coerce.number().int().positive('must be a positive whole number') });

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A page of a longer list. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), items: z.array(item) });
}
export interface Page<T> {
  total: number;
  items: T[];
}

/** Error body of every failed API call. */
export const apiErrorSchema = z.object({ statusCode: z.number().int(), message: z.string() });
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
