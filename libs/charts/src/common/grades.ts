import type { Grade } from '@app/scoring';

/** Grade order, best first; the same order everywhere (legends, series, lists). */
export const GRADE_ORDER: readonly Grade[] = ['A', 'B', 'C', 'D'];

/**
 * One colour per grade, shared by every chart, the ranking table and the PDF bulletin, so a grade
 * reads the same wherever it appears. Chosen to stay distinguishable in greyscale print and for
 * red-green colour-blind readers (lightness differs, not just hue).
 */
export const GRADE_COLORS: Readonly<Record<Grade, string>> = Object.freeze({
  A: '#1a7f4b',
  B: '#2f6fd6',
  C: '#e09b14',
  D: '#cf3434',
});

/** Departments with no data (no grade), N/A values, and anything not graded. */
export const NO_GRADE_COLOR = '#b3b9c5';

export interface GradeThresholds {
  A: number;
  B: number;
  C: number;
}

/** The scheme's default thresholds (scoring.md); pass the active scheme's where known. */
export const DEFAULT_GRADE_THRESHOLDS: Readonly<GradeThresholds> = Object.freeze({ A: 90, B: 80, C: 60 });

/** The grade a score would get under the thresholds; null for a missing score. */
export function gradeForScore(score: number | null | undefined, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  if (score >= thresholds.A) return 'A';
  if (score >= thresholds.B) return 'B';
  if (score >= thresholds.C) return 'C';
  return 'D';
}

export function gradeColor(grade: Grade | null | undefined): string {
  return grade ? GRADE_COLORS[grade] : NO_GRADE_COLOR;
}
