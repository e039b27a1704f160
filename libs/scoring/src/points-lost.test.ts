import { describe, expect, it } from 'vitest';
import { computeScores } from './compute-scores';
import type { DepartmentScore, Finding, PointsLost, Scheme } from './types';
import { edgeCaseCity } from './test-support/edge-case-city';
import { dept, input, resource, update } from './test-support/builders';

// A fraction of this test's own, so the expected values do not come from the engine's arithmetic.
class Q {
  constructor(
    readonly n: bigint,
    readonly d: bigint = 1n,
  ) {
    if (d === 0n) throw new Error('zero denominator');
  }
  static of(x: number): Q {
    const [int, frac = ''] = String(x).split('.');
    return new Q(BigInt(int + frac), 10n ** BigInt(frac.length));
  }
  plus(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  minus(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  times(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  over(o: Q): Q {
    return o.n < 0n ? new Q(-this.n * o.d, this.d * -o.n) : new Q(this.n * o.d, this.d * o.n);
  }
  /** Two decimals, half away from zero (values here are never negative). */
  cents(): number {
    return Number((200n * this.n + this.d) / (2n * this.d)) / 100;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
}
const q = (n: number) => new Q(BigInt(n));
const HUNDRED = q(100);

interface Expected {
  pointsLost: PointsLost | null;
  exactTotal: Q | null;
  costs: { missedWindow: Q; lateRequest: Q; lateObjection: Q; incompleteRecord: Q };
}

/** scoring.md "Points lost", from the record's counts and the scheme alone. */
function expectedFor(d: DepartmentScore, scheme: Scheme): Expected {
  const k = d.counts;
  const ratio = (a: number, b: number): Q | null => (b > 0 ? HUNDRED.times(q(a)).over(q(b)) : null);
  const subs = [
    [Q.of(scheme.responseWeights.requests), ratio(k.requestsOnTime, k.requestsSettled)],
    [Q.of(scheme.responseWeights.objections), ratio(k.objectionsOnTime, k.objectionsSettled)],
    [Q.of(scheme.responseWeights.api), ratio(k.apiSuccess, k.apiSuccess + k.apiFailure)],
  ] as const;
  const subSum = subs.reduce((s, [w, v]) => (v ? s.plus(w) : s), q(0));
  const u = subs.map(([w, v]) => (v && !subSum.isZero() ? w.over(subSum) : null));
  const r = subSum.isZero() ? null : subs.reduce((s, [, v], i) => (v ? s.plus(u[i]!.times(v)) : s), q(0));
  const dims = [
    [Q.of(scheme.weights.timeliness), ratio(k.windowsMet, k.windowsDue)],
    [Q.of(scheme.weights.completeness), ratio(k.completeRecords, k.records)],
    [Q.of(scheme.weights.response), r],
  ] as const;
  const dimSum = dims.reduce((s, [w, v]) => (v ? s.plus(w) : s), q(0));
  const zeroCosts = { missedWindow: q(0), lateRequest: q(0), lateObjection: q(0), incompleteRecord: q(0) };
  if (dimSum.isZero()) return { pointsLost: null, exactTotal: null, costs: zeroCosts };
  const s = dims.map(([w, v]) => (v ? w.over(dimSum) : null));
  const total = dims.reduce((acc, [, v], i) => (v ? acc.plus(s[i]!.times(v)) : acc), q(0));
  const part = (share: Q | null, score: Q | null): Q | null => (share && score ? share.times(HUNDRED.minus(score)) : null);
  const inR = (i: number): Q | null => (s[2] && u[i] ? s[2].times(u[i]) : null);
  const cents = (x: Q | null): number | null => (x ? x.cents() : null);
  const totalCents = total.cents();
  const per = (share: Q | null, den: number): Q => (share && den > 0 ? share.times(HUNDRED).over(q(den)) : q(0));
  return {
    exactTotal: total,
    pointsLost: {
      total: (10000 - Math.round(totalCents * 100)) / 100,
      timeliness: cents(part(s[0], dims[0][1])),
      completeness: cents(part(s[1], dims[1][1])),
      requests: cents(part(inR(0), subs[0][1])),
      objections: cents(part(inR(1), subs[1][1])),
      interfaces: cents(part(inR(2), subs[2][1])),
    },
    costs: {
      missedWindow: per(s[0], k.windowsDue),
      lateRequest: per(inR(0), k.requestsSettled),
      lateObjection: per(inR(1), k.objectionsSettled),
      incompleteRecord: per(s[1], k.records),
    },
  };
}

function expectedCost(f: Finding, costs: Expected['costs']): number {
  if (f.appeal?.status === 'accepted') return 0;
  switch (f.kind) {
    case 'missed_window':
      return costs.missedWindow.cents();
    case 'late_request':
      return costs.lateRequest.cents();
    case 'late_objection':
      return costs.lateObjection.cents();
    case 'low_completeness':
      return costs.incompleteRecord.times(q(f.records - f.completeRecords)).cents();
  }
}

describe('points lost in the edge-case city', () => {
  const city = edgeCaseCity();
  const result = computeScores(city);
  const byDept = Object.fromEntries(result.record.departments.map((d) => [d.dept, d]));

  it('has the corners it is meant to have', () => {
    expect(byDept.NA.completeness).toBeNull();
    expect(byDept.NA.counts.objectionsSettled).toBe(0);
    expect(byDept.NA.counts.apiSuccess + byDept.NA.counts.apiFailure).toBeGreaterThan(0);
    expect(city.scheme.responseWeights.api).toBe(0);
    const exactHalf = expectedFor(byDept.HALF, city.scheme).exactTotal!;
    // 87.525: a total on a half cent, rounded up.
    const thousandths = exactHalf.times(q(1000));
    expect(thousandths.n % thousandths.d).toBe(0n);
    expect(thousandths.n / thousandths.d).toBe(87525n);
    expect(byDept.HALF.total).toBe(87.53);
    expect(byDept.NONE.total).toBeNull();
    const acceptedKinds = Object.values(result.findings)
      .flat()
      .filter((f) => f.appeal?.status === 'accepted')
      .map((f) => f.kind)
      .sort();
    expect(acceptedKinds).toEqual(['late_objection', 'late_request', 'low_completeness', 'missed_window', 'missed_window']);
  });

  it('every department carries the parts computed from its counts and the scheme', () => {
    for (const d of result.record.departments) expect(d.pointsLost, d.dept).toStrictEqual(expectedFor(d, city.scheme).pointsLost);
    expect(byDept.NA.pointsLost).toMatchObject({ completeness: null, objections: null, interfaces: 0 });
    expect(byDept.HALF.pointsLost).toStrictEqual({ total: 12.47, timeliness: null, completeness: 12.48, requests: null, objections: null, interfaces: null });
    expect(byDept.NONE.pointsLost).toBeNull();
  });

  it('every finding costs its formula, an accepted appeal nothing', () => {
    for (const d of result.record.departments) {
      const { costs } = expectedFor(d, city.scheme);
      for (const f of result.findings[d.dept]) expect(f.pointsLost, `${d.dept} ${f.kind}`).toBe(expectedCost(f, costs));
    }
    const accepted = Object.values(result.findings)
      .flat()
      .filter((f) => f.appeal?.status === 'accepted');
    expect(accepted.every((f) => f.pointsLost === 0)).toBe(true);
  });

  it('an accepted low-completeness finding stays listed without taking one of the five places', () => {
    const low = result.findings.APL.filter((f) => f.kind === 'low_completeness');
    expect(low.map((f) => [f.kind === 'low_completeness' && f.resource, f.appeal?.status ?? null])).toEqual([
      ['APL-W', 'accepted'],
      ['APL-X1', null],
      ['APL-X2', null],
      ['APL-X3', null],
      ['APL-X4', null],
      ['APL-X5', null],
    ]);
  });
});

describe('points lost', () => {
  it('a lone dimension: its part and the total round alike', () => {
    const r = resource('R', 'A', 'on_demand');
    const d = computeScores(input({ departments: [dept('A')], resources: [r], updates: [update(r, '2026-10-10T10:00', 3, 1)] })).record.departments[0];
    // Completeness only: 33.333…, so 66.67 lost; the part rounds the same way.
    expect(d.pointsLost).toStrictEqual({ total: 66.67, timeliness: null, completeness: 66.67, requests: null, objections: null, interfaces: null });
  });
});
