import { describe, expect, it } from 'vitest';
import { NO_GRADE_COLOR } from '../common/grades';
import { buildGradeDistributionModel } from './grade-distribution';

describe('grade distribution', () => {
  it('keeps all four grades in order, zeros included, with shares', () => {
    const model = buildGradeDistributionModel({ counts: { D: 1, A: 3, C: 0 } });
    expect(model.slices.map((s) => [s.grade, s.count, s.share])).toEqual([
      ['A', 3, 75],
      ['B', 0, 0],
      ['C', 0, 0],
      ['D', 1, 25],
    ]);
    expect(model.total).toBe(4);
  });

  it('adds a grey no-data slice only when there are departments without data', () => {
    expect(buildGradeDistributionModel({ counts: { A: 1 }, noData: 0 }).slices).toHaveLength(4);
    const model = buildGradeDistributionModel({ counts: { A: 1, B: 1 }, noData: 1 });
    expect(model.slices[4]).toEqual({ grade: null, count: 1, share: 33.3, color: NO_GRADE_COLOR });
  });

  it('ignores negative and fractional noise, and is empty with nothing to count', () => {
    expect(buildGradeDistributionModel({ counts: { A: -2, B: 1.7 } }).slices.map((s) => s.count)).toEqual([0, 1, 0, 0]);
    const empty = buildGradeDistributionModel({ counts: {} });
    expect(empty.empty).toBe(true);
  });
});
