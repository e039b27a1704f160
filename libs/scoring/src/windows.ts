import type { Frequency } from './types';
import { dayToYmd, isoWeekday, ymdToDay } from './civil-day';

export type WindowFrequency = Exclude<Frequency, 'on_demand'>;

export const WINDOW_FREQUENCIES: readonly WindowFrequency[] = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'];

/** A window as civil days [startDay, endDay). */
export interface DayWindow {
  startDay: number;
  endDay: number;
}

function monthsOf(frequency: 'monthly' | 'quarterly' | 'yearly'): number {
  return frequency === 'monthly' ? 1 : frequency === 'quarterly' ? 3 : 12;
}

/**
 * The windows of a frequency whose end day lies in (fromDay, toDay], in order:
 * exactly the windows a period [fromDay, toDay) assesses.
 */
export function windowsEndingIn(frequency: WindowFrequency, fromDay: number, toDay: number): DayWindow[] {
  const out: DayWindow[] = [];
  switch (frequency) {
    case 'realtime':
    case 'daily':
      for (let end = fromDay + 1; end <= toDay; end++) out.push({ startDay: end - 1, endDay: end });
      return out;
    case 'weekly': {
      // First Monday strictly after fromDay.
      let end = fromDay + 1 + ((8 - isoWeekday(fromDay + 1)) % 7);
      for (; end <= toDay; end += 7) out.push({ startDay: end - 7, endDay: end });
      return out;
    }
    default: {
      const step = monthsOf(frequency);
      const { year, month } = dayToYmd(fromDay);
      // Month ordinals (year * 12 + month0) of window ends: multiples of the step.
      let ord = year * 12 + (month - 1);
      ord = Math.floor(ord / step) * step;
      for (;;) {
        const endDay = ymdToDay(Math.floor(ord / 12), (ord % 12) + 1, 1);
        if (endDay > toDay) break;
        if (endDay > fromDay) {
          const s = ord - step;
          out.push({ startDay: ymdToDay(Math.floor(s / 12), (s % 12) + 1, 1), endDay });
        }
        ord += step;
      }
      return out;
    }
  }
}
