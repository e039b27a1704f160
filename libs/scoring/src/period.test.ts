import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  formatPeriod,
  InvalidPeriodError,
  isPeriodEnded,
  nextPeriod,
  parsePeriod,
  parsePeriodOrThrow,
  periodBounds,
  periodContaining,
  periodsBetween,
  previousPeriod,
  subPeriods,
} from './period';
import { t } from './test-support/builders';

const texts = (ps: { kind: string }[]) => ps.map((p) => formatPeriod(p as never));

describe('parsePeriod', () => {
  it('reads months, quarters and years', () => {
    expect(parsePeriod('2026-10')).toEqual({ kind: 'month', year: 2026, index: 10 });
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, index: 4 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
  });

  it.each(['', '2026-13', '2026-00', '2026-1', '2026-Q0', '2026-Q5', '2026-q4', '26', '2026-10-01', ' 2026-10', '2026-10 ', '0000', 'abcd'])(
    'rejects %j',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
      expect(() => parsePeriodOrThrow(text)).toThrow(InvalidPeriodError);
    },
  );

  it('explains a bad period', () => {
    expect(() => parsePeriodOrThrow('2026-13')).toThrow('invalid period "2026-13": expected a month (2026-10), a quarter (2026-Q4) or a year (2026)');
  });

  it('round-trips through formatPeriod', () => {
    for (const text of ['2026-01', '2026-12', '2026-Q1', '2026-Q4', '2026', '0999-05']) expect(formatPeriod(parsePeriodOrThrow(text))).toBe(text);
  });
});

describe('periodBounds', () => {
  it('is the half-open local interval in the assessment time zone', () => {
    expect(periodBounds('2026-10')).toEqual({ start: Date.parse('2026-09-30T16:00:00Z'), end: Date.parse('2026-10-31T16:00:00Z') });
    expect(periodBounds('2026-Q4')).toEqual({ start: t('2026-10-01'), end: t('2027-01-01') });
    expect(periodBounds('2026')).toEqual({ start: t('2026-01-01'), end: t('2027-01-01') });
    expect(periodBounds('2026-12', 'UTC')).toEqual({ start: Date.parse('2026-12-01T00:00:00Z'), end: Date.parse('2027-01-01T00:00:00Z') });
  });

  it('follows daylight saving time where the zone has it', () => {
    const { start, end } = periodBounds('2026-03', 'Europe/Berlin');
    expect(start).toBe(Date.parse('2026-02-28T23:00:00Z'));
    expect(end).toBe(Date.parse('2026-03-31T22:00:00Z'));
  });

  it('rejects an unknown time zone', () => {
    expect(() => periodBounds('2026-10', 'Mars/Olympus')).toThrow('unknown time zone');
  });
});

describe('period arithmetic', () => {
  it('previous and next period of the same kind, across years', () => {
    expect(formatPeriod(previousPeriod('2026-01'))).toBe('2025-12');
    expect(formatPeriod(previousPeriod('2026-10'))).toBe('2026-09');
    expect(formatPeriod(previousPeriod('2026-Q1'))).toBe('2025-Q4');
    expect(formatPeriod(previousPeriod('2026-Q4'))).toBe('2026-Q3');
    expect(formatPeriod(previousPeriod('2026'))).toBe('2025');
    expect(formatPeriod(nextPeriod('2026-12'))).toBe('2027-01');
    expect(formatPeriod(nextPeriod('2026-Q4'))).toBe('2027-Q1');
  });

  it('lists periods between two, both included', () => {
    expect(texts(periodsBetween('2026-11', '2027-02'))).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(texts(periodsBetween('2026-Q3', '2027-Q1'))).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(periodsBetween('2026-05', '2026-04')).toEqual([]);
    expect(() => periodsBetween('2026-05', '2026-Q4')).toThrow('not of the same kind');
  });

  it('lists the sub-periods of a quarter and a year', () => {
    expect(texts(subPeriods('2026-Q4', 'month'))).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(texts(subPeriods('2026', 'quarter'))).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(subPeriods('2026', 'month')).toHaveLength(12);
    expect(() => subPeriods('2026-10', 'quarter')).toThrow();
  });

  it('finds the period containing an instant in local time', () => {
    // 2026-09-30T16:30Z is already October 1st in Shanghai.
    expect(formatPeriod(periodContaining('month', Date.parse('2026-09-30T16:30:00Z')))).toBe('2026-10');
    expect(formatPeriod(periodContaining('quarter', Date.parse('2026-09-30T16:30:00Z')))).toBe('2026-Q4');
    expect(formatPeriod(periodContaining('year', t('2026-12-31T23:59:59')))).toBe('2026');
    expect(formatPeriod(periodContaining('month', Date.parse('2026-09-30T16:30:00Z'), 'UTC'))).toBe('2026-09');
  });

  it('orders periods', () => {
    expect(comparePeriods('2026-09', '2026-10')).toBeLessThan(0);
    expect(comparePeriods('2027-Q1', '2026-Q4')).toBeGreaterThan(0);
    expect(comparePeriods('2026-10', '2026-10')).toBe(0);
  });

  it('is ended once its end (and grace) has passed', () => {
    expect(isPeriodEnded('2026-10', t('2026-10-31T23:59:59'))).toBe(false);
    expect(isPeriodEnded('2026-10', t('2026-11-01'))).toBe(true);
    expect(isPeriodEnded('2026-10', t('2026-11-01T05:00'), undefined, 6)).toBe(false);
    expect(isPeriodEnded('2026-10', t('2026-11-01T06:00'), undefined, 6)).toBe(true);
  });
});
