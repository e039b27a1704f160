import { gradeColor, gradeForScore, type GradeThresholds } from '@app/charts';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../lib/format';

/**
 * A dimension score coloured by the grade band it falls in (the same thresholds as totals);
 * null is N/A, undefined is not visible to this user.
 */
export function ScoreValue({ value, thresholds, testId }: { value: number | null | undefined; thresholds: GradeThresholds; testId?: string }) {
  const { t } = useTranslation();
  if (value === undefined)
    return (
      <span className="score-value score-hidden" data-testid={testId}>
        —
      </span>
    );
  if (value === null)
    return (
      <span className="score-value score-na" data-testid={testId} title={t('dimension.notApplicable')}>
        {t('dimension.na')}
      </span>
    );
  const grade = gradeForScore(value, thresholds);
  return (
    <span className="score-value" style={{ color: gradeColor(grade) }} data-grade={grade ?? undefined} data-testid={testId}>
      {formatScore(value)}
    </span>
  );
}
