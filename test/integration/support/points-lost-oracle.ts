/**
 * scoring.md "Points lost (扣分)" worked out again from a record's counts and
 * the scheme, with exact fractions of BigInts, independently of libs/scoring,
 * so the integration tests can check the engine's figures on every department.
 */

interface Fraction {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
};
const frac = (n: bigint, d: bigint = 1n): Fraction => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};
const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
const HUNDRED = frac(100n);
const ZERO = frac(0n);

/** A decimal number as written in JSON (0.4, 96.3) as an exact fraction. */
export function decimal(x: number): Fraction {
  const [whole, part = ''] = String(x).split('.');
  if (/e/i.test(String(x))) throw new Error(`not a plain decimal: ${x}`);
  return frac(BigInt(whole + part), 10n ** BigInt(part.length));
}

/** Rounded once to two decimals, half away from zero. */
export function round2(x: Fraction): number {
  const negative = x.n < 0n;
  const n = negative ? -x.n : x.n;
  const cents = (n * 200n + x.d) / (2n * x.d);
  return ((negative ? -1 : 1) * Number(cents)) / 100;
}

export interface Counts {
  windowsDue: number;
  windowsMet: number;
  records: number;
  completeRecords: number;
  requestsSettled: number;
  requestsOnTime: number;
  objectionsSettled: number;
  objectionsOnTime: number;
  apiSuccess: number;
  apiFailure: number;
}

export interface SchemeWeights {
  weights: { timeliness: number; completeness: number; response: number };
  responseWeights: { requests: number; objections: number; api: number };
}

export type Part = 'timeliness' | 'completeness' | 'requests' | 'objections' | 'interfaces';
export const PARTS: readonly Part[] = ['timeliness', 'completeness', 'requests', 'objections', 'interfaces'];

export interface ExactPointsLost {
  parts: Record<Part, Fraction | null>;
  /** What one missed window, late request, late objection, or one incomplete record costs. */
  perMissedWindow: Fraction | null;
  perLateRequest: Fraction | null;
  perLateObjection: Fraction | null;
  perIncompleteRecord: Fraction | null;
  exactTotalLost: Fraction;
}

const ratio = (num: number, den: number): Fraction => frac(BigInt(num), BigInt(den));

/** Null when the department has no applicable dimension (no data). */
export function exactPointsLost(c: Counts, scheme: SchemeWeights): ExactPointsLost | null {
  const T = c.windowsDue > 0 ? mul(HUNDRED, ratio(c.windowsMet, c.windowsDue)) : null;
  const C = c.records > 0 ? mul(HUNDRED, ratio(c.completeRecords, c.records)) : null;
  const subs = {
    requests: c.requestsSettled > 0 ? mul(HUNDRED, ratio(c.requestsOnTime, c.requestsSettled)) : null,
    objections: c.objectionsSettled > 0 ? mul(HUNDRED, ratio(c.objectionsOnTime, c.objectionsSettled)) : null,
    interfaces: c.apiSuccess + c.apiFailure > 0 ? mul(HUNDRED, ratio(c.apiSuccess, c.apiSuccess + c.apiFailure)) : null,
  };
  const subWeight = {
    requests: decimal(scheme.responseWeights.requests),
    objections: decimal(scheme.responseWeights.objections),
    interfaces: decimal(scheme.responseWeights.api),
  };
  const subKeys = (['requests', 'objections', 'interfaces'] as const).filter((k) => subs[k] !== null);
  const subSum = subKeys.reduce((s, k) => add(s, subWeight[k]), ZERO);
  const R = subKeys.length && subSum.n !== 0n ? subKeys.reduce((s, k) => add(s, mul(div(subWeight[k], subSum), subs[k]!)), ZERO) : null;

  const dims = { timeliness: T, completeness: C, response: R };
  const W = { timeliness: decimal(scheme.weights.timeliness), completeness: decimal(scheme.weights.completeness), response: decimal(scheme.weights.response) };
  const applicable = (['timeliness', 'completeness', 'response'] as const).filter((k) => dims[k] !== null);
  const wSum = applicable.reduce((s, k) => add(s, W[k]), ZERO);
  if (!applicable.length || wSum.n === 0n) return null;
  const share = (k: 'timeliness' | 'completeness' | 'response') => div(W[k], wSum);
  const u = (k: 'requests' | 'objections' | 'interfaces') => div(subWeight[k], subSum);

  const parts: Record<Part, Fraction | null> = {
    timeliness: T ? mul(share('timeliness'), sub(HUNDRED, T)) : null,
    completeness: C ? mul(share('completeness'), sub(HUNDRED, C)) : null,
    requests: R && subs.requests ? mul(mul(share('response'), u('requests')), sub(HUNDRED, subs.requests)) : null,
    objections: R && subs.objections ? mul(mul(share('response'), u('objections')), sub(HUNDRED, subs.objections)) : null,
    interfaces: R && subs.interfaces ? mul(mul(share('response'), u('interfaces')), sub(HUNDRED, subs.interfaces)) : null,
  };
  const total = applicable.reduce((s, k) => add(s, mul(share(k), dims[k]!)), ZERO);
  return {
    parts,
    perMissedWindow: T ? div(mul(share('timeliness'), HUNDRED), frac(BigInt(c.windowsDue))) : null,
    perLateRequest: R && subs.requests ? div(mul(mul(share('response'), u('requests')), HUNDRED), frac(BigInt(c.requestsSettled))) : null,
    perLateObjection: R && subs.objections ? div(mul(mul(share('response'), u('objections')), HUNDRED), frac(BigInt(c.objectionsSettled))) : null,
    perIncompleteRecord: C ? div(mul(share('completeness'), HUNDRED), frac(BigInt(c.records))) : null,
    exactTotalLost: sub(HUNDRED, total),
  };
}

