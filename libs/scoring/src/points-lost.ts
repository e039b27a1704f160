// Points lost (扣分), scoring.md: 100 − total split exactly into the points
// each dimension, sub-indicator and finding cost, on the exact values.
import type { PointsLost, ScoreCounts } from './types';
import { add, div, isZero, mul, rational, roundToHundredths, ZERO, type Rational } from './rational';
import { hundredthsToNumber } from './engine-state';
import type { ExactScores, ExactWeights } from './ranking';

const HUNDRED = rational(100n);

export interface ExactPointsLost {
  timeliness: Rational | null;
  completeness: Rational | null;
  requests: Rational | null;
  objections: Rational | null;
  interfaces: Rational | null;
}

/** What one finding of each kind costs, exact; null where its dimension or sub-indicator is N/A. */
export interface FindingCosts {
  missedWindow: Rational | null;
  lateRequest: Rational | null;
  lateObjection: Rational | null;
  /** Per incomplete record of a low-completeness finding. */
  incompleteRecord: Rational | null;
}

/** Shares s_d of the applicable dimensions and u_k of the applicable sub-indicators; null where N/A. */
interface Shares {
  t: Rational | null;
  c: Rational | null;
  r: Rational | null;
  requests: Rational | null;
  objections: Rational | null;
  api: Rational | null;
}

function normalised<K extends string>(parts: ReadonlyArray<readonly [K, Rational, Rational | null]>): Record<K, Rational | null> {
  const sum = parts.reduce((s, [, w, v]) => (v === null ? s : add(s, w)), ZERO);
  const out = {} as Record<K, Rational | null>;
  for (const [k, w, v] of parts) out[k] = v === null || isZero(sum) ? null : div(w, sum);
  return out;
}

function sharesOf(exact: ExactScores, w: ExactWeights): Shares | null {
  if (exact.total === null) return null;
  const dims = normalised([
    ['t', w.t, exact.timeliness],
    ['c', w.c, exact.completeness],
    ['r', w.r, exact.response],
  ] as const);
  const subs = normalised([
    ['requests', w.requests, exact.requests],
    ['objections', w.objections, exact.objections],
    ['api', w.api, exact.interfaces],
  ] as const);
  const inR = (u: Rational | null): Rational | null => (dims.r === null || u === null ? null : mul(dims.r, u));
  return { ...dims, requests: inR(subs.requests), objections: inR(subs.objections), api: inR(subs.api) };
}

const lost = (share: Rational | null, score: Rational | null): Rational | null =>
  share === null || score === null ? null : mul(share, add(HUNDRED, mul(score, rational(-1n))));

/** The exact parts of 100 − total; null for a department with no total. */
export function exactPointsLost(exact: ExactScores, w: ExactWeights): ExactPointsLost | null {
  const s = sharesOf(exact, w);
  if (!s) return null;
  return {
    timeliness: lost(s.t, exact.timeliness),
    completeness: lost(s.c, exact.completeness),
    requests: lost(s.requests, exact.requests),
    objections: lost(s.objections, exact.objections),
    interfaces: lost(s.api, exact.interfaces),
  };
}

/** The table's "each finding costs" column; every cost null for a department with no total. */
export function findingCosts(counts: ScoreCounts, exact: ExactScores, w: ExactWeights): FindingCosts {
  const s = sharesOf(exact, w);
  const per = (share: Rational | null | undefined, denominator: number): Rational | null =>
    share == null || denominator <= 0 ? null : div(mul(share, HUNDRED), rational(BigInt(denominator)));
  return {
    missedWindow: per(s?.t, counts.windowsDue),
    lateRequest: per(s?.requests, counts.requestsSettled),
    lateObjection: per(s?.objections, counts.objectionsSettled),
    incompleteRecord: per(s?.c, counts.records),
  };
}

export function roundedCost(x: Rational | null): number {
  return x === null ? 0 : hundredthsToNumber(roundToHundredths(x));
}

/** The record's pointsLost: each part rounded once, the total 100 − the rounded total in hundredths. */
export function roundedPointsLost(parts: ExactPointsLost | null, totalHundredths: bigint | null): PointsLost | null {
  if (parts === null || totalHundredths === null) return null;
  const r = (x: Rational | null): number | null => (x === null ? null : hundredthsToNumber(roundToHundredths(x)));
  return {
    total: hundredthsToNumber(10000n - totalHundredths),
    timeliness: r(parts.timeliness),
    completeness: r(parts.completeness),
    requests: r(parts.requests),
    objections: r(parts.objections),
    interfaces: r(parts.interfaces),
  };
}
