import { DateTime } from 'luxon';
import { dayToYmd } from './civil-day';
import { formatInstant } from './time';

const MS_PER_DAY = 86_400_000;

/**
 * Local-day boundaries of one time zone, memoised per civil day so that luxon
 * runs once per distinct day, not once per event.
 */
// Day starts are a fixed fact of the zone's rules, so they are shared by every
// computation in the process; the bound only guards against absurd inputs.
const SHARED_STARTS = new Map<string, Map<number, number>>();
const MAX_SHARED_DAYS = 100_000;

function sharedStarts(timeZone: string): Map<number, number> {
  let starts = SHARED_STARTS.get(timeZone);
  if (!starts || starts.size > MAX_SHARED_DAYS) SHARED_STARTS.set(timeZone, (starts = new Map<number, number>()));
  return starts;
}

export class ZoneDays {
  private readonly starts: Map<number, number>;
  private readonly refOffsetMs: number;
  /** luxon writes 'Z' rather than '+00:00' for the UTC zone itself. */
  private readonly writesZ: boolean;

  constructor(
    readonly timeZone: string,
    referenceInstant: number,
  ) {
    const ref = DateTime.fromMillis(referenceInstant, { zone: timeZone });
    if (!ref.isValid) throw new Error(`unknown time zone "${timeZone}"`);
    this.refOffsetMs = ref.offset * 60_000;
    this.writesZ = ref.zone.isUniversal && ref.offset === 0;
    this.starts = sharedStarts(timeZone);
  }

  /** The instant the civil day starts locally (the first existing instant of that date). */
  start(day: number): number {
    let s = this.starts.get(day);
    if (s === undefined) {
      const { year, month, day: d } = dayToYmd(day);
      s = DateTime.fromObject({ year, month, day: d }, { zone: this.timeZone }).toMillis();
      this.starts.set(day, s);
    }
    return s;
  }

  /** The local civil day of an instant. */
  dayOf(t: number): number {
    let d = Math.floor((t + this.refOffsetMs) / MS_PER_DAY);
    while (this.start(d) > t) d--;
    while (this.start(d + 1) <= t) d++;
    return d;
  }

  /**
   * formatInstant(t, timeZone), without luxon on ordinary days: the offset of a
   * day that lasts exactly 24 hours is the same all day long.
   */
  format(t: number): string {
    const d = this.dayOf(t);
    const s = this.start(d);
    const offsetMs = d * MS_PER_DAY - s;
    if (this.start(d + 1) - s !== MS_PER_DAY || offsetMs % 60_000 !== 0) return formatInstant(t, this.timeZone);
    const wall = new Date(t + offsetMs);
    const year = wall.getUTCFullYear();
    if (year < 0 || year > 9999) return formatInstant(t, this.timeZone);
    const ms = wall.getUTCMilliseconds();
    let text = `${pad(year, 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}T${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}:${pad(wall.getUTCSeconds(), 2)}`;
    if (ms !== 0) text += `.${pad(ms, 3)}`;
    if (this.writesZ) return `${text}Z`;
    const offsetMin = offsetMs / 60_000;
    const abs = Math.abs(offsetMin);
    return `${text}${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
