import type { Frequency, Scheme } from './types';
import { DEFAULT_TIME_ZONE } from './time';
import { periodBounds, periodDays, toPeriod, type Period } from './period';
import { graceMs } from './scheme';
import { windowsEndingIn, WINDOW_FREQUENCIES } from './windows';
import { ZoneDays } from './zone-days';

export interface InstantRange {
  /** Inclusive. */
  from: number;
  /** Exclusive. */
  to: number;
}

/**
 * Per frequency, the `resource.updated` instants [from, to) the aggregation
 * must fetch for a period: enough to decide every window assessed in it (a
 * week starting before the period, a quarter ending in it, the grace after
 * the last window) and its completeness. Fetching more is harmless.
 */
export function updateFetchRanges(
  period: Period | string,
  scheme: Pick<Scheme, 'updateGraceHours'>,
  timeZone: string = DEFAULT_TIME_ZONE,
): Record<Frequency, InstantRange> {
  const p = toPeriod(period);
  const { start, end } = periodBounds(p, timeZone);
  const { startDay, endDay } = periodDays(p);
  const zone = new ZoneDays(timeZone, start);
  const grace = graceMs(scheme);
  const ranges = { on_demand: { from: start, to: end } } as Record<Frequency, InstantRange>;
  for (const frequency of WINDOW_FREQUENCIES) {
    const windows = windowsEndingIn(frequency, startDay, endDay);
    if (windows.length === 0) {
      ranges[frequency] = { from: start, to: end };
      continue;
    }
    const first = zone.start(windows[0].startDay);
    const lastEnd = zone.start(windows[windows.length - 1].endDay);
    ranges[frequency] = { from: Math.min(start, first), to: Math.max(end, lastEnd + grace) };
  }
  return ranges;
}
