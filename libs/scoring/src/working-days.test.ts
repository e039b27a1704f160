import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addWorkingDays, isWorkingDay, workdaysLate, workingDaysBetween } from './working-days';
import { formatInstant } from './time';
import { NATIONAL_DAY_2026, t } from './test-support/builders';

const NONE = { holidays: [], workdays: [] };

describe('working days', () => {
  it('N working days after t: the spec example (Monday 2026-11-09 16:00 + 10)', () => {
    const d = addWorkingDays(t('2026-11-09T16:00'), 10, NONE);
    expect(d.deadlineDay).toBe('2026-11-23');
    expect(formatInstant(d.deadline)).toBe('2026-11-24T00:00:00+08:00');
  });

  it('RQ-2: submitted Sep 30, 10 working days end on Oct 20 with the National Day calendar', () => {
    const d = addWorkingDays(t('2026-09-30T17:00'), 10, NATIONAL_DAY_2026);
    expect(d.deadlineDay).toBe('2026-10-20');
    expect(formatInstant(d.deadline)).toBe('2026-10-21T00:00:00+08:00');
    // Without the calendar it would be Oct 14.
    expect(addWorkingDays(t('2026-09-30T17:00'), 10, NONE).deadlineDay).toBe('2026-10-14');
  });

  it('RQ-3: submitted Oct 8, deadline Oct 22 00:00, 11 working days late on Nov 5', () => {
    const d = addWorkingDays(t('2026-10-08T09:00'), 10, NATIONAL_DAY_2026);
    expect(formatInstant(d.deadline)).toBe('2026-10-22T00:00:00+08:00');
    expect(workdaysLate(d.deadlineDay, t('2026-11-05'), NATIONAL_DAY_2026)).toBe(11);
  });

  it('counts from the local date of t (an instant written in UTC)', () => {
    // 2026-11-08T16:30Z is Monday Nov 9, 00:30 in Shanghai.
    expect(addWorkingDays(Date.parse('2026-11-08T16:30:00Z'), 1, NONE).deadlineDay).toBe('2026-11-10');
    expect(addWorkingDays(Date.parse('2026-11-08T16:30:00Z'), 1, NONE, 'UTC').deadlineDay).toBe('2026-11-09');
  });

  it('a submission on a weekend or holiday starts counting from the next working day', () => {
    expect(addWorkingDays(t('2026-11-07T10:00'), 1, NONE).deadlineDay).toBe('2026-11-09');
    expect(addWorkingDays(t('2026-10-01T10:00'), 1, NATIONAL_DAY_2026).deadlineDay).toBe('2026-10-08');
  });

  it('knows holidays (weekdays off) and workdays (weekend days on); no-op rows change nothing', () => {
    expect(isWorkingDay('2026-10-01', NATIONAL_DAY_2026)).toBe(false);
    expect(isWorkingDay('2026-10-10', NATIONAL_DAY_2026)).toBe(true);
    expect(isWorkingDay('2026-10-11', NATIONAL_DAY_2026)).toBe(false);
    expect(isWorkingDay('2026-10-09', NATIONAL_DAY_2026)).toBe(true);
    const noop = { holidays: ['2026-10-03'], workdays: ['2026-10-09'] };
    expect(isWorkingDay('2026-10-03', noop)).toBe(false);
    expect(isWorkingDay('2026-10-09', noop)).toBe(true);
  });

  it('lateness: working days after the deadline day up to and including the answer day', () => {
    expect(workdaysLate('2026-10-22', t('2026-10-28T09:00'), NONE)).toBe(4);
    expect(workdaysLate('2026-10-22', t('2026-10-22T23:59'), NONE)).toBe(0);
    expect(workdaysLate('2026-10-23', t('2026-10-25T10:00'), NONE)).toBe(0);
  });

  it('rejects calendar entries that are not dates', () => {
    expect(() => isWorkingDay('2026-10-01', { holidays: ['2026-02-30'], workdays: [] })).toThrow('calendar holiday "2026-02-30"');
  });

  it('counting agrees with walking day by day (property)', () => {
    const day = fc.integer({ min: 0, max: 800 });
    const dateOf = (n: number) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, fc.uniqueArray(day, { maxLength: 30 }), fc.uniqueArray(day, { maxLength: 10 }), (a, b, hol, work) => {
        const cal = { holidays: hol.map(dateOf), workdays: work.map(dateOf) };
        let walked = 0;
        for (let d = a + 1; d <= b; d++) if (isWorkingDay(dateOf(d), cal)) walked++;
        expect(workingDaysBetween(dateOf(a), dateOf(b), cal)).toBe(walked);
      }),
      { numRuns: 200 },
    );
  });
});
