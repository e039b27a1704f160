import { DEFAULT_TIME_ZONE } from './time';
import type { WorkingDayCalendar } from './types';
import { dateToDay, dayToDate, isWeekend, weekdaysThrough } from './civil-day';
import { ZoneDays } from './zone-days';

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Count of sorted values v with a < v <= b. */
function countIn(sorted: readonly number[], a: number, b: number): number {
  return lowerBound(sorted, b + 1) - lowerBound(sorted, a + 1);
}

/**
 * The working-day calendar on civil day numbers: Monday-Friday minus the
 * holidays, plus the adjusted weekend workdays. Entries that change nothing
 * (a holiday on a weekend, a workday on a weekday) are dropped on the way in.
 */
export class WorkingDays {
  private readonly holidaySet: Set<number>;
  private readonly workdaySet: Set<number>;
  private readonly holidayDays: number[];
  private readonly workdayDays: number[];

  constructor(calendar: WorkingDayCalendar) {
    const read = (dates: readonly string[], keep: (day: number) => boolean, what: string): number[] => {
      const days = new Set<number>();
      for (const date of dates) {
        const day = dateToDay(date);
        if (day === null) throw new Error(`calendar ${what} ${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
        if (keep(day)) days.add(day);
      }
      return [...days].sort((a, b) => a - b);
    };
    this.holidayDays = read(calendar.holidays, (d) => !isWeekend(d), 'holiday');
    this.workdayDays = read(calendar.workdays, (d) => isWeekend(d), 'workday');
    this.holidaySet = new Set(this.holidayDays);
    this.workdaySet = new Set(this.workdayDays);
  }

  isWorkingDay(day: number): boolean {
    return isWeekend(day) ? this.workdaySet.has(day) : !this.holidaySet.has(day);
  }

  /** The n-th working day strictly after `day` (n >= 1); `day` itself for n <= 0. */
  addWorkingDays(day: number, n: number): number {
    let d = day;
    for (let left = n; left > 0;) {
      d++;
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days d with from < d <= to (0 when to <= from). */
  countBetween(from: number, to: number): number {
    if (to <= from) return 0;
    return weekdaysThrough(to) - weekdaysThrough(from) - countIn(this.holidayDays, from, to) + countIn(this.workdayDays, from, to);
  }
}

function prepared(calendar: WorkingDayCalendar | WorkingDays): WorkingDays {
  return calendar instanceof WorkingDays ? calendar : new WorkingDays(calendar);
}

function requireDay(date: string): number {
  const day = dateToDay(date);
  if (day === null) throw new Error(`${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
  return day;
}

export function isWorkingDay(date: string, calendar: WorkingDayCalendar | WorkingDays): boolean {
  return prepared(calendar).isWorkingDay(requireDay(date));
}

export interface WorkingDayDeadline {
  /** The N-th working day strictly after the local date of t. */
  deadlineDay: string;
  /** The instant the deadline day ends: 00:00 local of the next day. */
  deadline: number;
}

/** "N working days after t" of the scoring method. */
export function addWorkingDays(t: number, n: number, calendar: WorkingDayCalendar | WorkingDays, timeZone: string = DEFAULT_TIME_ZONE): WorkingDayDeadline {
  const zone = new ZoneDays(timeZone, t);
  const day = prepared(calendar).addWorkingDays(zone.dayOf(t), n);
  return { deadlineDay: dayToDate(day), deadline: zone.start(day + 1) };
}

/** Working days d with fromDate < d <= toDate. */
export function workingDaysBetween(fromDate: string, toDate: string, calendar: WorkingDayCalendar | WorkingDays): number {
  return prepared(calendar).countBetween(requireDay(fromDate), requireDay(toDate));
}

/**
 * Lateness in working days: the working days after the deadline day up to and
 * including the local day of `until` (the answer, or the as-of instant).
 */
export function workdaysLate(deadlineDay: string, until: number, calendar: WorkingDayCalendar | WorkingDays, timeZone: string = DEFAULT_TIME_ZONE): number {
  const zone = new ZoneDays(timeZone, until);
  return prepared(calendar).countBetween(requireDay(deadlineDay), zone.dayOf(until));
}
