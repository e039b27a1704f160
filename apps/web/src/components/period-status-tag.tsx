import { useQuery } from '@tanstack/react-query';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodStatusQuery } from '../api/score-queries';
import { formatInstant } from '../lib/format';
import { useAssessmentClock } from '../lib/use-period';

/** 暂定 / 已发布 for a period, with when it was computed or published. */
export function PeriodStatusTag({ period }: { period: string }) {
  const { t } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const status = useQuery(periodStatusQuery(period));
  const s = status.data;
  if (!s) return null;
  if (s.origin === 'published') {
    return (
      <Tooltip title={t('period.publishedHint', { time: formatInstant(s.publishedAt, timeZone), by: s.publishedBy ?? '—' })}>
        <Tag color="green" variant="solid" data-testid="period-status" data-status="published">
          {t('period.published')}
        </Tag>
      </Tooltip>
    );
  }
  if (s.provisional) {
    return (
      <Tooltip title={t('period.provisionalHint', { time: formatInstant(s.computedAt, timeZone) })}>
        <Tag color="orange" variant="solid" data-testid="period-status" data-status="provisional">
          {t('period.provisional')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('period.snapshotHint', { time: formatInstant(s.computedAt, timeZone) })}>
      <Tag data-testid="period-status" data-status="final">
        {t('period.unpublished')}
      </Tag>
    </Tooltip>
  );
}
