import { HeatmapChart, type HeatmapSeriesOption } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { EChartsParts } from '../common/parts';
import { baseOption, compareCodes, emptyTitle, escapeHtml, fontSizeOf, formatScore, type ChartStyle } from '../common/style';
import { ON_TIME_BANDS, onTimeBand, type OnTimeBand, type SharingNetworkInput } from '../sharing-network/sharing-network';

export interface SharingMatrixDepartment {
  dept: string;
  name: string;
  /** The axis label: short enough for a column of a hundred departments. */
  short: string;
  category: string | null;
}

export interface SharingMatrixCell {
  /** Index of the requester (row) and of the provider (column) in `departments`. */
  row: number;
  column: number;
  requests: number;
  settled: number | null;
  onTimeRate: number | null;
  band: OnTimeBand;
}

export interface SharingMatrixModel {
  /** Rows and columns alike: by category (code-point order, none last), then code. */
  departments: SharingMatrixDepartment[];
  cells: SharingMatrixCell[];
  empty: boolean;
}

export interface SharingMatrixLabels {
  /** Axis names. */
  requester: string;
  provider: string;
  /** One phrase per on-time band, as in the network's key. */
  bands: Record<OnTimeBand, string>;
  /** Tooltip words. */
  requests: string;
  onTimeRate: string;
  /** "settled in the period", after a count. */
  settled: string;
  empty: string;
}

export interface SharingMatrixOptions {
  /** Characters of a department name kept on the axes; default 4. */
  shortLength?: number;
  /** Departments in view at once before the axes scroll (dataZoom); default 30. */
  window?: number;
}

export type SharingMatrixOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption | DataZoomComponentOption | TitleComponentOption
>;

export const sharingMatrixParts: EChartsParts = [
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  DataZoomSliderComponent,
  DataZoomInsideComponent,
  TitleComponent,
];

/** The value a cell is drawn with: its on-time rate, or this when nothing on it is settled yet. */
export const NO_RATE = -1;

/**
 * A department name cut for an axis: a leading 市 (every city department has it) dropped when the
 * name is too long, then at most `length` characters with an ellipsis.
 */
export function shortDeptName(name: string, length = 4): string {
  const chars = [...name.trim()];
  const body = chars.length > length && chars[0] === '市' ? chars.slice(1) : chars;
  return body.length > length ? `${body.slice(0, length).join('')}…` : body.join('');
}

