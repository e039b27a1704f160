import { describe, expect, it } from 'vitest';
import { updateFetchRanges } from './fetch-ranges';
import { computeScores } from './compute-scores';
import { periodBounds } from './period';
import { formatInstant } from './time';
import type { Frequency, RequestFact, ScoringInput } from './types';
import { scheme, t } from './test-support/builders';
import { syntheticYear } from './test-support/synthetic';

const show = (r: { from: number; to: number }) => [formatInstant(r.from), formatInstant(r.to)];

describe('updateFetchRanges', () => {
  it('covers the weeks that start before a month and the month itself', () => {
    const r = updateFetchRanges('2026-10', scheme());
    expect(show(r.daily)).toEqual(['2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00']);
    expect(show(r.realtime)).toEqual(show(r.daily));
    expect(show(r.weekly)).toEqual(['2026-09-28T00:00:00+08:00', '2026-11-01T00:00:00+08:00']);
    expect(show(r.monthly)).toEqual(['2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00']);
    expect(show(r.quarterly)).toEqual(['2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00']);
    expect(show(r.on_demand)).toEqual(['2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00']);
  });

  it('reaches back to the start of a quarter or year that ends in the period, and forward by the grace', () => {
    const r = updateFetchRanges('2026-12', scheme({ updateGraceHours: 6 }));
    expect(show(r.quarterly)).toEqual(['2026-10-01T00:00:00+08:00', '2027-01-01T06:00:00+08:00']);
    expect(show(r.yearly)).toEqual(['2026-01-01T00:00:00+08:00', '2027-01-01T06:00:00+08:00']);
    expect(show(r.daily)).toEqual(['2026-12-01T00:00:00+08:00', '2027-01-01T06:00:00+08:00']);
    // Completeness needs only the period itself.
    expect(show(r.on_demand)).toEqual(['2026-12-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00']);
    // A week ending exactly on Nov 30 (Monday) closes November's last window.
    expect(show(updateFetchRanges('2026-11', scheme()).weekly)).toEqual(['2026-10-26T00:00:00+08:00', '2026-12-01T00:00:00+08:00']);
  });

  it('is enough: scoring what the aggregation fetches equals scoring everything', () => {
    const world = syntheticYear({ departments: 12, resources: 150, updates: 40_000, seed: 7 });
    const cases: [string, string, number][] = [
      ['2026-10', '2026-11-05', 0],
      ['2026-12', '2027-01-01T03:00', 5],
      ['2026-Q4', '2026-11-20T12:00', 0],
      ['2026-Q1', '2026-04-02', 30],
      ['2026-03', '2026-03-15', 0],
      ['2026', '2027-02-01', 2],
    ];
    for (const [period, asOf, graceHours] of cases) {
      const full: ScoringInput = { ...world, period, asOf: t(asOf), scheme: scheme({ updateGraceHours: graceHours }) };
      const ranges = updateFetchRanges(period, full.scheme, full.timeZone);
      const freq = new Map<string, Frequency>(world.resources.map((r) => [r.code, r.frequency]));
      const { start } = periodBounds(period, full.timeZone);
      const keep = (q: RequestFact) => q.submittedAt <= full.asOf && (q.answeredAt === null || Math.max(q.answeredAt, q.submittedAt) >= start);
      const fetched: ScoringInput = {
        ...full,
        updates: full.updates.filter((u) => {
          const r = ranges[freq.get(u.resource)!];
          return u.at >= r.from && u.at < r.to;
        }),
        requests: full.requests.filter(keep),
      };
      if (period !== '2026') expect(fetched.updates.length).toBeLessThan(full.updates.length);
      // Compared as JSON: the results are large and key order is part of the contract anyway.
      expect(JSON.stringify(computeScores(fetched))).toBe(JSON.stringify(computeScores(full)));
    }
  });
});
