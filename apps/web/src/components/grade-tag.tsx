import { GRADE_COLORS } from '@app/charts';
import type { Grade } from '@app/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A grade as a coloured tag: 'A 优秀'; a department without data shows 无数据. */
export function GradeTag({ grade, compact = false }: { grade: Grade | null | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  if (!grade) return <Tag className="grade-tag">{t('grade.none')}</Tag>;
  return (
    <Tag color={GRADE_COLORS[grade]} className="grade-tag" data-grade={grade}>
      {compact ? grade : `${grade} ${t(`grade.${grade}`)}`}
    </Tag>
  );
}
