import type { Grade, Scheme } from './types';

export const DEFAULT_WARN_WORKDAYS = 2;
export const DEFAULT_RECTIFICATION_WORKDAYS = 10;

export const DEFAULT_SCHEME: Readonly<Scheme> = Object.freeze({
  version: 1,
  weights: Object.freeze({ timeliness: 0.4, completeness: 0.3, response: 0.3 }),
  responseWeights: Object.freeze({ requests: 0.5, objections: 0.2, api: 0.3 }),
  requestSlaWorkdays: 10,
  objectionSlaWorkdays: 5,
  updateGraceHours: 0,
  gradeThresholds: Object.freeze({ A: 90, B: 80, C: 60 }),
  commendTopN: 3,
  warnWorkdays: DEFAULT_WARN_WORKDAYS,
  rectificationWorkdays: DEFAULT_RECTIFICATION_WORKDAYS,
});

/** Scheme parameters that never change a score: a change to only these leaves every snapshot fresh. */
export const SCORE_NEUTRAL_SCHEME_PARAMS = ['warnWorkdays', 'rectificationWorkdays'] as const satisfies readonly (keyof Scheme)[];

function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (typeof x === 'object' && x !== null)
    return `{${Object.keys(x)
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x ?? null);
}

/**
 * Whether going from one scheme to another can change a score: false when
 * they differ only in the score-neutral parameters (and the version label).
 * An unset assessmentStart and a null one are the same.
 */
export function schemeChangeAffectsScores(before: Partial<Scheme>, after: Partial<Scheme>): boolean {
  const scoring = (s: Partial<Scheme>): string => {
    const rest: Record<string, unknown> = { ...s, assessmentStart: s.assessmentStart ?? null };
    delete rest.version;
    for (const k of SCORE_NEUTRAL_SCHEME_PARAMS) delete rest[k];
    return canonical(rest);
  };
  return scoring(before) !== scoring(after);
}

export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

export const GRADE_LABELS: Readonly<Record<'zh' | 'en', Readonly<Record<Grade, string>>>> = {
  zh: { A: '优秀', B: '良好', C: '合格', D: '不合格' },
  en: { A: 'Excellent', B: 'Good', C: 'Pass', D: 'Fail' },
};

/** Longest SLA and grace accepted: beyond these a value is a typing error, not a policy. */
export const MAX_SLA_WORKDAYS = 250;
export const MAX_GRACE_HOURS = 24 * 31;

export interface SchemeIssue {
  /** Dotted path of the offending field, e.g. 'weights.response'. */
  field: string;
  message: string;
}

const MS_PER_HOUR = 3_600_000;

/** A month written 'YYYY-MM', as assessmentStart takes it. */
export const ASSESSMENT_START_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The update grace in milliseconds. */
export function graceMs(scheme: Pick<Scheme, 'updateGraceHours'>): number {
  return Math.round(scheme.updateGraceHours * MS_PER_HOUR);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Checks a scheme (possibly straight from a JSON body) and returns every
 * problem in words an admin can act on; an empty list means it is usable.
 */
export function validateScheme(scheme: unknown): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const issue = (field: string, message: string): void => {
    issues.push({ field, message });
  };
  if (!isRecord(scheme)) return [{ field: '', message: 'the scheme must be an object' }];

  if (!Number.isInteger(scheme.version) || (scheme.version as number) < 1) issue('version', 'version must be a whole number, 1 or more');

  const weightGroup = (field: 'weights' | 'responseWeights', keys: readonly string[], label: string): void => {
    const group = scheme[field];
    if (!isRecord(group)) {
      issue(field, `${field} must be an object with ${keys.join(', ')}`);
      return;
    }
    let allValid = true;
    let sum = 0;
    for (const key of keys) {
      const w = group[key];
      if (!isFiniteNumber(w) || w < 0) {
        issue(`${field}.${key}`, `${field}.${key} must be a number of 0 or more (got ${JSON.stringify(w)})`);
        allValid = false;
      } else sum += w;
    }
    if (allValid && sum === 0) issue(field, `the ${label} weights are all zero: at least one must be positive`);
  };
  weightGroup('weights', ['timeliness', 'completeness', 'response'], 'dimension');
  weightGroup('responseWeights', ['requests', 'objections', 'api'], 'response sub-indicator');

  for (const key of ['requestSlaWorkdays', 'objectionSlaWorkdays'] as const) {
    const v = scheme[key];
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > MAX_SLA_WORKDAYS)
      issue(key, `${key} must be a whole number of working days from 1 to ${MAX_SLA_WORKDAYS} (got ${JSON.stringify(v)})`);
  }

  const grace = scheme.updateGraceHours;
  if (!isFiniteNumber(grace) || grace < 0 || grace > MAX_GRACE_HOURS)
    issue('updateGraceHours', `updateGraceHours must be a number of hours from 0 to ${MAX_GRACE_HOURS} (got ${JSON.stringify(grace)})`);

  const thresholds = scheme.gradeThresholds;
  if (!isRecord(thresholds)) issue('gradeThresholds', 'gradeThresholds must be an object with A, B and C');
  else {
    let ok = true;
    for (const g of ['A', 'B', 'C'] as const) {
      const v = thresholds[g];
      if (!isFiniteNumber(v) || v < 0 || v > 100) {
        issue(`gradeThresholds.${g}`, `the grade ${g} threshold must be a number from 0 to 100 (got ${JSON.stringify(v)})`);
        ok = false;
      }
    }
    if (ok) {
      const { A, B, C } = thresholds as { A: number; B: number; C: number };
      if (!(A > B)) issue('gradeThresholds.B', `the grade thresholds must descend: B (${B}) must be below A (${A})`);
      if (!(B > C)) issue('gradeThresholds.C', `the grade thresholds must descend: C (${C}) must be below B (${B})`);
    }
  }

  const n = scheme.commendTopN;
  if (!Number.isInteger(n) || (n as number) < 0) issue('commendTopN', `commendTopN must be a whole number, 0 or more (got ${JSON.stringify(n)})`);

  const warn = scheme.warnWorkdays;
  if (warn !== undefined && (!Number.isInteger(warn) || (warn as number) < 0 || (warn as number) > MAX_SLA_WORKDAYS))
    issue('warnWorkdays', `warnWorkdays must be a whole number of working days from 0 to ${MAX_SLA_WORKDAYS} (got ${JSON.stringify(warn)})`);
  const rect = scheme.rectificationWorkdays;
  if (rect !== undefined && (!Number.isInteger(rect) || (rect as number) < 1 || (rect as number) > MAX_SLA_WORKDAYS))
    issue('rectificationWorkdays', `rectificationWorkdays must be a whole number of working days from 1 to ${MAX_SLA_WORKDAYS} (got ${JSON.stringify(rect)})`);

  const start = scheme.assessmentStart;
  if (start !== undefined && start !== null && (typeof start !== 'string' || !ASSESSMENT_START_MONTH.test(start)))
    issue('assessmentStart', `assessmentStart must be a month written YYYY-MM, or left unset (got ${JSON.stringify(start)})`);

  return issues;
}

/** Throws one readable error listing every problem of an unusable scheme. */
export function assertValidScheme(scheme: unknown): asserts scheme is Scheme {
  const issues = validateScheme(scheme);
  if (issues.length > 0) throw new Error(`invalid scheme: ${issues.map((i) => i.message).join('; ')}`);
}
