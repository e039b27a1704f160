import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZoneDays } from './zone-days';
import { formatInstant, localDate, startOfLocalDate } from './time';
import { dateToDay, dayToDate } from './civil-day';

const ZONES = ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Etc/GMT+5'];

describe('ZoneDays', () => {
  it('agrees with luxon on local days, day starts and formatting in every kind of zone (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.boolean(), (zone, t0, whole) => {
        const t = whole ? t0 - (t0 % 1000) : t0;
        const z = new ZoneDays(zone, Date.UTC(2026, 0, 1));
        const day = z.dayOf(t);
        expect(dayToDate(day)).toBe(localDate(t, zone));
        expect(z.start(day)).toBe(startOfLocalDate(dayToDate(day), zone));
        expect(z.format(t)).toBe(formatInstant(t, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('formats around daylight-saving changes like luxon', () => {
    const z = new ZoneDays('America/Santiago', 0);
    for (let t = Date.UTC(2026, 3, 4, 0); t < Date.UTC(2026, 3, 6); t += 15 * 60_000) expect(z.format(t)).toBe(formatInstant(t, 'America/Santiago'));
    for (let t = Date.UTC(2026, 8, 5, 0); t < Date.UTC(2026, 8, 7); t += 15 * 60_000) expect(z.format(t)).toBe(formatInstant(t, 'America/Santiago'));
    expect(dateToDay('2026-09-06')).not.toBeNull();
  });

  it('rejects an unknown zone', () => {
    expect(() => new ZoneDays('Nowhere/Special', 0)).toThrow('unknown time zone "Nowhere/Special"');
  });
});
