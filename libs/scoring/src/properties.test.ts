import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeScores } from './compute-scores';
import { addWorkingDays } from './working-days';
import { parseTimestamp } from './time';
import type { AppealFact, DepartmentScore, Frequency, ObjectionFact, RequestFact, ResourceInfo, ScoringInput, ScoringResult, UpdateFact } from './types';
import { DEFAULT_SCHEME } from './scheme';
import { input, t } from './test-support/builders';
import { prng } from './test-support/synthetic';
import { add, div, fromDecimalNumber, isZero, mul, rational, round2, ZERO, type Rational } from './rational';
import { exactScores, exactWeights } from './ranking';
import { exactPointsLost } from './points-lost';

const DAY = 86_400_000;
const ORIGIN = t('2026-09-01');
const SPAN_DAYS = 153; // to 2027-02-01
const CODES = ['A', 'B', 'C', 'D'];
const FREQS: Frequency[] = ['daily', 'realtime', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_demand'];
const dateOf = (day: number) => new Date(Date.UTC(2026, 8, 1) + day * DAY).toISOString().slice(0, 10);

const instant = fc.integer({ min: 0, max: SPAN_DAYS * DAY - 1 }).map((x) => ORIGIN + x);

const world: fc.Arbitrary<ScoringInput> = fc
  .record({
    nDepts: fc.integer({ min: 1, max: 4 }),
    inactive: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    resources: fc.array(
      fc.record({
        dept: fc.nat(3),
        frequency: fc.constantFrom(...FREQS),
        from: fc.option(fc.integer({ min: 0, max: SPAN_DAYS }), { freq: 4 }),
        to: fc.option(fc.integer({ min: 0, max: SPAN_DAYS }), { freq: 4 }),
      }),
      { maxLength: 6 },
    ),
    updates: fc.array(fc.record({ resource: fc.nat(5), at: instant, records: fc.integer({ min: 0, max: 50 }), missing: fc.integer({ min: 0, max: 50 }) }), {
      maxLength: 60,
    }),
    requests: fc.array(
      fc.record({
        dept: fc.nat(3),
        id: fc.integer({ min: 0, max: 9 }),
        at: instant,
        answer: fc.option(fc.integer({ min: -3 * DAY, max: 30 * DAY }), { freq: 3 }),
        rejected: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
    objections: fc.array(
      fc.record({ dept: fc.nat(3), id: fc.integer({ min: 0, max: 5 }), at: instant, answer: fc.option(fc.integer({ min: -DAY, max: 15 * DAY }), { freq: 3 }) }),
      { maxLength: 6 },
    ),
    api: fc.array(fc.record({ dept: fc.nat(3), classes: fc.tuple(fc.nat(5), fc.nat(20), fc.nat(5), fc.nat(5), fc.nat(20)) }), { maxLength: 5 }),
    appeals: fc.array(
      fc.record({
        kind: fc.constantFrom('missed_window', 'late_request', 'late_objection', 'low_completeness'),
        status: fc.constantFrom('pending', 'accepted', 'rejected'),
        dept: fc.nat(3),
        target: fc.nat(SPAN_DAYS),
        events: fc.uniqueArray(fc.nat(59), { maxLength: 5 }),
      }),
      { maxLength: 5 },
    ),
    period: fc.constantFrom('2026-10', '2026-11', '2026-12', '2026-Q4', '2026'),
    asOf: fc.integer({ min: 30 * DAY, max: 180 * DAY }).map((x) => ORIGIN + x),
    grace: fc.constantFrom(0, 0, 5, 24),
    weights: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)).filter(([a, b, c]) => a + b + c > 0),
    subWeights: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)).filter(([a, b, c]) => a + b + c > 0),
    sla: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 })),
    holidays: fc.uniqueArray(fc.nat(SPAN_DAYS), { maxLength: 8 }),
    workdays: fc.uniqueArray(fc.nat(SPAN_DAYS), { maxLength: 4 }),
    previous: fc.option(fc.array(fc.option(fc.integer({ min: 1, max: 4 })), { minLength: 4, maxLength: 4 })),
  })
  .map((w) => {
    const codes = CODES.slice(0, w.nDepts);
    const deptOf = (i: number) => codes[i % codes.length];
    const resources: ResourceInfo[] = w.resources.map((r, i) => ({
      code: `R${i}`,
      name: `R${i}`,
      dept: deptOf(r.dept),
      frequency: r.frequency,
      activeFrom: r.from === null ? null : dateOf(r.from),
      activeTo: r.to === null ? null : dateOf(r.to),
    }));
    const updates: UpdateFact[] =
      resources.length === 0
        ? []
        : w.updates.map((u, i) => {
            const r = resources[u.resource % resources.length];
            return { id: `u${i}`, dept: r.dept, resource: r.code, at: u.at, records: u.records, completeRecords: Math.max(0, u.records - u.missing) };
          });
    const requests: RequestFact[] = w.requests.map((q, i) => ({
      id: `RQ${q.id}`,
      dept: deptOf(q.dept),
      resource: 'X',
      requester: 'Z',
      submittedAt: q.at,
      submissionEventId: `rs${i}`,
      answeredAt: q.answer === null ? null : q.at + q.answer,
      answerEventId: q.answer === null ? null : `ra${i}`,
      decision: q.answer === null ? null : q.rejected ? 'rejected' : 'approved',
    }));
    const objections: ObjectionFact[] = w.objections.map((o, i) => ({
      id: `OB${o.id}`,
      dept: deptOf(o.dept),
      resource: 'X',
      raisedBy: 'Z',
      raisedAt: o.at,
      raiseEventId: `os${i}`,
      resolvedAt: o.answer === null ? null : o.at + o.answer,
      resolveEventId: o.answer === null ? null : `oa${i}`,
    }));
    const appeals: AppealFact[] = w.appeals.map((a, i) => {
      const dept = deptOf(a.dept);
      const base = { id: i + 1, status: a.status, dept };
      switch (a.kind) {
        case 'missed_window':
          return { ...base, kind: 'missed_window', resource: `R${a.target % 6}`, windowStart: t(dateOf(a.target)) };
        case 'late_request':
          return { ...base, kind: 'late_request', request: `RQ${a.target % 10}` };
        case 'late_objection':
          return { ...base, kind: 'late_objection', objection: `OB${a.target % 6}` };
        default:
          return { ...base, kind: 'low_completeness', resource: `R${a.target % 6}`, eventIds: a.events.map((e) => `u${e}`) };
      }
    });
    return input({
      period: w.period,
      asOf: w.asOf,
      scheme: {
        ...DEFAULT_SCHEME,
        weights: { timeliness: w.weights[0], completeness: w.weights[1], response: w.weights[2] },
        responseWeights: { requests: w.subWeights[0], objections: w.subWeights[1], api: w.subWeights[2] },
        requestSlaWorkdays: w.sla[0],
        objectionSlaWorkdays: w.sla[1],
        updateGraceHours: w.grace,
      },
      calendar: { holidays: w.holidays.map(dateOf), workdays: w.workdays.map(dateOf) },
      departments: codes.map((code, i) => ({ code, name: code, active: !w.inactive[i] || i === 0 })),
      resources,
      updates,
      requests,
      objections,
      api: w.api.map((a) => ({ dept: deptOf(a.dept), byStatusClass: a.classes })),
      appeals,
      previousRanks: w.previous === null ? null : Object.fromEntries(codes.map((c, i) => [c, w.previous![i]])),
    });
  });

