import {
  buildDeptHeatmapModel,
  buildDeptHeatmapOption,
  buildRankingBarModel,
  buildRankingBarOption,
  buildTrendLinesModel,
  buildTrendLinesOption,
  deptHeatmapHeight,
  deptHeatmapParts,
  rankingBarHeight,
  rankingBarParts,
  trendLinesParts,
} from '@app/charts';
import type { OverviewResponse, ScoreRecord, TrendsResponse } from '@app/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ownDepartmentPath } from '../../lib/access';
import { useGradeLabels } from '../../lib/chart-labels';
import { periodAxisLabels, periodLabel } from '../../lib/period';
import { usePreferences } from '../../lib/preferences';
import { useChartStyle } from '../../lib/use-chart-style';
import { useDepartments } from '../../lib/use-departments';
import { useGradeThresholds } from '../../lib/use-grade-thresholds';
import { usePeriodLink } from '../../lib/use-period';
import { useIsPhone } from '../../lib/use-phone';
import { ChartCard } from '../../components/chart-card';
import { EChart } from '../../components/echart';
import { QueryView } from '../../components/query-view';

const BAR_PARTS = [...rankingBarParts, CanvasRenderer];
const TREND_PARTS = [...trendLinesParts, CanvasRenderer];
const HEATMAP_PARTS = [...deptHeatmapParts, CanvasRenderer];

/** Click on a department in a chart: open its page for the same period. */
function useOpenDepartment(codes: readonly string[]) {
  const navigate = useNavigate();
  const link = usePeriodLink();
  return (index: number | undefined) => {
    const code = index === undefined ? undefined : codes[index];
    if (code) void navigate(link(ownDepartmentPath(code)));
  };
}

export function RankingBarCard({ scores, cityAverage }: { scores: UseQueryResult<ScoreRecord>; cityAverage: number | null }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const grades = useGradeLabels();
  const { nameOf } = useDepartments();
  const model = useMemo(
    () =>
      buildRankingBarModel(
        (scores.data?.departments ?? []).map((d) => ({ ...d, name: nameOf(d.dept, d.name) })),
        { cityAverage },
      ),
    [scores.data, cityAverage, nameOf],
  );
  const option = useMemo(
    () => buildRankingBarOption(model, { total: t('dimension.total'), grades, cityAverage: t('common.cityAverage'), empty: t('state.empty') }, style),
    [model, t, grades, style],
  );
  const open = useOpenDepartment(model.rows.map((r) => r.dept));
  return (
    <ChartCard title={t('overview.ranking')} testId="ranking-chart-card">
      <QueryView query={scores} minHeight={320}>
        {() => (
          <>
            <EChart
              option={option}
              parts={BAR_PARTS}
              height={rankingBarHeight(model, style)}
              ariaLabel={t('overview.ranking')}
              onItemClick={(e) => open(e.dataIndex)}
              testId="ranking-chart"
            />
            {model.unranked.length > 0 ? (
              <p className="chart-footnote">
                {t('overview.unrankedNote', { count: model.unranked.length, names: model.unranked.map((u) => u.name).join('、') })}
              </p>
            ) : null}
          </>
        )}
      </QueryView>
    </ChartCard>
  );
}

export function TrendCard({ trends }: { trends: UseQueryResult<TrendsResponse> }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const { language } = usePreferences();
  const { nameOf } = useDepartments();
  const option = useMemo(() => {
    const data = trends.data;
    if (!data) return null;
    const model = buildTrendLinesModel(
      {
        periods: data.periods,
        city: data.city.map((c) => c.total),
        departments: data.departments.map((d) => ({ dept: d.dept, name: nameOf(d.dept, d.name), values: d.values.map((v) => v.total) })),
      },
      { top: 3, bottom: 3 },
    );
    return buildTrendLinesOption(
      model,
      { cityAverage: t('common.cityAverage'), value: t('dimension.total'), periodLabels: periodAxisLabels(data.periods, language), empty: t('state.empty') },
      style,
      { legend: 'scroll' },
    );
  }, [trends.data, nameOf, t, language, style]);
  return (
    <ChartCard title={t('overview.trends')} testId="trend-chart-card">
      <QueryView query={trends} minHeight={300}>
        {() =>
          option && (
            <EChart
              option={option}
              parts={TREND_PARTS}
              height={style.fontSize && style.fontSize > 12 ? 380 : 300}
              ariaLabel={t('overview.trends')}
              testId="trend-chart"
            />
          )
        }
      </QueryView>
    </ChartCard>
  );
}

export function HeatmapCard({ overview, schemeVersion }: { overview: OverviewResponse; schemeVersion?: number }) {
  const { t } = useTranslation();
  const style = useChartStyle();
  const { language } = usePreferences();
  const { nameOf } = useDepartments();
  const thresholds = useGradeThresholds(schemeVersion);
  const model = useMemo(
    () =>
      buildDeptHeatmapModel(
        { months: overview.heatmap.months, departments: overview.heatmap.departments.map((d) => ({ ...d, name: nameOf(d.dept, d.name) })) },
        { thresholds },
      ),
    [overview.heatmap, nameOf, thresholds],
  );
  const grades = useGradeLabels();
  // A phone's width holds the four bands' legend only with the grade letters (the ranking's legend names them).
  const phone = useIsPhone();
  const bands = useMemo(() => {
    const name = phone ? { A: 'A', B: 'B', C: 'C', D: 'D' } : grades;
    return {
      A: `${name.A} ≥${thresholds.A}`,
      B: `${name.B} ${thresholds.B}–${thresholds.A}`,
      C: `${name.C} ${thresholds.C}–${thresholds.B}`,
      D: `${name.D} <${thresholds.C}`,
    };
  }, [grades, thresholds, phone]);
  const option = useMemo(
    () =>
      buildDeptHeatmapOption(
        model,
        {
          grades: bands,
          monthLabels: periodAxisLabels(model.months, language),
          monthTitles: model.months.map((m) => periodLabel(m, language)),
          empty: t('state.empty'),
        },
        style,
      ),
    [model, bands, language, t, style],
  );
  const open = useOpenDepartment(model.rows.map((r) => r.dept));
  return (
    <ChartCard title={t('overview.heatmap')} testId="heatmap-card">
      <EChart
        option={option}
        parts={HEATMAP_PARTS}
        height={deptHeatmapHeight(model, style)}
        ariaLabel={t('overview.heatmap')}
        onItemClick={(e) => open(Array.isArray(e.value) ? Number(e.value[1]) : undefined)}
        testId="heatmap-chart"
      />
    </ChartCard>
  );
}
