import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from './time';
import { dayToYmd, ymdToDay } from './civil-day';
import { graceMs } from './scheme';
import { parsePeriod as parseGrammar } from '@app/periods';

export type PeriodKind = 'month' | 'quarter' | 'year';

/** An assessment period: month 1-12, quarter 1-4, or the year (index 1). */
export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
}

export interface PeriodBounds {
  /** First instant of the period (local 00:00 of its first day). */
  readonly start: number;
  /** First instant after the period (exclusive). */
  readonly end: number;
}

/** Reads '2026-10', '2026-Q4' or '2026'; null for anything else. */
export function parsePeriod(text: string): Period | null {
  return parseGrammar(text);
}

export class InvalidPeriodError extends Error {
  constructor(readonly text: string) {
    super(`invalid period ${JSON.stringify(text)}: expected a month (2026-10), a quarter (2026-Q4) or a year (2026)`);
    this.name = 'InvalidPeriodError';
  }
}

/** Like parsePeriod, but throws InvalidPeriodError with a readable message. */
export function parsePeriodOrThrow(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new InvalidPeriodError(text);
  return p;
}

export function toPeriod(period: Period | string): Period {
  return typeof period === 'string' ? parsePeriodOrThrow(period) : period;
}

export function formatPeriod(period: Period): string {
  const y = String(period.year).padStart(4, '0');
  switch (period.kind) {
    case 'month':
      return `${y}-${String(period.index).padStart(2, '0')}`;
    case 'quarter':
      return `${y}-Q${period.index}`;
    case 'year':
      return y;
  }
}

function monthsPer(kind: PeriodKind): number {
  return kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
}

/** Months counted from year 0 (month index 0 = January) for arithmetic across years. */
function firstMonthOrdinal(p: Period): number {
  return p.year * 12 + (p.index - 1) * monthsPer(p.kind);
}

function fromMonthOrdinal(kind: PeriodKind, ordinal: number): Period {
  const year = Math.floor(ordinal / 12);
  const month0 = ordinal - year * 12;
  return { kind, year, index: Math.floor(month0 / monthsPer(kind)) + 1 };
}

/** Civil day numbers of the period: [startDay, endDay). */
export function periodDays(period: Period | string): { startDay: number; endDay: number } {
  const p = toPeriod(period);
  const first = firstMonthOrdinal(p);
  const after = first + monthsPer(p.kind);
  return {
    startDay: ymdToDay(Math.floor(first / 12), (first % 12) + 1, 1),
    endDay: ymdToDay(Math.floor(after / 12), (after % 12) + 1, 1),
  };
}

function localDayStart(day: number, timeZone: string): number {
  const { year, month, day: d } = dayToYmd(day);
  const dt = DateTime.fromObject({ year, month, day: d }, { zone: timeZone });
  if (!dt.isValid) throw new Error(`unknown time zone "${timeZone}"`);
  return dt.toMillis();
}

/** [start, end) of the period as epoch ms, local time in the assessment time zone. */
export function periodBounds(period: Period | string, timeZone: string = DEFAULT_TIME_ZONE): PeriodBounds {
  const { startDay, endDay } = periodDays(period);
  return { start: localDayStart(startDay, timeZone), end: localDayStart(endDay, timeZone) };
}

export function previousPeriod(period: Period | string): Period {
  const p = toPeriod(period);
  return fromMonthOrdinal(p.kind, firstMonthOrdinal(p) - monthsPer(p.kind));
}

export function nextPeriod(period: Period | string): Period {
  const p = toPeriod(period);
  return fromMonthOrdinal(p.kind, firstMonthOrdinal(p) + monthsPer(p.kind));
}

/** Negative, zero or positive as a starts before, with or after b (ties: the longer period first). */
export function comparePeriods(a: Period | string, b: Period | string): number {
  const pa = toPeriod(a);
  const pb = toPeriod(b);
  return firstMonthOrdinal(pa) - firstMonthOrdinal(pb) || monthsPer(pb.kind) - monthsPer(pa.kind);
}

/** Every period of the same kind from `from` to `to`, both included; empty when to < from. */
export function periodsBetween(from: Period | string, to: Period | string): Period[] {
  const a = toPeriod(from);
  const b = toPeriod(to);
  if (a.kind !== b.kind) throw new Error(`periods ${formatPeriod(a)} and ${formatPeriod(b)} are not of the same kind`);
  const out: Period[] = [];
  for (let o = firstMonthOrdinal(a); o <= firstMonthOrdinal(b); o += monthsPer(a.kind)) out.push(fromMonthOrdinal(a.kind, o));
  return out;
}

/** The period of the given kind containing an instant (local time). */
export function periodContaining(kind: PeriodKind, instant: number, timeZone: string = DEFAULT_TIME_ZONE): Period {
  const dt = DateTime.fromMillis(instant, { zone: timeZone });
  if (!dt.isValid) throw new Error(`unknown time zone "${timeZone}"`);
  return fromMonthOrdinal(kind, dt.year * 12 + Math.floor((dt.month - 1) / monthsPer(kind)) * monthsPer(kind));
}

/** The periods of a finer kind that make up a period: the months of a quarter, the quarters of a year. */
export function subPeriods(period: Period | string, kind: PeriodKind): Period[] {
  const p = toPeriod(period);
  if (monthsPer(kind) > monthsPer(p.kind)) throw new Error(`a ${p.kind} has no ${kind}s`);
  const first = firstMonthOrdinal(p);
  return periodsBetween(fromMonthOrdinal(kind, first), fromMonthOrdinal(kind, first + monthsPer(p.kind) - monthsPer(kind)));
}

/**
 * True once the period has ended at `instant` (and its update grace has passed):
 * from then on its record is no longer provisional and it may be published.
 */
export function isPeriodEnded(period: Period | string, instant: number, timeZone: string = DEFAULT_TIME_ZONE, graceHours = 0): boolean {
  return instant >= periodBounds(period, timeZone).end + graceMs({ updateGraceHours: graceHours });
}
