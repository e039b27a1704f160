import type { Grade } from '@app/scoring';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { GRADE_COLORS, GRADE_ORDER, NO_GRADE_COLOR } from '../common/grades';
import type { EChartsParts } from '../common/parts';
import { baseOption, CITY_AVERAGE_COLOR, compareCodes, emptyTitle, escapeHtml, fontSizeOf, formatScoreFixed, type ChartStyle } from '../common/style';

/** One department of a score record (the fields the ranking needs). */
export interface RankingBarInput {
  dept: string;
  name: string;
  total: number | null;
  rank: number | null;
  grade: Grade | null;
}

export interface RankingBarRow {
  dept: string;
  name: string;
  total: number;
  rank: number;
  grade: Grade | null;
  color: string;
}

export interface RankingBarModel {
  /** Ranked departments, best first: by rank, then code (the record's order). */
  rows: RankingBarRow[];
  /** Departments with no data for the period: not drawn, listed for a footnote. */
  unranked: { dept: string; name: string }[];
  cityAverage: number | null;
  empty: boolean;
}

export interface RankingBarLabels {
  /** Axis name of the value axis, e.g. 总分 / Total. */
  total: string;
  /** Legend entry per grade, e.g. { A: 'A 优秀', ... }. */
  grades: Record<Grade, string>;
  /** Name of the city-average line; omit to draw no line. */
  cityAverage?: string;
  /** Legend entry for a ranked department without a grade (should not occur). */
  noGrade?: string;
  /** Shown instead of the chart when nothing is ranked. */
  empty: string;
}

export type RankingBarOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption | TitleComponentOption
>;

export const rankingBarParts: EChartsParts = [BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, TitleComponent];

export function buildRankingBarModel(departments: readonly RankingBarInput[], options: { cityAverage?: number | null; limit?: number } = {}): RankingBarModel {
  const ranked: RankingBarRow[] = [];
  const unranked: { dept: string; name: string }[] = [];
  for (const d of departments) {
    if (d.total === null || d.rank === null || !Number.isFinite(d.total)) unranked.push({ dept: d.dept, name: d.name });
    else ranked.push({ dept: d.dept, name: d.name, total: d.total, rank: d.rank, grade: d.grade, color: d.grade ? GRADE_COLORS[d.grade] : NO_GRADE_COLOR });
  }
  ranked.sort((a, b) => a.rank - b.rank || compareCodes(a.dept, b.dept));
  unranked.sort((a, b) => compareCodes(a.dept, b.dept));
  const rows = options.limit !== undefined ? ranked.slice(0, Math.max(0, options.limit)) : ranked;
  return { rows, unranked, cityAverage: options.cityAverage ?? null, empty: rows.length === 0 };
}

/** A height (px) that gives every bar room for its label: the chart grows with the department count. */
export function rankingBarHeight(model: Pick<RankingBarModel, 'rows'>, style?: ChartStyle): number {
  const row = Math.round(fontSizeOf(style) * 1.6);
  return Math.max(240, model.rows.length * row + 90);
}

/**
 * Horizontal bars, best department at the top, one series per grade (stacked on one category
 * axis, so each bar appears once) so the legend explains the colours.
 */
export function buildRankingBarOption(model: RankingBarModel, labels: RankingBarLabels, style?: ChartStyle): RankingBarOption {
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };

  const groups: { key: Grade | null; name: string; color: string }[] = GRADE_ORDER.map((g) => ({ key: g, name: labels.grades[g], color: GRADE_COLORS[g] }));
  if (model.rows.some((r) => r.grade === null)) groups.push({ key: null, name: labels.noGrade ?? '—', color: NO_GRADE_COLOR });

  // Two decimals, as the ranking table writes them.
  const valueText = (params: { value?: unknown }) => formatScoreFixed(typeof params.value === 'number' ? params.value : null);
  const series: BarSeriesOption[] = groups.map((group, index) => ({
    type: 'bar',
    name: group.name,
    stack: 'ranking',
    barMaxWidth: Math.round(fontSize * 1.2),
    itemStyle: { color: group.color },
    label: { show: true, position: 'right', formatter: valueText, fontSize: fontSize - 1 },
    data: model.rows.map((r) => (r.grade === group.key ? r.total : null)),
    ...(index === 0 && labels.cityAverage && model.cityAverage !== null
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: CITY_AVERAGE_COLOR, type: 'dashed', width: 1.5 },
            // The category axis is inverted: 'start' is the top, clear of the value axis labels.
            label: {
              formatter: `${labels.cityAverage} ${formatScoreFixed(model.cityAverage)}`,
              position: 'start',
              fontSize: fontSize - 1,
              color: CITY_AVERAGE_COLOR,
            },
            data: [{ xAxis: model.cityAverage, name: labels.cityAverage }],
          },
        }
      : {}),
  }));

  return {
    ...baseOption(style),
    legend: { top: 0, data: groups.map((g) => g.name), itemWidth: fontSize + 2, itemHeight: fontSize - 2 },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { name?: string; seriesName?: string; value?: unknown };
        return `${escapeHtml(p.name ?? '')}<br/>${escapeHtml(p.seriesName ?? '')}：${valueText(p)}`;
      },
    },
    grid: { left: 8, right: 56, top: fontSize * 3.6, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: labels.total,
      nameLocation: 'end',
      axisLabel: { fontSize: fontSize - 1 },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: model.rows.map((r) => `${r.rank}. ${r.name}`),
      axisTick: { show: false },
      axisLabel: { fontSize: fontSize - 1, interval: 0 },
    },
    series,
  };
}
