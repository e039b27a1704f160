import { POINTS_LOST_PARTS, type PointsLostPart } from '@app/contracts';
import type { PointsLost } from '@app/scoring';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TitleComponent,
  TooltipComponent,
  type GridComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { EChartsParts } from '../common/parts';
import { baseOption, BRAND_COLOR, emptyTitle, fontSizeOf, formatScore, MUTED_TEXT_COLOR, type ChartStyle } from '../common/style';

export interface PointsLostWaterfallInput {
  /** A department's pointsLost from the score record; null for a department with no data. */
  pointsLost: PointsLost | null;
}

export interface WaterfallStep {
  part: PointsLostPart;
  lost: number;
  /** The level before and after the step, from 100 downwards. */
  from: number;
  to: number;
}

export interface PointsLostWaterfallModel {
  /** 100 less pointsLost.total: the record's rounded total. */
  total: number;
  /** The applicable parts in the method's order. */
  steps: WaterfallStep[];
  /** Parts that are N/A (null), named beside the chart rather than drawn. */
  notApplicable: PointsLostPart[];
  empty: boolean;
}

export interface PointsLostWaterfallLabels {
  /** The first bar, e.g. 满分 / Full marks. */
  start: string;
  /** The last bar, e.g. 总分 / Total. */
  total: string;
  parts: Record<PointsLostPart, string>;
  /** Prefix of the list of N/A parts, e.g. 不适用 / Not applicable. */
  notApplicable: string;
  empty: string;
}

export type PointsLostWaterfallOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | TitleComponentOption>;

export const pointsLostWaterfallParts: EChartsParts = [BarChart, GridComponent, TooltipComponent, TitleComponent];

export const LOSS_COLOR = '#d4380d';

const cents = (x: number): number => Math.round(x * 100);

export function buildPointsLostWaterfallModel(input: PointsLostWaterfallInput): PointsLostWaterfallModel {
  const pl = input.pointsLost;
  if (!pl || !Number.isFinite(pl.total)) return { total: 0, steps: [], notApplicable: [], empty: true };
  // In hundredths, so the levels carry no binary noise.
  let level = 10000;
  const steps: WaterfallStep[] = [];
  const notApplicable: PointsLostPart[] = [];
  for (const part of POINTS_LOST_PARTS) {
    const v = pl[part];
    if (v === null || !Number.isFinite(v)) {
      notApplicable.push(part);
      continue;
    }
    const from = level;
    level = Math.max(0, level - cents(v));
    steps.push({ part, lost: cents(v) / 100, from: from / 100, to: level / 100 });
  }
  return { total: (10000 - cents(pl.total)) / 100, steps, notApplicable, empty: false };
}

/**
 * From 100 down to the total, one falling step per applicable part. The rounded parts may
 * miss the total by a cent or two (scoring.md "Points lost"); the last bar is the total itself.
 */
export function buildPointsLostWaterfallOption(
  model: PointsLostWaterfallModel,
  labels: PointsLostWaterfallLabels,
  style?: ChartStyle,
): PointsLostWaterfallOption {
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };
  const categories = [labels.start, ...model.steps.map((s) => labels.parts[s.part]), labels.total];
  const base = [0, ...model.steps.map((s) => s.to), 0];
  const bars = [
    { value: 100, itemStyle: { color: BRAND_COLOR }, label: { formatter: '100' } },
    ...model.steps.map((s) => ({ value: s.lost, itemStyle: { color: LOSS_COLOR }, label: { formatter: s.lost === 0 ? '0' : `−${formatScore(s.lost)}` } })),
    { value: model.total, itemStyle: { color: BRAND_COLOR }, label: { formatter: formatScore(model.total) } },
  ];
  const note = model.notApplicable.length > 0 ? `${labels.notApplicable}：${model.notApplicable.map((p) => labels.parts[p]).join('、')}` : null;
  return {
    ...baseOption(style),
    ...(note ? { title: { text: '', subtext: note, left: 'center', bottom: 0, subtextStyle: { color: MUTED_TEXT_COLOR, fontSize } } } : {}),
    tooltip: { trigger: 'item', formatter: '{b}' },
    grid: { left: 8, right: 8, top: fontSize * 2, bottom: note ? fontSize * 3 : 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: categories, axisTick: { show: false }, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      { type: 'bar', stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, data: base },
      {
        type: 'bar',
        stack: 'waterfall',
        barMaxWidth: fontSize * 4,
        label: { show: true, position: 'top', fontSize },
        data: bars,
      },
    ],
  };
}
