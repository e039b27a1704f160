import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { parsePeriod, parseTimestamp } from '@app/scoring';

/** Years the API assesses: the method needs the previous period, and instants must fit the database. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2999;

export const periodSchema = z
  .string({ error: 'required, e.g. 2026-10, 2026-Q4 or 2026' })
  .refine((text) => parsePeriod(text) !== null, 'must be a month (2026-10), a quarter (2026-Q4) or a year (2026)')
  .refine((text) => {
    const year = parsePeriod(text)?.year;
    return year === undefined || (year >= FIRST_YEAR && year <= LAST_YEAR);
  }, `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`);

/** ISO-8601 instant; without an offset it is local time in the assessment time zone (checked again with the zone in the service). */
export const asOfSchema = z
  .string()
  .refine((text) => parseTimestamp(text, 'UTC') !== null, 'must be an ISO-8601 timestamp such as 2026-11-05T00:00:00+08:00')
  .refine((text) => parseTimestamp(text, 'UTC') === null || (Number(text.slice(0, 4)) >= FIRST_YEAR && Number(text.slice(0, 4)) <= LAST_YEAR), `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`)
  .optional();

export const deptCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a department code (1-32 of A-Z a-z 0-9 _ -)');

export class ScoresQuery extends createZodDto(z.object({ period: periodSchema, asOf: asOfSchema })) {}
export class PeriodParam extends createZodDto(z.object({ period: periodSchema })) {}
export class DeptParam extends createZodDto(z.object({ code: deptCodeSchema })) {}
export class ReopenDto extends createZodDto(z.object({ reason: z.string().trim().min(1, 'required').max(2000) })) {}
