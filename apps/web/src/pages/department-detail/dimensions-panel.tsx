import { buildDimensionRadarModel, buildDimensionRadarOption, dimensionRadarParts, DIMENSIONS } from '@app/charts';
import type { DepartmentSummary } from '@app/contracts';
import { Col, Row } from 'antd';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../lib/format';
import { useChartStyle } from '../../lib/use-chart-style';
import { useGradeThresholds } from '../../lib/use-grade-thresholds';
import { ChartCard } from '../../components/chart-card';
import { EChart } from '../../components/echart';
import { GradeTag } from '../../components/grade-tag';
import { RankChange } from '../../components/rank-change';
import { ScoreValue } from '../../components/score-value';

const RADAR_PARTS = [...dimensionRadarParts, CanvasRenderer];

/** Total, rank and grade; the three dimensions beside the city average, as numbers and as a radar. */
export function DimensionsPanel({ summary, name }: { summary: DepartmentSummary; name: string }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const thresholds = useGradeThresholds();
  const score = summary.score;
  const option = useMemo(
    () =>
      buildDimensionRadarOption(
        buildDimensionRadarModel({
          department: { timeliness: score?.timeliness ?? null, completeness: score?.completeness ?? null, response: score?.response ?? null },
          city: summary.cityAverage,
        }),
        {
          dimensions: { timeliness: t('dimension.timeliness'), completeness: t('dimension.completeness'), response: t('dimension.response') },
          department: name,
          cityAverage: t('common.cityAverage'),
          notApplicable: t('dimension.notApplicable'),
          empty: t('state.empty'),
        },
        style,
      ),
    [score, summary.cityAverage, name, t, style],
  );

  return (
    <ChartCard title={t('department.scores')} testId="dimensions-card">
      <div className="total-line">
        <span className="total-label">{t('dimension.total')}</span>
        <span className="total-value" data-testid="dimension-total" data-value={score?.total ?? ''}>
          {score?.total === null || score === null ? t('department.noData') : formatScore(score.total)}
        </span>
        <GradeTag grade={score?.grade ?? null} />
        {score?.rank !== null && score?.rank !== undefined ? (
          <span className="muted" data-testid="department-rank">
            {t('department.rank', { rank: score.rank })} <RankChange value={score.rankChange} />
          </span>
        ) : null}
        {summary.provisional ? <span className="muted">· {t('period.provisional')}</span> : null}
      </div>
      <Row gutter={8} className="dimension-values">
        {DIMENSIONS.map((key) => (
          <Col span={8} key={key}>
            <div className="dimension-box" data-testid={`dimension-${key}`} data-value={score?.[key] ?? ''}>
              <div className="dimension-name">{t(`dimension.${key}`)}</div>
              <div className="dimension-score">
                <ScoreValue value={score ? score[key] : null} thresholds={thresholds} />
              </div>
              <div className="dimension-city">
                {t('common.cityAverage')} {formatScore(summary.cityAverage[key])}
              </div>
            </div>
          </Col>
        ))}
      </Row>
      <EChart
        option={option}
        parts={RADAR_PARTS}
        height={style.fontSize && style.fontSize > 12 ? 340 : 280}
        ariaLabel={t('department.radar')}
        testId="radar-chart"
      />
    </ChartCard>
  );
}
