import type { DepartmentSummary } from '@app/contracts';
import { Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../lib/format';
import { usePreferences } from '../../lib/preferences';
import { ChartCard } from '../../components/chart-card';

function ratio(part: number, whole: number): string | null {
  return whole > 0 ? formatPercent((100 * part) / whole, 2) : null;
}

/** The numerators and denominators behind each dimension, and the figures shown but not scored. */
export function CountsPanel({ summary }: { summary: DepartmentSummary }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const c = summary.score?.counts;
  const x = summary.extras;
  const n = (v: number | undefined) => formatNumber(v ?? null, language);
  const of = (part: number | undefined, whole: number | undefined) => {
    if (part === undefined || whole === undefined) return '—';
    const r = ratio(part, whole);
    return `${n(part)} / ${n(whole)}${r ? `（${r}）` : ''}`;
  };
  if (!c) return null;

  return (
    <ChartCard title={t('department.counts')} testId="counts-card">
      <Row gutter={[16, 8]}>
        <Col xs={24} lg={8}>
          <Descriptions
            size="small"
            column={1}
            title={t('dimension.timeliness')}
            items={[
              { key: 'windows', label: t('counts.windowsMetOfDue'), children: <span data-testid="count-windows">{of(c.windowsMet, c.windowsDue)}</span> },
            ]}
          />
          <Descriptions
            size="small"
            column={1}
            title={t('dimension.completeness')}
            className="counts-block"
            items={[
              { key: 'records', label: t('counts.completeOfRecords'), children: <span data-testid="count-records">{of(c.completeRecords, c.records)}</span> },
            ]}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Descriptions
            size="small"
            column={1}
            title={t('dimension.response')}
            items={[
              { key: 'requests', label: t('counts.requestsOnTimeOfSettled'), children: of(c.requestsOnTime, c.requestsSettled) },
              { key: 'pending', label: t('counts.requestsPending'), children: n(c.requestsPending) },
              {
                key: 'overdue',
                label: t('counts.requestsOverdueOpen'),
                children: <span className={c.requestsOverdueOpen > 0 ? 'text-danger' : undefined}>{n(c.requestsOverdueOpen)}</span>,
              },
              { key: 'objections', label: t('counts.objectionsOnTimeOfSettled'), children: of(c.objectionsOnTime, c.objectionsSettled) },
              { key: 'api', label: t('counts.apiSuccessOfCounted'), children: of(c.apiSuccess, c.apiSuccess + c.apiFailure) },
            ]}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Descriptions
            size="small"
            column={1}
            title={t('counts.extras')}
            items={[
              { key: 'rejection', label: t('counts.rejectionRate'), children: formatPercent(x?.rejectionRate ?? null) },
              { key: 'median', label: t('counts.medianAnswerWorkdays'), children: x?.medianAnswerWorkdays ?? '—' },
              { key: 'latency', label: t('counts.latencyP95Ms'), children: x?.latencyP95Ms ?? '—' },
              { key: 'pending', label: t('counts.requestsPending'), children: n(x?.requestsPending) },
            ]}
          />
          <p className="footnote">{t('counts.extrasNote')}</p>
        </Col>
      </Row>
    </ChartCard>
  );
}
