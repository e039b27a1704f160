import { describe, expect, it } from 'vitest';
import { computeScores } from './compute-scores';
import { requestsSettledInPeriod } from './request-settlement';
import { edgeCaseCity } from './test-support/edge-case-city';
import { dept, input, NATIONAL_DAY_2026, request, scheme, t } from './test-support/builders';
import type { AppealFact, ScoringInput } from './types';

const settled = (over: Partial<ScoringInput>) => {
  const i = input(over);
  return requestsSettledInPeriod(i).map((r) => [r.id, r.onTime]);
};

describe('requests settled in a period', () => {
  const calendar = NATIONAL_DAY_2026;

  it('counts an on-time request in the period of its answer, a late one in that of its deadline day', () => {
    const requests = [
      // Submitted in September, answered on time in October: October's.
      request('R1', 'A', '2026-09-29T10:00', '2026-10-09T10:00'),
      // Submitted in October, answered on time in November: not October's.
      request('R2', 'A', '2026-10-28T10:00', '2026-11-03T10:00'),
      // Submitted in September, deadline day in October, never answered: late, October's.
      request('R3', 'A', '2026-09-25T10:00', null),
      // Submitted in October, deadline day in November: not October's, whatever happens.
      request('R4', 'A', '2026-10-26T10:00', null),
    ];
    expect(settled({ period: '2026-10', asOf: t('2026-12-01'), calendar, departments: [dept('A')], requests })).toEqual([
      ['R1', true],
      ['R3', false],
    ]);
    expect(settled({ period: '2026-11', asOf: t('2026-12-01'), calendar, departments: [dept('A')], requests })).toEqual([
      ['R2', true],
      ['R4', false],
    ]);
  });

  it('counts a late request with an accepted appeal as on time', () => {
    const requests = [request('R3', 'A', '2026-09-25T10:00', null)];
    const appeals: AppealFact[] = [{ id: 1, kind: 'late_request', dept: 'A', request: 'R3', status: 'accepted' }];
    expect(settled({ period: '2026-10', asOf: t('2026-12-01'), calendar, departments: [dept('A')], requests, appeals })).toEqual([['R3', true]]);
  });

  it('leaves out requests submitted before the assessment start', () => {
    const requests = [request('R1', 'A', '2026-09-29T10:00', '2026-10-09T10:00'), request('R5', 'A', '2026-10-09T10:00', '2026-10-10T10:00')];
    expect(
      settled({ period: '2026-10', asOf: t('2026-12-01'), calendar, scheme: scheme({ assessmentStart: '2026-10' }), departments: [dept('A')], requests }),
    ).toEqual([['R5', true]]);
  });

  it("sums per provider to the score's requestsSettled and requestsOnTime", () => {
    const city = edgeCaseCity();
    const record = computeScores(city).record;
    const byDept = new Map<string, { settled: number; onTime: number }>();
    for (const r of requestsSettledInPeriod(city)) {
      const d = byDept.get(r.dept) ?? { settled: 0, onTime: 0 };
      d.settled++;
      if (r.onTime) d.onTime++;
      byDept.set(r.dept, d);
    }
    expect(record.departments.some((d) => d.counts.requestsSettled > 0)).toBe(true);
    for (const d of record.departments) {
      expect(byDept.get(d.dept) ?? { settled: 0, onTime: 0 }, d.dept).toEqual({ settled: d.counts.requestsSettled, onTime: d.counts.requestsOnTime });
    }
  });
});
