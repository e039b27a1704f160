import { RadarChart, type RadarSeriesOption } from 'echarts/charts';
import {
  LegendComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  type LegendComponentOption,
  type RadarComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { EChartsParts } from '../common/parts';
import { baseOption, BRAND_COLOR, CITY_AVERAGE_COLOR, emptyTitle, fontSizeOf, formatScore, type ChartStyle } from '../common/style';

export const DIMENSIONS = ['timeliness', 'completeness', 'response'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type DimensionScores = Record<Dimension, number | null>;

export interface DimensionRadarInput {
  department: DimensionScores;
  city: DimensionScores;
}

export interface DimensionRadarModel {
  dimensions: { key: Dimension; department: number | null; city: number | null }[];
  empty: boolean;
}

export interface DimensionRadarLabels {
  dimensions: Record<Dimension, string>;
  /** Series name of the department (its name). */
  department: string;
  cityAverage: string;
  /** Appended to a dimension that is N/A for the department, e.g. 不适用. */
  notApplicable: string;
  empty: string;
}

export type DimensionRadarOption = ComposeOption<
  RadarSeriesOption | RadarComponentOption | LegendComponentOption | TooltipComponentOption | TitleComponentOption
>;

export const dimensionRadarParts: EChartsParts = [RadarChart, RadarComponent, LegendComponent, TooltipComponent, TitleComponent];

const clean = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : v);

export function buildDimensionRadarModel(input: DimensionRadarInput): DimensionRadarModel {
  const dimensions = DIMENSIONS.map((key) => ({ key, department: clean(input.department[key]), city: clean(input.city[key]) }));
  return { dimensions, empty: dimensions.every((d) => d.department === null && d.city === null) };
}

/**
 * The department against the city average on the three dimensions (0-100). An N/A dimension is
 * drawn at the centre and named as not applicable on its axis, so the shape never hides it.
 */
export function buildDimensionRadarOption(model: DimensionRadarModel, labels: DimensionRadarLabels, style?: ChartStyle): DimensionRadarOption {
  const fontSize = fontSizeOf(style);
  if (model.empty) return { ...baseOption(style), title: emptyTitle(labels.empty, style) };
  return {
    ...baseOption(style),
    legend: { bottom: 0, data: [labels.department, labels.cityAverage] },
    tooltip: { trigger: 'item' },
    radar: {
      radius: '62%',
      center: ['50%', '48%'],
      splitNumber: 4,
      axisName: { color: '#333a47', fontSize },
      indicator: model.dimensions.map((d) => ({
        name: `${labels.dimensions[d.key]}\n${d.department === null ? labels.notApplicable : formatScore(d.department)}`,
        min: 0,
        max: 100,
      })),
    },
    series: [
      {
        type: 'radar',
        symbolSize: fontSize * 0.5,
        data: [
          {
            name: labels.department,
            value: model.dimensions.map((d) => d.department ?? 0),
            itemStyle: { color: BRAND_COLOR },
            lineStyle: { color: BRAND_COLOR, width: 2.5 },
            areaStyle: { color: BRAND_COLOR, opacity: 0.18 },
          },
          {
            name: labels.cityAverage,
            value: model.dimensions.map((d) => d.city ?? 0),
            itemStyle: { color: CITY_AVERAGE_COLOR },
            lineStyle: { color: CITY_AVERAGE_COLOR, width: 2, type: 'dashed' },
          },
        ],
      },
    ],
  };
}
