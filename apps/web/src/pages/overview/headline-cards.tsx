import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { buildGradeDistributionModel, GRADE_COLORS } from '@app/charts';
import type { OverviewResponse } from '@app/contracts';
import { Col, Row } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../lib/access';
import { useGradeLabels } from '../../lib/chart-labels';
import { useCurrentUser } from '../../lib/current-user';
import { formatScore } from '../../lib/format';

function Headline({
  title,
  value,
  sub,
  testId,
  valueTestId,
  rawValue,
  danger,
  to,
}: {
  title: string;
  value: ReactNode;
  sub: ReactNode;
  testId: string;
  valueTestId?: string;
  rawValue?: number | null;
  danger?: boolean;
  to?: string;
}) {
  return (
    <section className="panel headline-card" data-testid={testId}>
      <div className="headline-title">
        {to ? (
          <Link to={to} data-testid={`${testId}-link`}>
            {title}
          </Link>
        ) : (
          title
        )}
      </div>
      <div className={danger ? 'headline-value text-danger' : 'headline-value'} data-testid={valueTestId} data-value={rawValue ?? ''}>
        {to ? (
          <Link to={to} className="headline-value-link">
            {value}
          </Link>
        ) : (
          value
        )}
      </div>
      <div className="headline-sub">{sub}</div>
    </section>
  );
}

function Change({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <span>{t('overview.noPrevious')}</span>;
  const up = value > 0;
  const level = value === 0;
  return (
    <span className={level ? undefined : up ? 'change-up' : 'change-down'} data-testid="city-average-change" data-value={value}>
      {t('overview.vsPrevious')} {level ? '±0' : up ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />}
      {level ? '' : ` ${formatScore(Math.abs(value))}`}
    </span>
  );
}

/**
 * The grade distribution as one proportional strip in the grade colours, with the counts beside
 * it: readable at card size, where a donut would be a few pixels wide (and would cost the route
 * ECharts' pie chart).
 */
function GradeStrip({ distribution }: { distribution: OverviewResponse['gradeDistribution'] }) {
  const grades = useGradeLabels();
  const model = useMemo(() => buildGradeDistributionModel({ counts: distribution }), [distribution]);
  return (
    <div className="grade-strip-wrap">
      <div className="grade-strip" role="img" aria-label={model.slices.map((s) => `${s.grade ? grades[s.grade] : ''} ${s.count}`).join('，')}>
        {model.slices
          .filter((s) => s.count > 0)
          .map((s) => (
            <span key={s.grade ?? 'none'} style={{ flexGrow: s.count, background: s.color }} title={`${s.grade ? grades[s.grade] : ''}: ${s.count}`} />
          ))}
      </div>
      <ul className="grade-counts">
        {model.slices.map((s) =>
          s.grade ? (
            <li key={s.grade} data-grade={s.grade} data-testid={`grade-count-${s.grade}`}>
              <span className="grade-dot" style={{ background: GRADE_COLORS[s.grade] }} aria-hidden />
              {grades[s.grade]} <strong>{s.count}</strong>
            </li>
          ) : null,
        )}
      </ul>
    </div>
  );
}

/** City average and its change, departments assessed, overdue open requests, grade distribution. */
export function HeadlineCards({ overview, totalDepartments }: { overview: OverviewResponse; totalDepartments?: number }) {
  const { t } = useTranslation();
  // The card opens the warnings page for those who may read it (not admins).
  const warnings = canAccess(useCurrentUser(), 'warnings') ? '/warnings?kind=request&state=overdue' : undefined;
  const noData = totalDepartments !== undefined ? Math.max(0, totalDepartments - overview.departmentsAssessed) : 0;
  return (
    <Row gutter={[12, 12]} className="headline-cards">
      <Col xs={24} sm={12} xl={6}>
        <Headline
          testId="city-average"
          valueTestId="city-average-value"
          rawValue={overview.cityAverage}
          title={t('overview.cityAverage')}
          value={formatScore(overview.cityAverage)}
          sub={<Change value={overview.cityAverageChange} />}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Headline
          testId="departments-assessed"
          rawValue={overview.departmentsAssessed}
          title={t('overview.assessed')}
          value={
            <>
              {overview.departmentsAssessed}
              {totalDepartments !== undefined ? <span className="headline-of"> / {totalDepartments}</span> : null}
            </>
          }
          sub={noData > 0 ? t('overview.noDataCount', { count: noData }) : t('overview.allAssessed')}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Headline
          testId="overdue-open"
          rawValue={overview.overdueOpenRequests}
          title={t('overview.overdue')}
          value={overview.overdueOpenRequests}
          danger={overview.overdueOpenRequests > 0}
          sub={t('overview.overdueHint')}
          to={warnings}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <section className="panel headline-card" data-testid="grade-distribution">
          <div className="headline-title">{t('overview.gradeDistribution')}</div>
          <GradeStrip distribution={overview.gradeDistribution} />
        </section>
      </Col>
    </Row>
  );
}