export interface RecordDepartment {
  dept: string;
  total: number | null;
  counts: Counts;
  pointsLost?: ({ total: number } & Record<Part, number | null>) | null;
}

export interface FindingWithCost {
  kind: 'missed_window' | 'late_request' | 'late_objection' | 'low_completeness';
  records?: number;
  completeRecords?: number;
  appeal: { status: string } | null;
  pointsLost?: number;
}

/** Every way the department's figures differ from the method; empty when they agree. */
export function pointsLostProblems(d: RecordDepartment, findings: readonly FindingWithCost[], scheme: SchemeWeights): string[] {
  const problems: string[] = [];
  const exact = exactPointsLost(d.counts, scheme);
  if (d.total === null || exact === null) {
    if (d.pointsLost !== null) problems.push(`${d.dept}: no total, so pointsLost must be null, got ${JSON.stringify(d.pointsLost)}`);
    return problems;
  }
  const pl = d.pointsLost;
  if (!pl) return [`${d.dept}: pointsLost missing`];
  const expectedTotal = (10000 - Math.round(d.total * 100)) / 100;
  if (pl.total !== expectedTotal) problems.push(`${d.dept}: pointsLost.total ${pl.total}, expected 100 - ${d.total} = ${expectedTotal}`);
  // The exact parts explain the exact total, and the engine's rounded total is that exact total rounded once.
  const exactSum = PARTS.reduce((s, k) => (exact.parts[k] ? add(s, exact.parts[k]) : s), ZERO);
  if (sub(exactSum, exact.exactTotalLost).n !== 0n) problems.push(`${d.dept}: the oracle's parts do not add up (a bug in the test)`);
  if (round2(sub(HUNDRED, exact.exactTotalLost)) !== d.total)
    problems.push(`${d.dept}: total ${d.total}, the counts give ${round2(sub(HUNDRED, exact.exactTotalLost))}`);
  let nonNull = 0;
  let roundedSum = 0;
  for (const k of PARTS) {
    const want = exact.parts[k] === null ? null : round2(exact.parts[k]);
    if (pl[k] !== want) problems.push(`${d.dept}: pointsLost.${k} ${pl[k]}, expected ${want}`);
    if (pl[k] !== null) {
      nonNull++;
      roundedSum += pl[k];
    }
  }
  if (Math.abs(roundedSum - pl.total) >= 0.005 * (nonNull + 1) + 1e-9)
    problems.push(`${d.dept}: rounded parts add up to ${roundedSum}, too far from ${pl.total}`);

  for (const f of findings) {
    const accepted = f.appeal?.status === 'accepted';
    let want: number;
    if (accepted) want = 0;
    else if (f.kind === 'missed_window') want = round2(exact.perMissedWindow!);
    else if (f.kind === 'late_request') want = round2(exact.perLateRequest!);
    else if (f.kind === 'late_objection') want = round2(exact.perLateObjection!);
    else want = round2(mul(exact.perIncompleteRecord!, frac(BigInt(f.records! - f.completeRecords!))));
    if (f.pointsLost !== want) problems.push(`${d.dept}: ${f.kind} finding costs ${f.pointsLost}, expected ${want}`);
  }
  return problems;
}
