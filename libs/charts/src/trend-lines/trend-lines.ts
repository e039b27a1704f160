import { LineChart, type LineSeriesOption } from 'echarts/charts';
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
import type { EChartsParts } from '../common/parts';
import { baseOption, BRAND_COLOR, CITY_AVERAGE_COLOR, compareCodes, emptyTitle, fontSizeOf, type ChartStyle } from '../common/style';

export interface TrendDepartmentInput {
  dept: string;
  name: string;
  /** One value per period (null: no data / N/A that period). */
  values: readonly (number | null)[];
}

export interface TrendLinesInput {
  periods: readonly string[];
  /** City average per period; omit (or all null) to draw no city line. */
  city?: readonly (number | null)[];
  departments: readonly TrendDepartmentInput[];
}

export type TrendRole = 'top' | 'bottom' | 'department';

export interface TrendLine {
  dept: string;
  name: string;
  role: TrendRole;
  values: (number | null)[];
}

export interface TrendLinesModel {
  periods: string[];
  city: (number | null)[] | null;
  /** Drawn department lines: the top ones best first, then the bottom ones worst first (or every department). */
  lines: TrendLine[];
  empty: boolean;
}

export interface TrendLinesOptions {
  /**
   * 'top-bottom' (default): the `top` best and `bottom` worst departments by their value in the
   * last period that has values; 'all': every department given, in input order (a department's own page).
   */
  pick?: 'top-bottom' | 'all';
  top?: number;
  bottom?: number;
}

export interface TrendLinesLabels {
  cityAverage: string;
  /** Axis name of the value axis (e.g. 总分). */
  value?: string;
  /** Shown for each period on the category axis; defaults to the period itself. */
  periodLabels?: readonly string[];
  empty: string;
}

export interface TrendLinesDrawOptions {
  /**
   * 'wrap' (default): every name shown, the plot moved down for the rows it needs (print);
   * 'scroll': one row that pages through the names (a dashboard card).
   */
  legend?: 'wrap' | 'scroll';
}

export type TrendLinesOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | TitleComponentOption>;

export const trendLinesParts: EChartsParts = [LineChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent];

/** Greens for the best, reds for the worst: darker is more extreme. */
const TOP_COLORS = ['#13703f', '#2e9d5b', '#62bd86', '#93d3ab', '#b9e3c8'];
const BOTTOM_COLORS = ['#b42323', '#d9534f', '#ec8a6c', '#f2b09a', '#f6cdbf'];
const DEPARTMENT_COLORS = [BRAND_COLOR, '#e09b14', '#7b4fc4', '#1a9aa0', '#c2407a', '#6d8c1f'];

function normalise(values: readonly (number | null)[], length: number): (number | null)[] {
  return Array.from({ length }, (_, i) => {
    const v = values[i];
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
  });
}

export function buildTrendLinesModel(input: TrendLinesInput, options: TrendLinesOptions = {}): TrendLinesModel {
  const periods = [...input.periods];
  const n = periods.length;
  const city = input.city ? normalise(input.city, n) : null;
  const departments = input.departments.map((d) => ({ dept: d.dept, name: d.name, values: normalise(d.values, n) }));
  let lines: TrendLine[];

  if ((options.pick ?? 'top-bottom') === 'all') {
    lines = departments.map((d) => ({ ...d, role: 'department' as const }));
  } else {
    // The latest period in which any department has a value decides who is top and bottom.
    let last = -1;
    for (let i = n - 1; i >= 0 && last < 0; i--) if (departments.some((d) => d.values[i] !== null)) last = i;
    const ranked =
      last < 0
        ? []
        : departments
            .filter((d) => d.values[last] !== null)
            .sort((a, b) => (b.values[last] as number) - (a.values[last] as number) || compareCodes(a.dept, b.dept));
    const top = ranked.slice(0, Math.max(0, options.top ?? 3));
    const chosen = new Set(top.map((d) => d.dept));
    // Worst first; equal values by code, like the ranking.
    const bottom = ranked
      .filter((d) => !chosen.has(d.dept))
      .sort((a, b) => (a.values[last] as number) - (b.values[last] as number) || compareCodes(a.dept, b.dept))
      .slice(0, Math.max(0, options.bottom ?? 3));
    lines = [...top.map((d) => ({ ...d, role: 'top' as const })), ...bottom.map((d) => ({ ...d, role: 'bottom' as const }))];
  }

  const hasCity = city !== null && city.some((v) => v !== null);
  const hasLines = lines.some((l) => l.values.some((v) => v !== null));
  return { periods, city: hasCity ? city : null, lines, empty: n === 0 || (!hasCity && !hasLines) };
}

export function buildTrendLinesOption(
  model: TrendLinesModel,
  labels: TrendLinesLabels,
  style?: ChartStyle,
  options: TrendLinesDrawOptions = {},
): TrendLinesOption {
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };

  const counters: Record<TrendRole, number> = { top: 0, bottom: 0, department: 0 };
  const palette: Record<TrendRole, string[]> = { top: TOP_COLORS, bottom: BOTTOM_COLORS, department: DEPARTMENT_COLORS };
  const series: LineSeriesOption[] = [];
  if (model.city) {
    series.push({
      type: 'line',
      name: labels.cityAverage,
      data: model.city,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: fontSize * 0.6,
      z: 3,
      itemStyle: { color: CITY_AVERAGE_COLOR },
      lineStyle: { color: CITY_AVERAGE_COLOR, width: 3, type: 'dashed' },
    });
  }
  for (const line of model.lines) {
    const colors = palette[line.role];
    const color = colors[counters[line.role]++ % colors.length];
    series.push({
      type: 'line',
      name: line.name,
      data: line.values,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: fontSize * 0.45,
      itemStyle: { color },
      lineStyle: { color, width: line.role === 'department' ? 2.5 : 1.8 },
    });
  }

  const scroll = options.legend === 'scroll';
  // A rough row count for a wrapped legend: about four names a row.
  const legendRows = scroll ? 1 : Math.max(1, Math.ceil(series.length / 4));
  const axisName = labels.value ? fontSize * 1.6 : 0;
  return {
    ...baseOption(style),
    legend: { top: 0, type: scroll ? 'scroll' : 'plain', itemWidth: fontSize * 1.6, itemHeight: fontSize * 0.7 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? String(value) : '—') },
    grid: {
      left: 8,
      right: 24,
      top: legendRows * fontSize * 1.7 + fontSize + axisName,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: labels.periodLabels ? [...labels.periodLabels] : model.periods,
      axisLabel: { fontSize: fontSize - 1 },
    },
    yAxis: { type: 'value', scale: true, max: 100, name: labels.value, axisLabel: { fontSize: fontSize - 1 }, splitLine: { lineStyle: { type: 'dashed' } } },
    series,
  };
}
