import { buildTrendLinesModel, buildTrendLinesOption, trendLinesParts } from '@app/charts';
import type { DimensionValues } from '@app/contracts';
import { useQuery } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trendsQuery } from '../../api/score-queries';
import { periodAxisLabels, shiftPeriod, TREND_LENGTH } from '../../lib/period';
import { usePreferences } from '../../lib/preferences';
import { useChartStyle } from '../../lib/use-chart-style';
import { usePeriod } from '../../lib/use-period';
import { ChartCard } from '../../components/chart-card';
import { EChart } from '../../components/echart';
import { QueryView } from '../../components/query-view';

const TREND_PARTS = [...trendLinesParts, CanvasRenderer];
type Measure = keyof DimensionValues;

/** The department's score over the recent periods against the city average, per dimension. */
export function DepartmentTrendCard({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const { period, kind } = usePeriod();
  const { language } = usePreferences();
  const style = useChartStyle();
  const [measure, setMeasure] = useState<Measure>('total');
  const trends = useQuery(trendsQuery({ kind, from: shiftPeriod(period, -(TREND_LENGTH[kind] - 1)), to: period, dept: code }));
  const option = useMemo(() => {
    const data = trends.data;
    if (!data) return null;
    const own = data.departments.filter((d) => d.dept === code);
    const model = buildTrendLinesModel(
      {
        periods: data.periods,
        city: data.city.map((c) => c[measure]),
        departments: own.map((d) => ({ dept: d.dept, name, values: d.values.map((v) => v[measure]) })),
      },
      { pick: 'all' },
    );
    return buildTrendLinesOption(
      model,
      {
        cityAverage: t('common.cityAverage'),
        value: t(`dimension.${measure}`),
        periodLabels: periodAxisLabels(data.periods, language),
        empty: t('state.empty'),
      },
      style,
      { legend: 'scroll' },
    );
  }, [trends.data, code, name, measure, t, language, style]);

  return (
    <ChartCard
      title={t('department.trends')}
      testId="department-trend-card"
      extra={
        <Segmented<Measure>
          size="small"
          value={measure}
          onChange={setMeasure}
          options={(['total', 'timeliness', 'completeness', 'response'] as const).map((m) => ({ value: m, label: t(`dimension.${m}`) }))}
        />
      }
    >
      <QueryView query={trends} minHeight={280}>
        {() =>
          option && (
            <EChart
              option={option}
              parts={TREND_PARTS}
              height={style.fontSize && style.fontSize > 12 ? 420 : 372}
              ariaLabel={t('department.trends')}
              testId="department-trend-chart"
            />
          )
        }
      </QueryView>
    </ChartCard>
  );
}
