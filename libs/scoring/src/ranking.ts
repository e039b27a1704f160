// Total, rank, grade and the commendation and notice lists, on exact values rounded once.
import type { DepartmentExtras, DepartmentScore, Grade, NoticeEntry, Scheme, ScoreCounts } from './types';
import { add, div, fromDecimalNumber, isZero, mul, percent, rational, roundToHundredths, ZERO, type Rational } from './rational';
import { byCode, hasOwn, hundredthsToNumber, type DeptState } from './engine-state';
import { exactPointsLost, roundedPointsLost, type ExactPointsLost } from './points-lost';

export interface ExactWeights {
  t: Rational;
  c: Rational;
  r: Rational;
  requests: Rational;
  objections: Rational;
  api: Rational;
}

export function exactWeights(scheme: Scheme): ExactWeights {
  return {
    t: fromDecimalNumber(scheme.weights.timeliness),
    c: fromDecimalNumber(scheme.weights.completeness),
    r: fromDecimalNumber(scheme.weights.response),
    requests: fromDecimalNumber(scheme.responseWeights.requests),
    objections: fromDecimalNumber(scheme.responseWeights.objections),
    api: fromDecimalNumber(scheme.responseWeights.api),
  };
}

/** Dimensions, sub-indicators and the total of one department, exact; null where N/A. */
export interface ExactScores {
  timeliness: Rational | null;
  completeness: Rational | null;
  requests: Rational | null;
  objections: Rational | null;
  interfaces: Rational | null;
  response: Rational | null;
  total: Rational | null;
}

export function weightedMean(parts: ReadonlyArray<readonly [Rational, Rational | null]>): Rational | null {
  let num = ZERO;
  let den = ZERO;
  for (const [w, v] of parts) {
    if (v === null || isZero(w)) continue;
    num = add(num, mul(w, v));
    den = add(den, w);
  }
  return isZero(den) ? null : div(num, den);
}

export function exactScores(k: ScoreCounts, w: ExactWeights): ExactScores {
  const timeliness = k.windowsDue > 0 ? percent(k.windowsMet, k.windowsDue) : null;
  const completeness = k.records > 0 ? percent(k.completeRecords, k.records) : null;
  const requests = k.requestsSettled > 0 ? percent(k.requestsOnTime, k.requestsSettled) : null;
  const objections = k.objectionsSettled > 0 ? percent(k.objectionsOnTime, k.objectionsSettled) : null;
  const interfaces = k.apiSuccess + k.apiFailure > 0 ? percent(k.apiSuccess, k.apiSuccess + k.apiFailure) : null;
  const response = weightedMean([
    [w.requests, requests],
    [w.objections, objections],
    [w.api, interfaces],
  ]);
  const total = weightedMean([
    [w.t, timeliness],
    [w.c, completeness],
    [w.r, response],
  ]);
  return { timeliness, completeness, requests, objections, interfaces, response, total };
}

interface GradeCut {
  grade: Grade;
  /** The threshold in hundredths, rounded up: a rounded total reaches it iff total * 100 >= this. */
  minHundredths: bigint;
}

function gradeCuts(thresholds: Scheme['gradeThresholds']): GradeCut[] {
  return (['A', 'B', 'C'] as const).map((grade) => {
    const t = mul(fromDecimalNumber(thresholds[grade]), rational(100n));
    // Ceiling of t for t >= 0.
    const ceil = (t.n + t.d - 1n) / t.d;
    return { grade, minHundredths: ceil };
  });
}

function gradeFromHundredths(h: bigint, cuts: readonly GradeCut[]): Grade {
  for (const c of cuts) if (h >= c.minHundredths) return c.grade;
  return 'D';
}

/** The grade of a rounded total under the scheme's thresholds; null for no data. */
export function gradeOf(total: number | null, thresholds: Scheme['gradeThresholds']): Grade | null {
  if (total === null) return null;
  return gradeFromHundredths(roundToHundredths(fromDecimalNumber(total)), gradeCuts(thresholds));
}

export function roundedNumber(x: Rational | null): number | null {
  return x === null ? null : hundredthsToNumber(roundToHundredths(x));
}

export interface Scored {
  st: DeptState;
  exact: ExactScores;
  pointsLost: ExactPointsLost | null;
  score: DepartmentScore;
  totalHundredths: bigint | null;
}

export function scoreDepartment(st: DeptState, w: ExactWeights): Scored {
  const exact = exactScores(st.counts, w);
  const totalHundredths = exact.total === null ? null : roundToHundredths(exact.total);
  const pointsLost = exactPointsLost(exact, w);
  return {
    st,
    exact,
    pointsLost,
    totalHundredths,
    score: {
      dept: st.info.code,
      name: st.info.name,
      total: totalHundredths === null ? null : hundredthsToNumber(totalHundredths),
      timeliness: roundedNumber(exact.timeliness),
      completeness: roundedNumber(exact.completeness),
      response: roundedNumber(exact.response),
      rank: null,
      rankChange: null,
      grade: null,
      counts: st.counts,
      pointsLost: roundedPointsLost(pointsLost, totalHundredths),
    },
  };
}

/** Ranks (1, 2, 2, 4), grades and rank changes; ranked departments by (rank, code), then the unranked by code. */
export function rankDepartments(scored: Scored[], scheme: Scheme, previousRanks: Readonly<Record<string, number | null>> | null): Scored[] {
  const ranked = scored
    .filter((s) => s.totalHundredths !== null)
    .sort((a, b) => {
      const d = b.totalHundredths! - a.totalHundredths!;
      return d > 0n ? 1 : d < 0n ? -1 : byCode(a.score.dept, b.score.dept);
    });
  const cuts = gradeCuts(scheme.gradeThresholds);
  ranked.forEach((s, i) => {
    const prev = ranked[i - 1];
    s.score.rank = prev && prev.totalHundredths === s.totalHundredths ? prev.score.rank : i + 1;
    s.score.grade = gradeFromHundredths(s.totalHundredths!, cuts);
    const before = previousRanks && hasOwn(previousRanks, s.score.dept) ? previousRanks[s.score.dept] : null;
    s.score.rankChange = typeof before === 'number' ? before - s.score.rank! : null;
  });
  const unranked = scored.filter((s) => s.totalHundredths === null).sort((a, b) => byCode(a.score.dept, b.score.dept));
  return [...ranked, ...unranked];
}

export function commendationAndNotice(ordered: readonly Scored[], scheme: Scheme): { commended: string[]; noticed: NoticeEntry[] } {
  const noticed: NoticeEntry[] = [];
  const commended: string[] = [];
  for (const { score } of ordered) {
    const overdue = score.counts.requestsOverdueOpen;
    if (score.grade === 'D' || overdue > 0) noticed.push({ dept: score.dept, grade: score.grade, overdueOpenRequests: overdue });
    else if (score.grade === 'A' && score.rank! <= scheme.commendTopN) commended.push(score.dept);
  }
  return { commended, noticed };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function extrasOf(st: DeptState): DepartmentExtras {
  return {
    rejectionRate: st.answeredInPeriod > 0 ? hundredthsToNumber(roundToHundredths(percent(st.rejectedInPeriod, st.answeredInPeriod))) : null,
    medianAnswerWorkdays: median(st.answerWorkdays),
    latencyP95Ms: st.latencyP95Ms,
    requestsPending: st.counts.requestsPending,
  };
}
