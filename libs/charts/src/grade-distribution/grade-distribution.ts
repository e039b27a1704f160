import type { Grade } from '@app/scoring';
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { GRADE_COLORS, GRADE_ORDER, NO_GRADE_COLOR } from '../common/grades';
import type { EChartsParts } from '../common/parts';
import { baseOption, emptyTitle, fontSizeOf, type ChartStyle } from '../common/style';

export interface GradeDistributionInput {
  counts: Readonly<Partial<Record<Grade, number>>>;
  /** Departments without data for the period (no grade); drawn as a grey slice when > 0. */
  noData?: number;
}

export interface GradeSlice {
  grade: Grade | null;
  count: number;
  /** Share of all departments counted, in percent with one decimal. */
  share: number;
  color: string;
}

export interface GradeDistributionModel {
  /** A, B, C, D (always all four, zero counts included), then no-data when any. */
  slices: GradeSlice[];
  total: number;
  empty: boolean;
}

export interface GradeDistributionLabels {
  grades: Record<Grade, string>;
  noData: string;
  empty: string;
}

export type GradeDistributionKind = 'pie' | 'bar';

export type GradeDistributionOption = ComposeOption<
  PieSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | TitleComponentOption
>;

export const gradeDistributionParts: EChartsParts = [PieChart, LegendComponent, TooltipComponent, TitleComponent];
export const gradeDistributionBarParts: EChartsParts = [BarChart, GridComponent, TooltipComponent, TitleComponent];

const count = (n: number | undefined): number => (n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

export function buildGradeDistributionModel(input: GradeDistributionInput): GradeDistributionModel {
  const raw: { grade: Grade | null; count: number; color: string }[] = GRADE_ORDER.map((g) => ({ grade: g, count: count(input.counts[g]), color: GRADE_COLORS[g] }));
  const noData = count(input.noData);
  if (noData > 0) raw.push({ grade: null, count: noData, color: NO_GRADE_COLOR });
  const total = raw.reduce((s, r) => s + r.count, 0);
  return {
    slices: raw.map((r) => ({ ...r, share: total === 0 ? 0 : Math.round((1000 * r.count) / total) / 10 })),
    total,
    empty: total === 0,
  };
}

/** A donut (default) or a bar per grade, in the grade colours. */
export interface GradeDistributionOptions {
  /** 'pie' (default, a donut) or 'bar'. */
  kind?: GradeDistributionKind;
  /** The donut's legend (default true); off where the counts are listed beside it. */
  legend?: boolean;
}

export function buildGradeDistributionOption(
  model: GradeDistributionModel,
  labels: GradeDistributionLabels,
  style?: ChartStyle,
  options: GradeDistributionOptions = {},
): GradeDistributionOption {
  const kind = options.kind ?? 'pie';
  const legend = options.legend ?? true;
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };
  const nameOf = (s: GradeSlice) => (s.grade ? labels.grades[s.grade] : labels.noData);

  if (kind === 'bar') {
    return {
      ...baseOption(style),
      tooltip: { trigger: 'item', formatter: '{b}：{c}' },
      grid: { left: 8, right: 8, top: fontSize * 1.5, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: model.slices.map(nameOf), axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: fontSize * 3,
          label: { show: true, position: 'top', formatter: '{c}' },
          data: model.slices.map((s) => ({ value: s.count, itemStyle: { color: s.color } })),
        },
      ],
    };
  }

  return {
    ...baseOption(style),
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    ...(legend ? { legend: { orient: 'vertical', right: 0, top: 'middle', itemWidth: fontSize, itemHeight: fontSize } } : {}),
    series: [
      {
        type: 'pie',
        radius: ['45%', '75%'],
        center: [legend ? '35%' : '50%', '50%'],
        avoidLabelOverlap: true,
        label: { show: true, position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold', fontSize },
        labelLine: { show: false },
        data: model.slices.map((s) => ({ name: nameOf(s), value: s.count, itemStyle: { color: s.color }, label: { show: s.count > 0 } })),
      },
    ],
  };
}
