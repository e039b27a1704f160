// Date arithmetic on local calendar dates as day numbers (days since
// 1970-01-01); the generator never reads a clock and never needs a time zone:
// every instant it writes is a local time with the +08:00 offset.

import { parsePeriod, type Period } from '@app/periods';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A 'YYYY-MM' month (the period grammar of @app/periods); RangeError for anything else. */
export function parseMonth(text: string): Period {
  const p = parsePeriod(text);
  if (!p || p.kind !== 'month') throw new RangeError(`month must be YYYY-MM, got ${JSON.stringify(text)}`);
  return p;
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Day number of a YYYY-MM-DD date, or null when it is not a real date. */
export function parseDate(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumber(y, mo, d);
  const back = new Date(n * 86_400_000);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() + 1 !== mo || back.getUTCDate() !== d) return null;
  return n;
}

/** Day number of the first day of a month period. */
export function firstDayOf(month: Period): number {
  return dayNumber(month.year, month.index, 1);
}

/** Day number of the last day of the month containing `day`. */
export function lastDayOfMonth(day: number): number {
  const d = new Date(day * 86_400_000);
  return dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 2, 1) - 1;
}

export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

let hmsTable: string[] | null = null;

/** 'HH:MM:SS' for every second of a day (built once, on first use). */
export function hms(): string[] {
  if (hmsTable) return hmsTable;
  const t = new Array<string>(86_400);
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  for (let s = 0; s < 86_400; s++) t[s] = `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  hmsTable = t;
  return t;
}
