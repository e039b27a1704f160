import { describe, expect, it } from 'vitest';
import { cityAverages, gradeDistribution, rankMovers } from './summary';
import type { DepartmentScore } from './types';

const dept = (
  code: string,
  total: number | null,
  rank: number | null,
  rankChange: number | null,
  grade: DepartmentScore['grade'],
  response: number | null = total,
): DepartmentScore => ({
  dept: code,
  name: code,
  total,
  timeliness: total,
  completeness: total,
  response,
  rank,
  rankChange,
  grade,
  counts: {} as DepartmentScore['counts'],
  pointsLost: null,
});

describe('record summaries', () => {
  const record = {
    departments: [dept('A', 96.3, 1, 0, 'A'), dept('B', 65.64, 2, 1, 'C', null), dept('C', 58.35, 3, -1, 'D'), dept('X', null, null, null, null)],
  };

  it('averages ranked departments only, each dimension where it applies', () => {
    expect(cityAverages(record)).toEqual({ total: 73.43, timeliness: 73.43, completeness: 73.43, response: 77.33 });
    expect(cityAverages({ departments: [] })).toEqual({ total: null, timeliness: null, completeness: null, response: null });
  });

  it('rounds the mean half away from zero on the exact value', () => {
    expect(cityAverages({ departments: [dept('A', 0.01, 1, null, 'D'), dept('B', 0.02, 2, null, 'D')] }).total).toBe(0.02);
  });

  it('counts grades and orders movers', () => {
    expect(gradeDistribution(record)).toEqual({ A: 1, B: 0, C: 1, D: 1 });
    expect(rankMovers(record, 'up', 5).map((d) => d.dept)).toEqual(['B']);
    expect(rankMovers(record, 'down', 5).map((d) => d.dept)).toEqual(['C']);
  });
});
