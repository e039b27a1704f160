import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_2025_2026 } from './calendar-cn';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('CN_CALENDAR_2025_2026', () => {
  it('lists only weekdays as holiday and only weekend days as workday, once each', () => {
    const dates = CN_CALENDAR_2025_2026.map((e) => e.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const e of CN_CALENDAR_2025_2026) {
      const w = weekday(e.date);
      if (e.kind === 'holiday') expect([1, 2, 3, 4, 5], e.date).toContain(w);
      else expect([0, 6], e.date).toContain(w);
    }
  });

  it('matches the State Council notices', () => {
    const of = (kind: string, year: string) => CN_CALENDAR_2025_2026.filter((e) => e.kind === kind && e.date.startsWith(year)).map((e) => e.date.slice(5));
    expect(of('workday', '2025')).toEqual(['01-26', '02-08', '04-27', '09-28', '10-11']);
    expect(of('workday', '2026')).toEqual(['01-04', '02-14', '02-28', '05-09', '09-20', '10-10']);
    expect(of('holiday', '2025')).toEqual([
      '01-01',
      '01-28',
      '01-29',
      '01-30',
      '01-31',
      '02-03',
      '02-04',
      '04-04',
      '05-01',
      '05-02',
      '05-05',
      '06-02',
      '10-01',
      '10-02',
      '10-03',
      '10-06',
      '10-07',
      '10-08',
    ]);
    expect(of('holiday', '2026')).toEqual([
      '01-01',
      '01-02',
      '02-16',
      '02-17',
      '02-18',
      '02-19',
      '02-20',
      '02-23',
      '04-06',
      '05-01',
      '05-04',
      '05-05',
      '06-19',
      '09-25',
      '10-01',
      '10-02',
      '10-05',
      '10-06',
      '10-07',
    ]);
  });
});
