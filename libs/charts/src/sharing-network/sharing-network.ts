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
import { baseOption, compareCodes, emptyTitle, fontSizeOf, MUTED_TEXT_COLOR, type ChartStyle } from '../common/style';

export interface NetworkNodeInput {
  dept: string;
  name: string;
  category: string | null;
  requestsReceived: number;
  isolated: boolean;
}

export interface NetworkEdgeInput {
  /** Requester. */
  from: string;
  /** Provider (the department asked for data). */
  to: string;
  requests: number;
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
  isolated: boolean;
  size: number;
}

export interface NetworkEdgeModel {
  from: string;
  to: string;
  requests: number;
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
  empty: string;
}

export interface SharingNetworkOptions {
  /** 'force' (default, the dashboard) or 'circular' (a stable picture, e.g. for print). */
  layout?: 'force' | 'circular';
  minNodeSize?: number;
  maxNodeSize?: number;
}

export type SharingNetworkOption = ComposeOption<
  GraphSeriesOption | LegendComponentOption | TooltipComponentOption | GraphicComponentOption | TitleComponentOption
>;

export const sharingNetworkParts: EChartsParts = [GraphChart, LegendComponent, TooltipComponent, GraphicComponent, TitleComponent];

const CATEGORY_COLORS = ['#2f6fd6', '#1a9aa0', '#7b4fc4', '#c2407a', '#6d8c1f', '#b86b1e', '#4d5fa8', '#2e8f6a'];
const ISOLATED_COLOR = '#d5d9e0';
const ISOLATED_BORDER = '#cf3434';

export function buildSharingNetworkModel(input: SharingNetworkInput, options: SharingNetworkOptions = {}): SharingNetworkModel {
  const minSize = options.minNodeSize ?? 14;
  const maxSize = options.maxNodeSize ?? 60;
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
    .filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to && e.requests > 0)
    .sort((a, b) => compareCodes(a.from, b.from) || compareCodes(a.to, b.to));
  const maxRequests = Math.max(1, ...edges.map((e) => e.requests));

  return {
    nodes: nodes.map((n) => ({
      dept: n.dept,
      name: n.name,
      category: n.isolated ? categories.length - 1 : categoryKeys.indexOf(n.category),
      requestsReceived: n.requestsReceived,
      isolated: n.isolated,
      size: Math.round(sizeOf(n.requestsReceived) * 10) / 10,
    })),
    edges: edges.map((e) => ({
      from: e.from,
      to: e.to,
      requests: e.requests,
      onTimeRate: e.onTimeRate,
      band: onTimeBand(e.onTimeRate),
      color: onTimeColor(e.onTimeRate),
      width: Math.round((1 + 4 * Math.sqrt(e.requests / maxRequests)) * 10) / 10,
    })),
    categories,
    empty: nodes.length === 0,
  };
}

/**
 * Departments as nodes (size: requests received; colour: category; isolated ones grey with a
 * dashed red ring), requests as arrows from requester to provider coloured by on-time rate.
 * The edge colours are explained by a small drawn legend, so the picture stands alone in print.
 */
export function buildSharingNetworkOption(
  model: SharingNetworkModel,
  labels: SharingNetworkLabels,
  style?: ChartStyle,
  options: SharingNetworkOptions = {},
): SharingNetworkOption {
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };
  const layout = options.layout ?? 'force';
  const categoryNames = model.categories.map((c) => (c.isolated ? labels.isolated : labels.category(c.key)));
  const nameOf = new Map(model.nodes.map((n) => [n.dept, n.name]));
  const colorOf = (index: number) => (model.categories[index]?.isolated ? ISOLATED_COLOR : CATEGORY_COLORS[index % CATEGORY_COLORS.length]);

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
    legend: { top: 0, data: categoryNames, itemWidth: fontSize, itemHeight: fontSize },
    tooltip: { trigger: 'item' },
    graphic: [bandLegend],
    series: [
      {
        type: 'graph',
        layout,
        roam: true,
        draggable: layout === 'force',
        top: fontSize * 3,
        bottom: (fontSize + 6) * ON_TIME_BANDS.length + 8,
        left: 16,
        right: 16,
        categories: categoryNames.map((name, i) => ({ name, itemStyle: { color: colorOf(i) } })),
        force: { repulsion: 700, edgeLength: [90, 240], gravity: 0.06, friction: 0.2, layoutAnimation: style?.animation ?? true },
        circular: { rotateLabel: false },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: [0, fontSize * 0.7],
        label: { show: true, position: 'right', fontSize: fontSize - 1, formatter: '{b}' },
        labelLayout: { hideOverlap: true },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        lineStyle: { opacity: 0.75, curveness: 0.15 },
        data: model.nodes.map((n) => ({
          id: n.dept,
          name: n.name,
          value: n.requestsReceived,
          category: n.category,
          symbolSize: n.size,
          tooltip: { formatter: `{b}<br/>${labels.requestsReceived}：{c}${n.isolated ? `<br/>${labels.isolated}` : ''}` },
          ...(n.isolated ? { itemStyle: { color: ISOLATED_COLOR, borderColor: ISOLATED_BORDER, borderType: 'dashed' as const, borderWidth: 2 } } : {}),
        })),
        links: model.edges.map((e) => ({
          source: e.from,
          target: e.to,
          value: e.requests,
          lineStyle: { color: e.color, width: e.width },
          tooltip: {
            formatter: `${nameOf.get(e.from) ?? e.from} → ${nameOf.get(e.to) ?? e.to}<br/>${labels.requests}：${e.requests}<br/>${labels.onTimeRate}：${e.onTimeRate === null ? '—' : `${e.onTimeRate}%`}`,
          },
        })),
      },
    ],
  };
}
