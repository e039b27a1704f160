import { z } from 'zod';
import { isCalendarDate, parsePeriod } from '@app/periods';

/** Years the API assesses: the method needs the previous period, and instants must fit the database. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2999;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

const inYears = (year: number | null | undefined): boolean => year === null || year === undefined || (year >= FIRST_YEAR && year <= LAST_YEAR);

/** '2026-10', '2026-Q4' or '2026', within the years the API assesses. */
export const periodSchema = z
  .string({ error: 'required, e.g. 2026-10, 2026-Q4 or 2026' })
  .refine((text) => parsePeriod(text) !== null, 'must be a month (2026-10), a quarter (2026-Q4) or a year (2026)')
  .refine((text) => inYears(parsePeriod(text)?.year), `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`);

export const periodKindSchema = z.enum(['month', 'quarter', 'year']);
export type PeriodKind = z.infer<typeof periodKindSchema>;

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
