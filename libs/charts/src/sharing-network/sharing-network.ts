import { GraphChart, type GraphSeriesOption } from 'echarts/charts';
import {
  GraphicComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type GraphicComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { GRADE_COLORS, NO_GRADE_COLOR } from '../common/grades';
import type { EChartsParts } from '../common/parts';
import { baseOption, compareCodes, emptyTitle, escapeHtml, fontSizeOf, formatScore, MUTED_TEXT_COLOR, type ChartStyle } from '../common/style';
import { layoutNetwork } from './network-layout';

export interface NetworkNodeInput {
  dept: string;
  name: string;
  category: string | null;
  requestsReceived: number;
  isolated: boolean;
  /** As provider: requests settled in the period and their on-time share (0-100), for the tooltip. */
  requestsSettled?: number | null;
  onTimeRate?: number | null;
}

export interface NetworkEdgeInput {
  /** Requester. */
  from: string;
  /** Provider (the department asked for data). */
  to: string;
  /** Submitted in the period. */
  requests: number;
  /** Settled in the period (on time + late); an edge with none submitted but some settled is kept. */
  settled?: number;
  /** On-time share (0-100) of the settled requests on this edge; null when none settled. */
  onTimeRate: number | null;
}

export interface SharingNetworkInput {
  nodes: readonly NetworkNodeInput[];
  edges: readonly NetworkEdgeInput[];
}

export type OnTimeBand = 'good' | 'fair' | 'poor' | 'unknown';

/** Edge colours by on-time rate; the lower bounds are inclusive. */
export const ON_TIME_BANDS: readonly { band: OnTimeBand; min: number | null; color: string }[] = [
  { band: 'good', min: 90, color: GRADE_COLORS.A },
  { band: 'fair', min: 60, color: GRADE_COLORS.C },
  { band: 'poor', min: 0, color: GRADE_COLORS.D },
  { band: 'unknown', min: null, color: NO_GRADE_COLOR },
];

export function onTimeBand(rate: number | null | undefined): OnTimeBand {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return 'unknown';
  if (rate >= 90) return 'good';
  if (rate >= 60) return 'fair';
  return 'poor';
}

export function onTimeColor(rate: number | null | undefined): string {
  const band = onTimeBand(rate);
  return ON_TIME_BANDS.find((b) => b.band === band)!.color;
}

export interface NetworkNodeModel {
  dept: string;
  name: string;
  /** Index into `categories` (the department's category, or the isolated group). */
  category: number;
  requestsReceived: number;
  requestsSettled: number | null;
  onTimeRate: number | null;
  isolated: boolean;
  size: number;
}

export interface NetworkEdgeModel {
  from: string;
  to: string;
  requests: number;
  settled: number | null;
  onTimeRate: number | null;
  band: OnTimeBand;
  color: string;
  width: number;
}

export interface SharingNetworkModel {
  nodes: NetworkNodeModel[];
  edges: NetworkEdgeModel[];
  /** Category names in legend order; the last one is the isolated group when any node is isolated. */
  categories: { key: string | null; isolated: boolean }[];
  empty: boolean;
}

export interface SharingNetworkLabels {
  /** Legend name of a department category; `null` is the departments without one. */
  category: (category: string | null) => string;
  isolated: string;
  /** Edge legend: one phrase per on-time band, e.g. { good: '按时率 ≥90%', ... }. */
  bands: Record<OnTimeBand, string>;
  /** Tooltip words. */
  requestsReceived: string;
  requests: string;
  onTimeRate: string;
  /** "settled in the period", after a count; omit to leave the count out of tooltips. */
  settled?: string;
  empty: string;
}

export interface SharingNetworkModelOptions {
  /** Node diameters (px); by default they shrink as the department count grows past 24. */
  minNodeSize?: number;
  maxNodeSize?: number;
}

export interface SharingNetworkOptions extends SharingNetworkModelOptions {
  /** 'force' (default: clustered by category, pulled together by requests) or 'circular' (a ring by category). */
  layout?: 'force' | 'circular';
  /** Width / height of the drawing area the layout is computed for; default 2.2 (the dashboard's card). */
  aspect?: number;
  /** How many node names are written at most; the rest show on hover. Default 30. */
  maxLabels?: number;
}

export type SharingNetworkOption = ComposeOption<
  GraphSeriesOption | LegendComponentOption | TooltipComponentOption | GraphicComponentOption | TitleComponentOption
>;

export const sharingNetworkParts: EChartsParts = [GraphChart, LegendComponent, TooltipComponent, GraphicComponent, TitleComponent];

const CATEGORY_COLORS = ['#2f6fd6', '#1a9aa0', '#7b4fc4', '#c2407a', '#6d8c1f', '#b86b1e', '#4d5fa8', '#2e8f6a'];
const ISOLATED_COLOR = '#d5d9e0';
const ISOLATED_BORDER = '#cf3434';
/** Above this many departments the default node sizes shrink with the square root of the count. */
const ROOMY_COUNT = 24;
/** The layout's box height; its width follows the aspect ratio (ECharts scales the box to the drawing area). */
const LAYOUT_HEIGHT = 400;

export function buildSharingNetworkModel(input: SharingNetworkInput, options: SharingNetworkModelOptions = {}): SharingNetworkModel {
  const crowd = Math.min(1, Math.sqrt(ROOMY_COUNT / Math.max(1, input.nodes.length)));
  const minSize = options.minNodeSize ?? Math.max(8, Math.round(14 * crowd));
  const maxSize = options.maxNodeSize ?? Math.max(20, Math.round(60 * crowd));
  const nodes = [...input.nodes].sort((a, b) => compareCodes(a.dept, b.dept));
  const known = new Set(nodes.map((n) => n.dept));

  // Code-point order: the same on every machine (locale collation differs between ICU builds).
  const categoryKeys = [...new Set(nodes.filter((n) => !n.isolated).map((n) => n.category))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : compareCodes(a, b),
  );
  const categories: SharingNetworkModel['categories'] = categoryKeys.map((key) => ({ key, isolated: false }));
  const anyIsolated = nodes.some((n) => n.isolated);
  if (anyIsolated) categories.push({ key: null, isolated: true });

  const maxReceived = Math.max(0, ...nodes.map((n) => Math.max(0, n.requestsReceived)));
  // Area, not radius, proportional to requests received.
  const sizeOf = (received: number) => (maxReceived === 0 ? minSize : minSize + (maxSize - minSize) * Math.sqrt(Math.max(0, received) / maxReceived));

  const edges = input.edges
    .filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to && (e.requests > 0 || (e.settled ?? 0) > 0))
    .sort((a, b) => compareCodes(a.from, b.from) || compareCodes(a.to, b.to));
  const maxRequests = Math.max(1, ...edges.map((e) => e.requests));

  return {
    nodes: nodes.map((n) => ({
      dept: n.dept,
      name: n.name,
      category: n.isolated ? categories.length - 1 : categoryKeys.indexOf(n.category),
      requestsReceived: n.requestsReceived,
      requestsSettled: n.requestsSettled ?? null,
      onTimeRate: n.onTimeRate ?? null,
      isolated: n.isolated,
      size: Math.round(sizeOf(n.requestsReceived) * 10) / 10,
    })),
    edges: edges.map((e) => ({
      from: e.from,
      to: e.to,
      requests: e.requests,
      settled: e.settled ?? null,
      onTimeRate: e.onTimeRate,
      band: onTimeBand(e.onTimeRate),
      color: onTimeColor(e.onTimeRate),
      width: Math.round((1 + 4 * Math.sqrt(Math.max(0, e.requests) / maxRequests)) * 10) / 10,
    })),
    categories,
    empty: nodes.length === 0,
  };
}

