// The one statement of the period grammar ('2026-10', '2026-Q4', '2026') and the calendar
// arithmetic on it. No dependency, no clock, no time zone: which period an instant falls in is
// the caller's business (libs/scoring with luxon, the dashboard with Intl).

export type PeriodKind = 'month' | 'quarter' | 'year';

/** An assessment period: month 1-12, quarter 1-4, or the year (index 1). */
export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q(\d)$/;
const YEAR = /^(\d{4})$/;

/** Reads '2026-10', '2026-Q4' or '2026' (year 0001-9999); null for anything else. */
export function parsePeriod(text: unknown): Period | null {
  if (typeof text !== 'string') return null;
  let m = MONTH.exec(text);
  if (m) return period('month', m[1], m[2]);
  m = QUARTER.exec(text);
  if (m) return period('quarter', m[1], m[2]);
  m = YEAR.exec(text);
  if (m) return period('year', m[1], '1');
  return null;
}

function period(kind: PeriodKind, yearText: string, indexText: string): Period | null {
  const year = Number(yearText);
  const index = Number(indexText);
  return year >= 1 && index >= 1 && index <= periodsPerYear(kind) ? { kind, year, index } : null;
}

export function formatPeriod(p: Period): string {
  const y = String(p.year).padStart(4, '0');
  switch (p.kind) {
    case 'month':
      return `${y}-${String(p.index).padStart(2, '0')}`;
    case 'quarter':
      return `${y}-Q${p.index}`;
    case 'year':
      return y;
  }
}

/** 1 for a month, 3 for a quarter, 12 for a year. */
export function monthsPerPeriod(kind: PeriodKind): number {
  return kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
}

export function periodsPerYear(kind: PeriodKind): number {
  return 12 / monthsPerPeriod(kind);
}

/** Month 1-12 the period starts with. */
export function firstMonthOf(p: Period): number {
  return (p.index - 1) * monthsPerPeriod(p.kind) + 1;
}

/** Month 1-12 the period ends with. */
export function lastMonthOf(p: Period): number {
  return p.index * monthsPerPeriod(p.kind);
}

/** The period of `kind` containing the given month (1-12) of `year`. */
export function periodOfMonth(kind: PeriodKind, year: number, month: number): Period {
  return { kind, year, index: Math.floor((month - 1) / monthsPerPeriod(kind)) + 1 };
}

/** The period `n` steps after (negative: before) `p`, of the same kind. */
export function shiftPeriod(p: Period, n: number): Period {
  const per = periodsPerYear(p.kind);
  const ordinal = p.year * per + (p.index - 1) + n;
  const year = Math.floor(ordinal / per);
  return { kind: p.kind, year, index: ordinal - year * per + 1 };
}

/**
 * The period of `kind` for `p`: the one containing it when `kind` is as long or longer; when it
 * is shorter, the first or the last of those making `p` up (`at`).
 */
export function convertPeriod(p: Period, kind: PeriodKind, at: 'first' | 'last' = 'last'): Period {
  if (p.kind === kind) return p;
  return periodOfMonth(kind, p.year, at === 'first' ? firstMonthOf(p) : lastMonthOf(p));
}

/** `count` periods ending with `last`, oldest first. */
export function periodsEndingAt(last: Period, count: number): Period[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => shiftPeriod(last, i - count + 1));
}
