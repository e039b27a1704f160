import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, schemeChangeAffectsScores, SCORE_NEUTRAL_SCHEME_PARAMS, validateScheme } from './scheme';
import { gradeOf } from './compute-scores';

const fields = (x: unknown) => validateScheme(x).map((i) => i.field);

describe('scheme', () => {
  it('has the spec defaults', () => {
    expect(DEFAULT_SCHEME).toEqual({
      version: 1,
      weights: { timeliness: 0.4, completeness: 0.3, response: 0.3 },
      responseWeights: { requests: 0.5, objections: 0.2, api: 0.3 },
      requestSlaWorkdays: 10,
      objectionSlaWorkdays: 5,
      updateGraceHours: 0,
      gradeThresholds: { A: 90, B: 80, C: 60 },
      commendTopN: 3,
      warnWorkdays: 2,
      rectificationWorkdays: 10,
    });
    expect(validateScheme(DEFAULT_SCHEME)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_SCHEME.weights)).toBe(true);
  });

  it('reports every problem with the field and readable words', () => {
    const bad = {
      version: 0,
      weights: { timeliness: -1, completeness: 0.3, response: 'x' },
      responseWeights: { requests: 0, objections: 0, api: 0 },
      requestSlaWorkdays: 2.5,
      objectionSlaWorkdays: 0,
      updateGraceHours: -1,
      gradeThresholds: { A: 80, B: 80, C: 90 },
      commendTopN: -1,
    };
    const issues = validateScheme(bad);
    expect(issues.map((i) => i.field)).toEqual([
      'version',
      'weights.timeliness',
      'weights.response',
      'responseWeights',
      'requestSlaWorkdays',
      'objectionSlaWorkdays',
      'updateGraceHours',
      'gradeThresholds.B',
      'gradeThresholds.C',
      'commendTopN',
    ]);
    expect(issues.find((i) => i.field === 'responseWeights')!.message).toBe('the response sub-indicator weights are all zero: at least one must be positive');
    expect(issues.find((i) => i.field === 'gradeThresholds.B')!.message).toBe('the grade thresholds must descend: B (80) must be below A (80)');
    expect(issues.find((i) => i.field === 'weights.timeliness')!.message).toBe('weights.timeliness must be a number of 0 or more (got -1)');
  });

  it('accepts zero weights as long as one is positive', () => {
    expect(validateScheme({ ...DEFAULT_SCHEME, weights: { timeliness: 1, completeness: 0, response: 0 } })).toEqual([]);
    expect(fields({ ...DEFAULT_SCHEME, weights: { timeliness: 0, completeness: 0, response: 0 } })).toEqual(['weights']);
  });

  it('rejects shapes that are not a scheme', () => {
    expect(fields(null)).toEqual(['']);
    expect(fields({ ...DEFAULT_SCHEME, weights: undefined, gradeThresholds: [] })).toEqual(['weights', 'gradeThresholds']);
    expect(fields({ ...DEFAULT_SCHEME, gradeThresholds: { A: 101, B: 80, C: 60 } })).toEqual(['gradeThresholds.A']);
    expect(fields({ ...DEFAULT_SCHEME, updateGraceHours: Infinity })).toEqual(['updateGraceHours']);
  });

  it('grades on the rounded total at the threshold edges', () => {
    const g = DEFAULT_SCHEME.gradeThresholds;
    expect([90, 89.99, 80, 79.99, 60, 59.99, 100, 0].map((x) => gradeOf(x, g))).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'A', 'D']);
    expect(gradeOf(null, g)).toBeNull();
    expect(gradeOf(85.5, { A: 85.5, B: 70.25, C: 50 })).toBe('A');
    expect(gradeOf(85.49, { A: 85.5, B: 70.25, C: 50 })).toBe('B');
  });

  it('accepts an assessment start month, unset or null, and refuses anything else', () => {
    for (const ok of ['2026-07', '2026-12', null, undefined]) expect(fields({ ...DEFAULT_SCHEME, assessmentStart: ok })).toEqual([]);
    for (const bad of ['2026-13', '2026-7', '2026-Q3', '2026', 202607, ''])
      expect(fields({ ...DEFAULT_SCHEME, assessmentStart: bad })).toEqual(['assessmentStart']);
  });

  it('checks warnWorkdays (0 or more) and rectificationWorkdays (1 or more), both optional', () => {
    const { warnWorkdays: _w, rectificationWorkdays: _r, ...older } = DEFAULT_SCHEME;
    expect(fields(older)).toEqual([]);
    expect(fields({ ...DEFAULT_SCHEME, warnWorkdays: 0, rectificationWorkdays: 1 })).toEqual([]);
    expect(fields({ ...DEFAULT_SCHEME, warnWorkdays: -1, rectificationWorkdays: 0 })).toEqual(['warnWorkdays', 'rectificationWorkdays']);
    expect(fields({ ...DEFAULT_SCHEME, warnWorkdays: 1.5, rectificationWorkdays: '10' })).toEqual(['warnWorkdays', 'rectificationWorkdays']);
  });

  it('tells a change that can move a score from one that cannot', () => {
    expect(SCORE_NEUTRAL_SCHEME_PARAMS).toEqual(['warnWorkdays', 'rectificationWorkdays']);
    const base = { ...DEFAULT_SCHEME };
    expect(schemeChangeAffectsScores(base, { ...base, version: 2, warnWorkdays: 5, rectificationWorkdays: 20 })).toBe(false);
    expect(schemeChangeAffectsScores(base, { ...base, assessmentStart: null })).toBe(false);
    expect(schemeChangeAffectsScores(base, { ...base, assessmentStart: '2026-07' })).toBe(true);
    expect(schemeChangeAffectsScores(base, { ...base, commendTopN: 4 })).toBe(true);
    expect(schemeChangeAffectsScores(base, { ...base, weights: { ...base.weights, response: 0.31 } })).toBe(true);
    // Key order in stored JSON does not matter.
    const { commendTopN, ...rest } = base;
    expect(schemeChangeAffectsScores(base, JSON.parse(JSON.stringify({ commendTopN, ...rest })))).toBe(false);
  });
});
