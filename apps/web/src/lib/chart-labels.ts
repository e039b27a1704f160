import { GRADE_ORDER } from '@app/charts';
import type { Grade } from '@app/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** 'A 优秀', 'B 良好', ... in the current language, for legends. */
export function useGradeLabels(): Record<Grade, string> {
  const { t } = useTranslation();
  return useMemo(() => Object.fromEntries(GRADE_ORDER.map((g) => [g, `${g} ${t(`grade.${g}`)}`])) as Record<Grade, string>, [t]);
}
