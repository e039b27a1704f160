import type { Grade } from '@app/scoring';
import { GRADE_COLORS, GRADE_ORDER, NO_GRADE_COLOR } from '../common/grades';

export interface GradeDistributionInput {
  counts: Readonly<Partial<Record<Grade, number>>>;
  /** Departments without data for the period (no grade); drawn as a grey slice when > 0. */
  noData?: number;
}

export interface GradeSlice {
  grade: Grade | null;
  count: number;
  /** Share of all departments counted, in percent with one decimal. */
  share: number;
  color: string;
}

export interface GradeDistributionModel {
  /** A, B, C, D (always all four, zero counts included), then no-data when any. */
  slices: GradeSlice[];
  total: number;
  empty: boolean;
}

const count = (n: number | undefined): number => (n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

export function buildGradeDistributionModel(input: GradeDistributionInput): GradeDistributionModel {
  const raw: { grade: Grade | null; count: number; color: string }[] = GRADE_ORDER.map((g) => ({
    grade: g,
    count: count(input.counts[g]),
    color: GRADE_COLORS[g],
  }));
  const noData = count(input.noData);
  if (noData > 0) raw.push({ grade: null, count: noData, color: NO_GRADE_COLOR });
  const total = raw.reduce((s, r) => s + r.count, 0);
  return {
    slices: raw.map((r) => ({ ...r, share: total === 0 ? 0 : Math.round((1000 * r.count) / total) / 10 })),
    total,
    empty: total === 0,
  };
}
