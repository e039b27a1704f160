// Working days (sharing-log.md: calendar.csv) and the seasonal "dip" the
// generator applies around long public holidays.

import { parseDate, weekday } from './dates';
import type { CalendarEntry } from './types';

export class WorkCalendar {
  private readonly overrides = new Map<number, boolean>();
  private readonly holidayEntries = new Set<number>();

  constructor(entries: readonly CalendarEntry[]) {
    if (!Array.isArray(entries)) throw new TypeError('calendar must be an array of { date, kind }');
    // Calendars come from files and callers' JSON: check each entry rather than trust the type.
    for (const e of entries as readonly (Partial<CalendarEntry> | null)[]) {
      const day = e && typeof e.date === 'string' ? parseDate(e.date) : null;
      if (e === null || day === null) throw new RangeError(`calendar: invalid date ${JSON.stringify(e?.date)}`);
      if (e.kind !== 'holiday' && e.kind !== 'workday') throw new RangeError(`calendar: invalid kind ${JSON.stringify(e.kind)} on ${e.date}`);
      this.overrides.set(day, e.kind === 'workday');
      if (e.kind === 'holiday') this.holidayEntries.add(day);
    }
  }

  isWorkday(day: number): boolean {
    const o = this.overrides.get(day);
    if (o !== undefined) return o;
    const w = weekday(day);
    return w !== 0 && w !== 6;
  }

  /** The n-th working day strictly after `day` (n >= 1). */
  nthWorkdayAfter(day: number, n: number): number {
    let d = day;
    for (let k = 0; k < n;) {
      d++;
      if (this.isWorkday(d)) k++;
      if (d - day > 3660) throw new RangeError('calendar has no working days');
    }
    return d;
  }

  /** `day` when it is a working day, else the last working day before it. */
  lastWorkdayOnOrBefore(day: number): number {
    let d = day;
    while (!this.isWorkday(d)) {
      d--;
      if (day - d > 3660) throw new RangeError('calendar has no working days');
    }
    return d;
  }

  /**
   * How much a day is disturbed by holidays, 0..1, for days first..last:
   * 1 inside a long holiday (a run of >= 7 non-working days with a public
   * holiday: Spring Festival, National Day), 0.5 for the 3 days either side
   * (adjusted workdays, the run-up), 0.35 inside a 3-6 day holiday, 0.12 on
   * an ordinary weekend, else 0.
   */
  dips(first: number, last: number): Float64Array {
    const margin = 12;
    const from = first - margin;
    const n = last - first + 1;
    const len = n + 2 * margin;
    const off = new Uint8Array(len);
    for (let i = 0; i < len; i++) off[i] = this.isWorkday(from + i) ? 0 : 1;
    const dip = new Float64Array(len);
    const raise = (i: number, v: number) => {
      if (i >= 0 && i < len && dip[i] < v) dip[i] = v;
    };
    for (let i = 0; i < len;) {
      if (!off[i]) {
        i++;
        continue;
      }
      let j = i;
      let holiday = false;
      while (j < len && off[j]) {
        if (this.holidayEntries.has(from + j)) holiday = true;
        j++;
      }
      const runLen = j - i;
      if (holiday && runLen >= 7) {
        for (let k = i; k < j; k++) raise(k, 1);
        for (let k = 1; k <= 3; k++) {
          raise(i - k, 0.5);
          raise(j - 1 + k, 0.5);
        }
      } else if (holiday && runLen >= 3) {
        for (let k = i; k < j; k++) raise(k, 0.35);
        raise(i - 1, 0.15);
        raise(j, 0.15);
      } else {
        for (let k = i; k < j; k++) raise(k, 0.12);
      }
      i = j;
    }
    return dip.slice(margin, margin + n);
  }
}