/** Where the drawing area sits inside the chart: clear of the legend above and the band key below. */
export function sharingNetworkInsets(
  model: Pick<SharingNetworkModel, 'nodes'>,
  style?: ChartStyle,
): { top: number; bottom: number; left: number; right: number } {
  const fontSize = fontSizeOf(style);
  const radius = Math.max(0, ...model.nodes.map((n) => n.size)) / 2;
  const side = Math.ceil(radius + 8);
  return {
    top: Math.ceil(fontSize * 2.2) + side,
    bottom: (fontSize + 6) * ON_TIME_BANDS.length + 8 + side,
    left: side,
    right: side,
  };
}

const rateText = (rate: number | null) => (rate === null ? '—' : `${formatScore(rate)}%`);

/**
 * Departments as nodes (size: requests received; colour: category; isolated ones grey with a
 * dashed red ring), requests as arrows from requester to provider coloured by on-time rate.
 * Positions are computed here (layoutNetwork), so the graph is still from the first paint and
 * every node lies inside the drawing area; the category legend is a single scrolling row above
 * it and the edge-colour key is drawn below it, so the picture stands alone in print. Only the
 * largest departments' names are written (and ECharts hides those that would overlap); every
 * name shows on hover.
 */
export function buildSharingNetworkOption(
  model: SharingNetworkModel,
  labels: SharingNetworkLabels,
  style?: ChartStyle,
  options: SharingNetworkOptions = {},
): SharingNetworkOption {
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };
  const categoryNames = model.categories.map((c) => (c.isolated ? labels.isolated : labels.category(c.key)));
  const nameOf = new Map(model.nodes.map((n) => [n.dept, escapeHtml(n.name)]));
  const colorOf = (index: number) => (model.categories[index]?.isolated ? ISOLATED_COLOR : CATEGORY_COLORS[index % CATEGORY_COLORS.length]);

  const width = LAYOUT_HEIGHT * (options.aspect && options.aspect > 0 ? options.aspect : 2.2);
  const positions = layoutNetwork(
    model.nodes.map((n) => ({ id: n.dept, group: n.category, size: n.size })),
    model.edges.map((e) => ({ source: e.from, target: e.to, weight: Math.sqrt(e.requests / Math.max(1, ...model.edges.map((x) => x.requests))) })),
    { kind: options.layout ?? 'force', width, height: LAYOUT_HEIGHT },
  );
  const maxLabels = options.maxLabels ?? 30;
  const labelled = new Set(
    [...model.nodes]
      .sort((a, b) => b.size - a.size || compareCodes(a.dept, b.dept))
      .slice(0, maxLabels)
      .map((n) => n.dept),
  );
  const settledText = (count: number | null) => (labels.settled && count !== null ? `（${count} ${labels.settled}）` : '');
  const insets = sharingNetworkInsets(model, style);

  const bandLegend: GraphicComponentOption = {
    type: 'group',
    left: 8,
    bottom: 8,
    children: ON_TIME_BANDS.flatMap((b, i) => [
      { type: 'rect', shape: { x: 0, y: i * (fontSize + 6) + fontSize / 2 - 1.5, width: fontSize * 1.8, height: 3 }, style: { fill: b.color } },
      { type: 'text', x: fontSize * 2.3, y: i * (fontSize + 6), style: { text: labels.bands[b.band], fontSize: fontSize - 1, fill: MUTED_TEXT_COLOR } },
    ]),
  };

  return {
    ...baseOption(style),
    legend: {
      type: 'scroll',
      top: 0,
      left: 8,
      right: 8,
      data: categoryNames,
      itemWidth: fontSize,
      itemHeight: fontSize,
      textStyle: { fontSize: fontSize - 1 },
    },
    tooltip: { trigger: 'item', confine: true },
    graphic: [bandLegend],
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        ...insets,
        categories: categoryNames.map((name, i) => ({ name, itemStyle: { color: colorOf(i) } })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: [0, fontSize * 0.7],
        label: { show: true, fontSize: fontSize - 1, formatter: '{b}' },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency', label: { show: true }, lineStyle: { width: 4 } },
        // A dense web reads better faint; hovering a node brings its own edges forward.
        lineStyle: { opacity: model.edges.length > 60 ? 0.4 : 0.75, curveness: 0.15 },
        data: model.nodes.map((n) => {
          const p = positions.get(n.dept)!;
          return {
            id: n.dept,
            name: n.name,
            value: n.requestsReceived,
            x: p.x,
            y: p.y,
            category: n.category,
            symbolSize: n.size,
            // Names face the middle, so none runs off the side of the chart.
            label: { show: labelled.has(n.dept), position: p.x > width / 2 ? ('left' as const) : ('right' as const) },
            tooltip: {
              formatter: [
                nameOf.get(n.dept),
                `${labels.requestsReceived}：${n.requestsReceived}`,
                ...(n.onTimeRate !== null || n.requestsSettled !== null
                  ? [`${labels.onTimeRate}：${rateText(n.onTimeRate)}${settledText(n.requestsSettled)}`]
                  : []),
                ...(n.isolated ? [labels.isolated] : []),
              ].join('<br/>'),
            },
            ...(n.isolated ? { itemStyle: { color: ISOLATED_COLOR, borderColor: ISOLATED_BORDER, borderType: 'dashed' as const, borderWidth: 2 } } : {}),
          };
        }),
        links: model.edges.map((e) => ({
          source: e.from,
          target: e.to,
          value: e.requests,
          lineStyle: { color: e.color, width: e.width },
          tooltip: {
            formatter: `${nameOf.get(e.from) ?? e.from} → ${nameOf.get(e.to) ?? e.to}<br/>${labels.requests}：${e.requests}<br/>${labels.onTimeRate}：${rateText(e.onTimeRate)}${settledText(e.settled)}`,
          },
        })),
      },
    ],
  };
}
