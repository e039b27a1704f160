import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, GRADES } from '@app/scoring';
import { DEFAULT_GRADE_THRESHOLDS, GRADE_COLORS, GRADE_ORDER, gradeColor, gradeForScore, NO_GRADE_COLOR } from './grades';
import { formatScore } from './style';

describe('grades', () => {
  it('uses the scoring library defaults and grade order', () => {
    expect(DEFAULT_GRADE_THRESHOLDS).toEqual(DEFAULT_SCHEME.gradeThresholds);
    expect(GRADE_ORDER).toEqual(GRADES);
  });

  it('grades a score by inclusive lower bounds', () => {
    expect(gradeForScore(90)).toBe('A');
    expect(gradeForScore(89.99)).toBe('B');
    expect(gradeForScore(80)).toBe('B');
    expect(gradeForScore(60)).toBe('C');
    expect(gradeForScore(59.99)).toBe('D');
    expect(gradeForScore(0)).toBe('D');
    expect(gradeForScore(null)).toBeNull();
    expect(gradeForScore(undefined)).toBeNull();
    expect(gradeForScore(Number.NaN)).toBeNull();
    expect(gradeForScore(85, { A: 95, B: 85, C: 70 })).toBe('B');
  });

  it('has one distinct colour per grade and a grey for none', () => {
    const colors = GRADE_ORDER.map((g) => gradeColor(g));
    expect(new Set([...colors, NO_GRADE_COLOR]).size).toBe(5);
    expect(gradeColor('D')).toBe(GRADE_COLORS.D);
    expect(gradeColor(null)).toBe(NO_GRADE_COLOR);
  });

  it('formats scores without float noise', () => {
    expect(formatScore(96.3)).toBe('96.3');
    expect(formatScore(81.67)).toBe('81.67');
    expect(formatScore(0.1 + 0.2)).toBe('0.3');
    expect(formatScore(null)).toBe('—');
  });
});
