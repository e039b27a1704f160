import { describe, expect, it } from 'vitest';
import { computeScores } from './compute-scores';
import { assessmentStartInstant, isPeriodAssessed } from './assessment-start';
import type { ScoringInput } from './types';
import { dailyUpdates, datesBetween, dept, input, request, resource, scheme, t, update } from './test-support/builders';

const A = dept('A');
const B = dept('B');
const withStart = (month: string | null) => scheme({ assessmentStart: month });

describe('assessment start', () => {
  it('is the local start of its month; unset means none', () => {
    expect(assessmentStartInstant(withStart('2026-10'))).toBe(t('2026-10-01'));
    expect(assessmentStartInstant(withStart(null))).toBeNull();
    expect(assessmentStartInstant(scheme())).toBeNull();
    expect(assessmentStartInstant(withStart('2026-10'), 'UTC')).toBe(Date.parse('2026-10-01T00:00:00Z'));
  });

  it('a period ending at or before it is not assessed; one ending after it is', () => {
    const s = withStart('2026-10');
    expect(isPeriodAssessed('2026-09', s)).toBe(false);
    expect(isPeriodAssessed('2026-Q3', s)).toBe(false);
    expect(isPeriodAssessed('2025', s)).toBe(false);
    expect(isPeriodAssessed('2026-10', s)).toBe(true);
    expect(isPeriodAssessed('2026-Q4', s)).toBe(true);
    expect(isPeriodAssessed('2026', s)).toBe(true);
    expect(isPeriodAssessed('1999-01', scheme())).toBe(true);
    expect(() => isPeriodAssessed('2026-13', s)).toThrow();
  });

  it('events stamped before it are ignored by every rule', () => {
    const r = resource('A-R', 'A', 'on_demand');
    const base: Partial<ScoringInput> = {
      period: '2026-Q4',
      asOf: t('2027-01-10'),
      departments: [A],
      resources: [r],
      updates: [update(r, '2026-10-20T10:00', 100, 0), update(r, '2026-11-20T10:00', 100, 100)],
      requests: [
        // Unanswered since October: late, and overdue open, unless October is before the start.
        request('OCT', 'A', '2026-10-08T09:00', null),
        // Submitted and answered before the start: ignored altogether.
        request('OCT2', 'A', '2026-10-09T09:00', '2026-10-10T09:00'),
        request('NOV', 'A', '2026-11-09T09:00', '2026-11-10T09:00'),
      ],
    };
    const all = computeScores(input({ ...base, scheme: withStart(null) })).record.departments[0];
    expect(all.counts).toMatchObject({ records: 200, completeRecords: 100, requestsSettled: 3, requestsOnTime: 2, requestsOverdueOpen: 1 });
    const fromNov = computeScores(input({ ...base, scheme: withStart('2026-11') })).record.departments[0];
    expect(fromNov.counts).toMatchObject({ records: 100, completeRecords: 100, requestsSettled: 1, requestsOnTime: 1, requestsOverdueOpen: 0 });
    expect(fromNov.completeness).toBe(100);
  });

  it('an answer stamped before it counts as no answer', () => {
    // Submitted after the start, answer stamped before it (before the submission too).
    const requests = [request('R', 'A', '2026-11-02T09:00', '2026-10-30T09:00')];
    const s = computeScores(input({ period: '2026-11', asOf: t('2026-12-05'), departments: [A], requests, scheme: withStart('2026-11') })).record
      .departments[0];
    expect(s.counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 0, requestsOverdueOpen: 1 });
  });

  it('a window that starts before it is never due', () => {
    const weekly = resource('A-W', 'A', 'weekly');
    const daily = resource('A-D', 'A', 'daily');
    const quarterly = resource('A-Q', 'A', 'quarterly');
    const updates = dailyUpdates(daily, datesBetween('2026-10-01', '2026-10-31'));
    const run = (month: string | null) =>
      computeScores(input({ period: '2026-10', departments: [A], resources: [weekly, daily, quarterly], updates, scheme: withStart(month) })).record
        .departments[0].counts;
    // Weeks ending Oct 5, 12, 19, 26 and 31 days; the third quarter ends Oct 1, in September.
    expect(run(null)).toMatchObject({ windowsDue: 4 + 31 });
    // From October: the week of Sep 28 started before it.
    expect(run('2026-10')).toMatchObject({ windowsDue: 3 + 31, windowsMet: 31 });
    // December assesses the fourth quarter (it ends Jan 1), unless it began before the start.
    const dec = (month: string | null) =>
      computeScores(input({ period: '2026-12', asOf: t('2027-01-05'), departments: [A], resources: [quarterly], scheme: withStart(month) })).record
        .departments[0].counts.windowsDue;
    expect(dec(null)).toBe(1);
    expect(dec('2026-10')).toBe(1);
    expect(dec('2026-11')).toBe(0);
  });

  it('a rank change is null when the previous period is not assessed, unless it was published', () => {
    const r = resource('A-R', 'A', 'on_demand');
    const rb = resource('B-R', 'B', 'on_demand');
    const base: Partial<ScoringInput> = {
      departments: [A, B],
      resources: [r, rb],
      updates: [update(r, '2026-10-20T10:00', 10, 10), update(rb, '2026-10-20T10:00', 10, 5)],
      previousRanks: { A: 2, B: 1 },
    };
    const changes = (over: Partial<ScoringInput>) => computeScores(input({ ...base, ...over })).record.departments.map((d) => [d.dept, d.rankChange]);
    expect(changes({})).toEqual([
      ['A', 1],
      ['B', -1],
    ]);
    expect(changes({ scheme: withStart('2026-10') })).toEqual([
      ['A', null],
      ['B', null],
    ]);
    expect(changes({ scheme: withStart('2026-10'), previousPublished: true })).toEqual([
      ['A', 1],
      ['B', -1],
    ]);
    expect(changes({ scheme: withStart('2026-09') })).toEqual([
      ['A', 1],
      ['B', -1],
    ]);
  });

  it('a period before it has nothing to score', () => {
    const r = resource('A-R', 'A', 'daily');
    const rec = computeScores(
      input({ period: '2026-09', departments: [A], resources: [r], updates: dailyUpdates(r, ['2026-09-10']), scheme: withStart('2026-10') }),
    ).record;
    expect(rec.departments[0]).toMatchObject({ total: null, pointsLost: null, counts: { windowsDue: 0, records: 0 } });
  });
});
