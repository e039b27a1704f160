// Civil (calendar) days as integers: days since 1970-01-01, independent of any
// time zone. Working-day and window arithmetic runs on these so that the hot
// paths never touch luxon.

const MS_PER_DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function ymdToDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day number of a valid 'YYYY-MM-DD', or null. */
export function dateToDay(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const day = ymdToDay(y, mo, d);
  const back = dayToYmd(day);
  // Date.UTC treats years 0-99 as 1900-1999 and rolls impossible dates over.
  if (back.year !== y || back.month !== mo || back.day !== d) return null;
  return day;
}

export function dayToYmd(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dayToDate(day: number): string {
  const { year, month, day: dd } = dayToYmd(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(day: number): boolean {
  return isoWeekday(day) >= 6;
}

/** Monday-Friday days in [anchor, day] for a fixed far-past anchor; differences count weekdays in a range. */
export function weekdaysThrough(day: number): number {
  // Shift so the count starts on a Monday far enough in the past to stay positive.
  const n = day + 3 + 7 * 1_000_000;
  const q = Math.floor((n + 1) / 7);
  const r = (n + 1) % 7;
  return 5 * q + Math.min(r, 5);
}
