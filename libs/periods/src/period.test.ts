import { describe, expect, it } from 'vitest';
import {
  convertPeriod,
  firstMonthOf,
  formatPeriod,
  lastMonthOf,
  monthsPerPeriod,
  parsePeriod,
  periodOfMonth,
  periodsEndingAt,
  periodsPerYear,
  shiftPeriod,
  type Period,
} from './period';

const p = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed) throw new Error(`bad test period ${text}`);
  return parsed;
};
const f = (periods: Period[]) => periods.map(formatPeriod);

describe('parsePeriod', () => {
  it('reads months, quarters and years', () => {
    expect(parsePeriod('2026-10')).toEqual({ kind: 'month', year: 2026, index: 10 });
    expect(parsePeriod('2026-01')).toEqual({ kind: 'month', year: 2026, index: 1 });
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, index: 4 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
    expect(parsePeriod('0001')).toEqual({ kind: 'year', year: 1, index: 1 });
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      '2026-00',
      '2026-13',
      '2026-1',
      '2026-Q0',
      '2026-Q5',
      '2026-q1',
      '2026-Q',
      '26',
      '20261',
      '0000',
      '0000-05',
      '0000-Q1',
      ' 2026',
      '2026-10 ',
      '2026-10-01',
      '2026/10',
      '２０２６',
    ]) {
      expect(parsePeriod(text), text).toBeNull();
    }
    expect(parsePeriod(null)).toBeNull();
    expect(parsePeriod(undefined)).toBeNull();
    expect(parsePeriod(2026)).toBeNull();
  });

  it('round-trips through formatPeriod', () => {
    for (const text of ['2026-10', '2026-01', '0042-12', '2026-Q1', '9999-Q4', '2026', '0007']) {
      expect(formatPeriod(p(text))).toBe(text);
    }
  });
});

describe('sizes', () => {
  it('counts months per period and periods per year', () => {
    expect([monthsPerPeriod('month'), monthsPerPeriod('quarter'), monthsPerPeriod('year')]).toEqual([1, 3, 12]);
    expect([periodsPerYear('month'), periodsPerYear('quarter'), periodsPerYear('year')]).toEqual([12, 4, 1]);
  });

  it('gives the first and last month of a period', () => {
    expect([firstMonthOf(p('2026-Q3')), lastMonthOf(p('2026-Q3'))]).toEqual([7, 9]);
    expect([firstMonthOf(p('2026')), lastMonthOf(p('2026'))]).toEqual([1, 12]);
    expect([firstMonthOf(p('2026-05')), lastMonthOf(p('2026-05'))]).toEqual([5, 5]);
  });

  it('finds the period containing a month', () => {
    expect(formatPeriod(periodOfMonth('quarter', 2026, 1))).toBe('2026-Q1');
    expect(formatPeriod(periodOfMonth('quarter', 2026, 3))).toBe('2026-Q1');
    expect(formatPeriod(periodOfMonth('quarter', 2026, 4))).toBe('2026-Q2');
    expect(formatPeriod(periodOfMonth('quarter', 2026, 12))).toBe('2026-Q4');
    expect(formatPeriod(periodOfMonth('year', 2026, 7))).toBe('2026');
    expect(formatPeriod(periodOfMonth('month', 2026, 7))).toBe('2026-07');
  });
});

describe('shiftPeriod', () => {
  it('moves across year boundaries in both directions', () => {
    expect(formatPeriod(shiftPeriod(p('2026-01'), -1))).toBe('2025-12');
    expect(formatPeriod(shiftPeriod(p('2025-12'), 1))).toBe('2026-01');
    expect(formatPeriod(shiftPeriod(p('2026-03'), -27))).toBe('2023-12');
    expect(formatPeriod(shiftPeriod(p('2026-Q1'), -1))).toBe('2025-Q4');
    expect(formatPeriod(shiftPeriod(p('2026-Q4'), 5))).toBe('2028-Q1');
    expect(formatPeriod(shiftPeriod(p('2026'), -4))).toBe('2022');
    expect(formatPeriod(shiftPeriod(p('2026-07'), 0))).toBe('2026-07');
  });

  it('is undone by the opposite shift', () => {
    for (const text of ['2026-01', '2026-12', '2026-Q1', '2026-Q4', '2026']) {
      for (const n of [-25, -1, 0, 1, 13]) expect(formatPeriod(shiftPeriod(shiftPeriod(p(text), n), -n))).toBe(text);
    }
  });
});

describe('convertPeriod', () => {
  it('gives the longer period containing a shorter one', () => {
    expect(formatPeriod(convertPeriod(p('2026-08'), 'quarter'))).toBe('2026-Q3');
    expect(formatPeriod(convertPeriod(p('2026-08'), 'year'))).toBe('2026');
    expect(formatPeriod(convertPeriod(p('2026-Q2'), 'year'))).toBe('2026');
    expect(formatPeriod(convertPeriod(p('2026-Q2'), 'year', 'first'))).toBe('2026');
  });

  it('gives the last (or first) shorter period of a longer one', () => {
    expect(formatPeriod(convertPeriod(p('2026-Q2'), 'month'))).toBe('2026-06');
    expect(formatPeriod(convertPeriod(p('2026-Q2'), 'month', 'first'))).toBe('2026-04');
    expect(formatPeriod(convertPeriod(p('2026'), 'quarter'))).toBe('2026-Q4');
    expect(formatPeriod(convertPeriod(p('2026'), 'quarter', 'first'))).toBe('2026-Q1');
    expect(formatPeriod(convertPeriod(p('2026'), 'month'))).toBe('2026-12');
  });

  it('keeps a period of the same kind', () => {
    expect(formatPeriod(convertPeriod(p('2026-Q2'), 'quarter'))).toBe('2026-Q2');
  });
});

describe('periodsEndingAt', () => {
  it('lists count periods ending with the given one, oldest first', () => {
    expect(f(periodsEndingAt(p('2026-02'), 4))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(f(periodsEndingAt(p('2026-Q1'), 3))).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(f(periodsEndingAt(p('2026'), 2))).toEqual(['2025', '2026']);
    expect(periodsEndingAt(p('2026'), 0)).toEqual([]);
  });
});