const RUNS = { numRuns: 300 };

function scoreOf(r: ScoringResult, dept: string): DepartmentScore {
  return r.record.departments.find((d) => d.dept === dept)!;
}

/** No score of the department that stays defined goes down. */
function notLower(before: DepartmentScore, after: DepartmentScore): void {
  for (const key of ['total', 'timeliness', 'completeness', 'response'] as const) {
    const b = before[key];
    const a = after[key];
    if (b !== null && a !== null) expect(a, key).toBeGreaterThanOrEqual(b);
  }
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('properties of the method', () => {
  it('every score lies in 0..100, and no data means no total, rank or grade', () => {
    fc.assert(
      fc.property(world, (w) => {
        for (const d of computeScores(w).record.departments) {
          for (const v of [d.total, d.timeliness, d.completeness, d.response]) if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
          expect(d.rank === null).toBe(d.total === null);
          expect(d.grade === null).toBe(d.total === null);
        }
      }),
      RUNS,
    );
  });

  it('ranks agree with totals: 1 + the number of strictly better totals, listed in order', () => {
    fc.assert(
      fc.property(world, (w) => {
        const ds = computeScores(w).record.departments;
        const ranked = ds.filter((d) => d.total !== null);
        for (const d of ranked) expect(d.rank).toBe(1 + ranked.filter((o) => o.total! > d.total!).length);
        expect(ds.slice(0, ranked.length)).toEqual(ranked);
        for (let i = 1; i < ranked.length; i++) {
          const [p, d] = [ranked[i - 1], ranked[i]];
          expect(p.rank! < d.rank! || (p.rank === d.rank && p.dept < d.dept)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the order of the input arrays never changes the result', () => {
    fc.assert(
      fc.property(world, fc.integer(), (w, seed) => {
        const rand = prng(seed);
        const shuffled: ScoringInput = {
          ...w,
          departments: shuffle(w.departments, rand),
          resources: shuffle(w.resources, rand),
          updates: shuffle(w.updates, rand),
          requests: shuffle(w.requests, rand),
          objections: shuffle(w.objections, rand),
          api: shuffle(w.api, rand),
          appeals: shuffle(w.appeals, rand).map((a) => (a.kind === 'low_completeness' ? { ...a, eventIds: shuffle(a.eventIds, rand) } : a)),
          calendar: { holidays: shuffle(w.calendar.holidays, rand), workdays: shuffle(w.calendar.workdays, rand) },
        };
        expect(JSON.stringify(computeScores(shuffled))).toBe(JSON.stringify(computeScores(w)));
      }),
      RUNS,
    );
  });

  it('an extra on-time answer never lowers a score of that department', () => {
    fc.assert(
      fc.property(world, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (w, pick, frac, objectionSide) => {
        const list = objectionSide ? w.objections : w.requests;
        const open = list.map((_, i) => i).filter((i) => (objectionSide ? w.objections[i].resolvedAt : w.requests[i].answeredAt) === null);
        fc.pre(open.length > 0);
        const i = open[pick % open.length];
        const submittedAt = objectionSide ? w.objections[i].raisedAt : w.requests[i].submittedAt;
        const sla = objectionSide ? w.scheme.objectionSlaWorkdays : w.scheme.requestSlaWorkdays;
        const { deadline } = addWorkingDays(submittedAt, sla, w.calendar, w.timeZone);
        const latest = Math.min(deadline - 1, w.asOf);
        fc.pre(latest >= submittedAt);
        const answeredAt = submittedAt + Math.floor(frac * (latest - submittedAt));
        // Other facts with the same id may resolve differently; keep to ids that are unique.
        const id = list[i].id;
        fc.pre(list.filter((x) => x.id === id).length === 1);
        // An accepted appeal already counts it on time, at its deadline day; a real answer
        // moves it to the answer's period instead, which is a change of period, not of merit.
        fc.pre(
          !w.appeals.some(
            (a) =>
              a.status === 'accepted' && (objectionSide ? a.kind === 'late_objection' && a.objection === id : a.kind === 'late_request' && a.request === id),
          ),
        );
        const after: ScoringInput = objectionSide
          ? { ...w, objections: w.objections.map((o, k) => (k === i ? { ...o, resolvedAt: answeredAt, resolveEventId: 'new' } : o)) }
          : { ...w, requests: w.requests.map((q, k) => (k === i ? { ...q, answeredAt, answerEventId: 'new', decision: 'approved' } : q)) };
        const dept = list[i].dept;
        const before = computeScores(w);
        fc.pre(before.record.departments.some((d) => d.dept === dept));
        notLower(scoreOf(before, dept), scoreOf(computeScores(after), dept));
      }),
      RUNS,
    );
  });

  it('an extra met window (adding a complete update) never lowers a score of that department', () => {
    fc.assert(
      fc.property(world, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.nat(100), (w, pick, frac, records) => {
        const before = computeScores(w);
        const missed = Object.entries(before.findings).flatMap(([dept, fs]) =>
          fs.flatMap((f) => (f.kind === 'missed_window' && f.appeal?.status !== 'accepted' ? [{ dept, f }] : [])),
        );
        fc.pre(missed.length > 0);
        const { dept, f } = missed[pick % missed.length];
        const start = parseTimestamp(f.windowStart)!;
        const end = parseTimestamp(f.windowEnd)!;
        const at = start + Math.floor(frac * (end - start));
        const after: ScoringInput = { ...w, updates: [...w.updates, { id: 'extra', dept, resource: f.resource, at, records, completeRecords: records }] };
        const result = computeScores(after);
        expect(scoreOf(result, dept).counts.windowsMet).toBeGreaterThan(scoreOf(before, dept).counts.windowsMet);
        notLower(scoreOf(before, dept), scoreOf(result, dept));
      }),
      RUNS,
    );
  });

  it('an accepted appeal of a missed window, late request or late objection never lowers a score of that department', () => {
    fc.assert(
      fc.property(world, fc.nat(), (w, pick) => {
        const before = computeScores(w);
        const appealable = Object.entries(before.findings).flatMap(([dept, fs]) =>
          fs.flatMap((f) => (f.kind !== 'low_completeness' && f.appeal?.status !== 'accepted' ? [{ dept, f }] : [])),
        );
        fc.pre(appealable.length > 0);
        const { dept, f } = appealable[pick % appealable.length];
        const base = { id: 1000, status: 'accepted' as const, dept };
        const appeal: AppealFact =
          f.kind === 'missed_window'
            ? { ...base, kind: 'missed_window', resource: f.resource, windowStart: parseTimestamp(f.windowStart)! }
            : f.kind === 'late_request'
              ? { ...base, kind: 'late_request', request: f.request }
              : { ...base, kind: 'late_objection', objection: (f as { objection: string }).objection };
        const after = computeScores({ ...w, appeals: [...w.appeals, appeal] });
        notLower(scoreOf(before, dept), scoreOf(after, dept));
        expect(scoreOf(after, dept).counts.requestsOverdueOpen).toBeLessThanOrEqual(scoreOf(before, dept).counts.requestsOverdueOpen);
        // The finding stays listed, now marked accepted.
        expect(after.findings[dept].length).toBe(before.findings[dept].length);
      }),
      RUNS,
    );
  });

  it('an accepted low-completeness appeal changes completeness only, to the value without the named events', () => {
    fc.assert(
      fc.property(world, fc.nat(), (w, pick) => {
        const before = computeScores(w);
        const low = Object.entries(before.findings).flatMap(([dept, fs]) => fs.flatMap((f) => (f.kind === 'low_completeness' ? [{ dept, f }] : [])));
        fc.pre(low.length > 0);
        const { dept, f } = low[pick % low.length];
        const appeal: AppealFact = { id: 1000, status: 'accepted', kind: 'low_completeness', dept, resource: f.resource, eventIds: f.eventIds };
        const after = scoreOf(computeScores({ ...w, appeals: [...w.appeals, appeal] }), dept);
        const b = scoreOf(before, dept);
        expect([after.timeliness, after.response]).toEqual([b.timeliness, b.response]);
        const named = new Set(f.eventIds);
        const without = computeScores({ ...w, updates: w.updates.filter((u) => !(u.dept === dept && named.has(u.id))) });
        const w2 = scoreOf(without, dept);
        expect([after.counts.records, after.counts.completeRecords, after.completeness]).toEqual([
          w2.counts.records,
          w2.counts.completeRecords,
          w2.completeness,
        ]);
      }),
      RUNS,
    );
  });
});

describe('properties of points lost', () => {
  const HUNDRED = rational(100n);
  const minus = (a: Rational, b: Rational): Rational => add(a, mul(b, rational(-1n)));

  it('the exact parts add up to 100 − the exact total, and the record carries them rounded once', () => {
    fc.assert(
      fc.property(world, (w) => {
        const weights = exactWeights(w.scheme);
        for (const d of computeScores(w).record.departments) {
          const exact = exactScores(d.counts, weights);
          const parts = exactPointsLost(exact, weights);
          if (exact.total === null) {
            expect(parts).toBeNull();
            expect(d.pointsLost).toBeNull();
            continue;
          }
          const values = [parts!.timeliness, parts!.completeness, parts!.requests, parts!.objections, parts!.interfaces];
          const sum = values.reduce<Rational>((s, v) => (v === null ? s : add(s, v)), ZERO);
          expect(minus(sum, minus(HUNDRED, exact.total))).toEqual(ZERO);
          const pl = d.pointsLost!;
          expect([pl.timeliness, pl.completeness, pl.requests, pl.objections, pl.interfaces]).toEqual(values.map((v) => (v === null ? null : round2(v))));
          expect(pl.timeliness === null).toBe(d.timeliness === null);
          expect(pl.completeness === null).toBe(d.completeness === null);
          expect(pl.requests === null).toBe(d.response === null || d.counts.requestsSettled === 0);
          expect(pl.objections === null).toBe(d.response === null || d.counts.objectionsSettled === 0);
          expect(pl.interfaces === null).toBe(d.response === null || d.counts.apiSuccess + d.counts.apiFailure === 0);
        }
      }),
      RUNS,
    );
  });

  it('the rounded parts lie within 0.005 × (non-null parts + 1) of pointsLost.total = 100 − total', () => {
    fc.assert(
      fc.property(world, (w) => {
        for (const d of computeScores(w).record.departments) {
          if (d.total === null) continue;
          const pl = d.pointsLost!;
          expect(Math.round(pl.total * 100)).toBe(10000 - Math.round(d.total * 100));
          const present = [pl.timeliness, pl.completeness, pl.requests, pl.objections, pl.interfaces].filter((v): v is number => v !== null);
          // In hundredths, so no binary rounding enters the comparison.
          const gap = Math.abs(present.reduce((s, v) => s + Math.round(v * 100), 0) - Math.round(pl.total * 100));
          expect(gap * 2).toBeLessThanOrEqual(present.length + 1);
        }
      }),
      RUNS,
    );
  });

  it('each finding costs its formula (0 once its appeal is accepted)', () => {
    fc.assert(
      fc.property(world, (w) => {
        const result = computeScores(w);
        const W = w.scheme.weights;
        const V = w.scheme.responseWeights;
        for (const d of result.record.departments) {
          const k = d.counts;
          const share = (pairs: [number, boolean][], i: number): Rational | null => {
            const sum = pairs.reduce((s, [wt, ok]) => (ok ? add(s, fromDecimalNumber(wt)) : s), ZERO);
            return pairs[i][1] && !isZero(sum) ? div(fromDecimalNumber(pairs[i][0]), sum) : null;
          };
          const hasR = d.response !== null;
          const dims: [number, boolean][] = [
            [W.timeliness, d.timeliness !== null],
            [W.completeness, d.completeness !== null],
            [W.response, hasR],
          ];
          const subs: [number, boolean][] = [
            [V.requests, k.requestsSettled > 0],
            [V.objections, k.objectionsSettled > 0],
            [V.api, k.apiSuccess + k.apiFailure > 0],
          ];
          const sT = share(dims, 0);
          const sC = share(dims, 1);
          const sR = share(dims, 2);
          const inR = (i: number): Rational | null => (sR === null || share(subs, i) === null ? null : mul(sR, share(subs, i)!));
          const cost = (s: Rational | null, times: number, den: number): number =>
            s === null ? 0 : round2(div(mul(mul(s, HUNDRED), rational(BigInt(times))), rational(BigInt(den))));
          for (const f of result.findings[d.dept]) {
            let want: number;
            if (f.appeal?.status === 'accepted') want = 0;
            else if (f.kind === 'missed_window') want = cost(sT, 1, k.windowsDue);
            else if (f.kind === 'late_request') want = cost(inR(0), 1, k.requestsSettled);
            else if (f.kind === 'late_objection') want = cost(inR(1), 1, k.objectionsSettled);
            else want = cost(sC, f.records - f.completeRecords, k.records);
            expect(f.pointsLost, f.kind).toBe(want);
          }
        }
      }),
      RUNS,
    );
  });
});
