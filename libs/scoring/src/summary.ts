import { add, div, fromDecimalNumber, rational, round2, ZERO, type Rational } from './rational';
import type { DepartmentScore, Grade, ScoreRecord } from './types';

export interface DimensionAverages {
  total: number | null;
  timeliness: number | null;
  completeness: number | null;
  response: number | null;
}

function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const sum = present.reduce<Rational>((acc, v) => add(acc, fromDecimalNumber(v)), ZERO);
  return round2(div(sum, rational(BigInt(present.length))));
}

/**
 * The city average of a record: the mean of the ranked departments' rounded
 * totals, and of each dimension over the ranked departments where it applies.
 * Shown to leadership beside the ranking; not part of any department's score.
 */
export function cityAverages(record: Pick<ScoreRecord, 'departments'>): DimensionAverages {
  const ranked = record.departments.filter((d) => d.rank !== null);
  return {
    total: mean(ranked.map((d) => d.total)),
    timeliness: mean(ranked.map((d) => d.timeliness)),
    completeness: mean(ranked.map((d) => d.completeness)),
    response: mean(ranked.map((d) => d.response)),
  };
}

export function gradeDistribution(record: Pick<ScoreRecord, 'departments'>): Record<Grade, number> {
  const out: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const d of record.departments) if (d.grade) out[d.grade]++;
  return out;
}

/** Departments by rank change, largest first (climbers) or most negative first (fallers). */
export function rankMovers(record: Pick<ScoreRecord, 'departments'>, direction: 'up' | 'down', limit: number): DepartmentScore[] {
  const moved = record.departments.filter((d) => d.rankChange !== null && (direction === 'up' ? d.rankChange > 0 : d.rankChange < 0));
  moved.sort((a, b) => (direction === 'up' ? b.rankChange! - a.rankChange! : a.rankChange! - b.rankChange!) || (a.dept < b.dept ? -1 : 1));
  return moved.slice(0, limit);
}
