import { DateTime } from 'luxon';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses the contract's timestamp (sharing-log.md, field `at`): exact with `Z`
 * or an offset, local time in `timeZone` without one. Impossible dates and
 * times are rejected, never rolled over. Returns epoch ms or null.
 */
export function parseTimestamp(text: string, timeZone: string = DEFAULT_TIME_ZONE): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const millisecond = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    millisecond,
  };
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  const zoneName = zone === undefined ? timeZone : zone === 'Z' ? 'UTC' : `UTC${zone}`;
  if (zone !== undefined && zone !== 'Z') {
    const [oh, om] = zone.slice(1).split(':').map(Number);
    if (oh > 23 || om > 59) return null;
  }
  const dt = DateTime.fromObject(parts, { zone: zoneName });
  if (!dt.isValid) return null;
  // luxon silently moves a local time that falls in a DST gap; such a wall time does not exist.
  if (zone === undefined && (dt.hour !== parts.hour || dt.minute !== parts.minute)) return null;
  return dt.toMillis();
}

/** ISO-8601 with the time zone's offset, milliseconds only when non-zero: 2026-11-05T00:00:00+08:00. */
export function formatInstant(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const dt = DateTime.fromMillis(ms, { zone: timeZone });
  return dt.millisecond === 0 ? dt.toISO({ suppressMilliseconds: true, includeOffset: true })! : dt.toISO({ includeOffset: true })!;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toISODate()!;
}

/** The instant a local date starts (00:00 local). */
export function startOfLocalDate(date: string, timeZone: string = DEFAULT_TIME_ZONE): number {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toMillis();
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  return DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'UTC' }).isValid;
}