export function buildSharingMatrixModel(input: SharingNetworkInput, options: SharingMatrixOptions = {}): SharingMatrixModel {
  const departments = [...input.nodes]
    .sort((a, b) => {
      if (a.category !== b.category) return a.category === null ? 1 : b.category === null ? -1 : compareCodes(a.category, b.category);
      return compareCodes(a.dept, b.dept);
    })
    .map((n) => ({ dept: n.dept, name: n.name, short: shortDeptName(n.name, options.shortLength), category: n.category }));
  const index = new Map(departments.map((d, i) => [d.dept, i]));
  const cells: SharingMatrixCell[] = [];
  for (const e of input.edges) {
    const row = index.get(e.from);
    const column = index.get(e.to);
    if (row === undefined || column === undefined || row === column || !(e.requests > 0 || (e.settled ?? 0) > 0)) continue;
    cells.push({ row, column, requests: e.requests, settled: e.settled ?? null, onTimeRate: e.onTimeRate, band: onTimeBand(e.onTimeRate) });
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { departments, cells, empty: cells.length === 0 };
}

/** A height (px) that keeps the cells of the visible window near square in the dashboard's card. */
export function sharingMatrixHeight(model: Pick<SharingMatrixModel, 'departments'>, style?: ChartStyle, options: SharingMatrixOptions = {}): number {
  const fontSize = fontSizeOf(style);
  const rows = Math.min(model.departments.length, options.window ?? 30);
  return Math.max(320, rows * Math.round(fontSize * 1.9) + fontSize * 12);
}

/**
 * Requesters down, providers across, one cell per pair that exchanged requests, coloured by the
 * on-time band of the requests settled on it. Beyond `window` departments both axes scroll
 * (sliders, wheel and drag), so a hundred departments stay legible; tooltips give full names.
 */
export function buildSharingMatrixOption(
  model: SharingMatrixModel,
  labels: SharingMatrixLabels,
  style?: ChartStyle,
  options: SharingMatrixOptions = {},
): SharingMatrixOption {
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };
  const count = model.departments.length;
  const window = Math.max(1, options.window ?? 30);
  const scroll = count > window;
  const shorts = model.departments.map((d) => d.short);
  const names = model.departments.map((d) => escapeHtml(d.name));
  const tips = model.cells.map((c) =>
    [
      `${names[c.row]} → ${names[c.column]}`,
      `${labels.requests}：${c.requests}`,
      `${labels.onTimeRate}：${c.onTimeRate === null ? '—' : `${formatScore(c.onTimeRate)}%`}${c.settled === null ? '' : `（${c.settled} ${labels.settled}）`}`,
    ].join('<br/>'),
  );
  const sliderSize = fontSize + 4;
  const bandColor = (band: OnTimeBand) => ON_TIME_BANDS.find((b) => b.band === band)!.color;
  const zoomEnd = scroll ? window - 1 : count - 1;

  return {
    ...baseOption(style),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const i = (params as { dataIndex?: number }).dataIndex;
        return typeof i === 'number' ? (tips[i] ?? '') : '';
      },
    },
    grid: {
      left: 8,
      right: scroll ? sliderSize + 12 : 8,
      top: fontSize * 2.5,
      bottom: scroll ? sliderSize + 8 : 4,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    xAxis: {
      type: 'category',
      data: shorts,
      name: labels.provider,
      nameLocation: 'middle',
      nameGap: 6,
      nameMoveOverlap: true,
      nameTextStyle: { fontWeight: 'bold' },
      splitArea: { show: true },
      axisTick: { show: false },
      axisLabel: { fontSize: fontSize - 1, interval: 0, rotate: 60, margin: 6 },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shorts,
      name: labels.requester,
      nameLocation: 'middle',
      nameGap: 6,
      nameMoveOverlap: true,
      nameTextStyle: { fontWeight: 'bold' },
      splitArea: { show: true },
      axisTick: { show: false },
      axisLabel: { fontSize: fontSize - 1, interval: 0 },
    },
    ...(scroll
      ? {
          dataZoom: [
            { type: 'slider', xAxisIndex: 0, startValue: 0, endValue: zoomEnd, height: sliderSize, bottom: 4, showDetail: false, brushSelect: false },
            { type: 'slider', yAxisIndex: 0, startValue: 0, endValue: zoomEnd, width: sliderSize, right: 4, showDetail: false, brushSelect: false },
            { type: 'inside', xAxisIndex: 0, startValue: 0, endValue: zoomEnd, zoomOnMouseWheel: false, moveOnMouseWheel: false },
            { type: 'inside', yAxisIndex: 0, startValue: 0, endValue: zoomEnd, zoomOnMouseWheel: false, moveOnMouseWheel: true },
          ],
        }
      : {}),
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      // Best band first, like every other legend.
      inverse: true,
      left: 'center',
      top: 0,
      itemWidth: fontSize + 2,
      itemHeight: fontSize - 2,
      textStyle: { fontSize: fontSize - 1 },
      pieces: [
        { gte: 90, color: bandColor('good'), label: labels.bands.good },
        { gte: 60, lt: 90, color: bandColor('fair'), label: labels.bands.fair },
        { gte: 0, lt: 60, color: bandColor('poor'), label: labels.bands.poor },
        { lt: 0, color: bandColor('unknown'), label: labels.bands.unknown },
      ],
    },
    series: [
      {
        type: 'heatmap',
        data: model.cells.map((c) => [c.column, c.row, c.onTimeRate ?? NO_RATE]),
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        label: { show: false },
      },
    ],
  };
}
