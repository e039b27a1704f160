import type { Grade } from '@app/scoring';
import { HeatmapChart, type HeatmapSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  type GridComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { DEFAULT_GRADE_THRESHOLDS, GRADE_COLORS, type GradeThresholds } from '../common/grades';
import type { EChartsParts } from '../common/parts';
import { baseOption, compareCodes, emptyTitle, escapeHtml, fontSizeOf, formatScoreFixed, type ChartStyle } from '../common/style';

export interface DeptHeatmapInput {
  months: readonly string[];
  departments: readonly { dept: string; name: string; totals: readonly (number | null)[] }[];
}

/** One drawn cell: [month index, row index, total]. Months without a total get no cell. */
export type HeatmapCell = [number, number, number];

export interface DeptHeatmapModel {
  months: string[];
  rows: { dept: string; name: string }[];
  cells: HeatmapCell[];
  thresholds: GradeThresholds;
  empty: boolean;
}

export interface DeptHeatmapOptions {
  /** 'latest' (default): best in the last month with data first; 'input': as given. */
  order?: 'latest' | 'input';
  thresholds?: GradeThresholds;
}

export interface DeptHeatmapLabels {
  /** Legend entry per grade band, e.g. { A: 'A 优秀 ≥90', ... }. */
  grades: Record<Grade, string>;
  monthLabels?: readonly string[];
  /** Full month names for tooltips (e.g. 2026年10月); default the axis labels, else the months. */
  monthTitles?: readonly string[];
  empty: string;
}

export type DeptHeatmapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption | TitleComponentOption
>;

// ECharts requires a visualMap for heatmaps (it throws without one outside production builds).
export const deptHeatmapParts: EChartsParts = [HeatmapChart, GridComponent, TooltipComponent, VisualMapPiecewiseComponent, TitleComponent];

const valueOf = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

export function buildDeptHeatmapModel(input: DeptHeatmapInput, options: DeptHeatmapOptions = {}): DeptHeatmapModel {
  const months = [...input.months];
  const departments = input.departments.map((d) => ({ dept: d.dept, name: d.name, totals: months.map((_, i) => valueOf(d.totals[i])) }));

  if ((options.order ?? 'latest') === 'latest') {
    let last = -1;
    for (let i = months.length - 1; i >= 0 && last < 0; i--) if (departments.some((d) => d.totals[i] !== null)) last = i;
    departments.sort((a, b) => {
      const va = last < 0 ? null : a.totals[last];
      const vb = last < 0 ? null : b.totals[last];
      if (va === null && vb === null) return compareCodes(a.dept, b.dept);
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va || compareCodes(a.dept, b.dept);
    });
  }

  const cells: HeatmapCell[] = [];
  departments.forEach((d, row) => d.totals.forEach((v, m) => v !== null && cells.push([m, row, v])));
  return {
    months,
    rows: departments.map((d) => ({ dept: d.dept, name: d.name })),
    cells,
    thresholds: { ...(options.thresholds ?? DEFAULT_GRADE_THRESHOLDS) },
    empty: cells.length === 0,
  };
}

export function deptHeatmapHeight(model: Pick<DeptHeatmapModel, 'rows'>, style?: ChartStyle): number {
  const row = Math.round(fontSizeOf(style) * 1.6);
  return Math.max(240, model.rows.length * row + 110);
}

/**
 * Cells coloured by the grade band of the month's total, so the heatmap reads like the grades.
 * Hovering a cell gives the department, the month and the total; in large-display mode the total
 * is also written in the cell, where a wall screen's viewers cannot hover.
 */
export function buildDeptHeatmapOption(model: DeptHeatmapModel, labels: DeptHeatmapLabels, style?: ChartStyle): DeptHeatmapOption {
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };
  const t = model.thresholds;
  const monthTitles = labels.monthTitles ?? labels.monthLabels ?? model.months;
  const cellOf = (params: unknown): HeatmapCell | null => {
    const data = (params as { data?: unknown }).data;
    return Array.isArray(data) && data.length === 3 ? (data as HeatmapCell) : null;
  };
  return {
    ...baseOption(style),
    tooltip: {
      trigger: 'item',
      position: 'top',
      formatter: (params: unknown) => {
        const cell = cellOf(params);
        if (!cell) return '';
        const [m, row, total] = cell;
        return `${escapeHtml(model.rows[row]?.name ?? '')}<br/>${escapeHtml(monthTitles[m] ?? model.months[m] ?? '')}：${formatScoreFixed(total)}`;
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: fontSize * 3.5, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: labels.monthLabels ? [...labels.monthLabels] : model.months,
      splitArea: { show: true },
      axisLabel: { fontSize: fontSize - 1 },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: model.rows.map((r) => r.name),
      splitArea: { show: true },
      axisTick: { show: false },
      axisLabel: { fontSize: fontSize - 1, interval: 0 },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      // Best grade first, like every other legend.
      inverse: true,
      left: 'center',
      bottom: 0,
      itemWidth: fontSize + 2,
      itemHeight: fontSize - 2,
      textStyle: { fontSize: fontSize - 1 },
      pieces: [
        { gte: t.A, color: GRADE_COLORS.A, label: labels.grades.A },
        { gte: t.B, lt: t.A, color: GRADE_COLORS.B, label: labels.grades.B },
        { gte: t.C, lt: t.B, color: GRADE_COLORS.C, label: labels.grades.C },
        { lt: t.C, color: GRADE_COLORS.D, label: labels.grades.D },
      ],
    },
    series: [
      {
        type: 'heatmap',
        data: model.cells,
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        label: {
          show: style?.largeDisplay === true,
          formatter: (params: unknown) => formatScoreFixed(cellOf(params)?.[2]),
          fontSize: fontSize - 2,
          // White with a dark halo reads on every grade colour, amber included.
          color: '#fff',
          textBorderColor: 'rgba(0, 0, 0, 0.45)',
          textBorderWidth: 2,
        },
      },
    ],
  };
}
