import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { PointsLost } from '@app/scoring';
import {
  buildPointsLostWaterfallModel,
  buildPointsLostWaterfallOption,
  buildRankingBarModel,
  buildRankingBarOption,
  buildTrendLinesModel,
  buildTrendLinesOption,
  rankingBarHeight,
  rankingBarParts,
  trendLinesParts,
  pointsLostWaterfallParts,
  type ChartStyle,
  type RankingBarInput,
  type TrendLinesInput,
} from '@app/charts';
import { POINTS_LOST_PART_ZH } from '@app/contracts';
import { GRADE_ZH } from './report-model';

/**
 * The bulletin's charts as vector SVG, drawn by ECharts on the server
 * (`ssr: true`) from the options libs/charts builds for the dashboard, so
 * the PDF and the screen show the same charts. This file is the reports'
 * only chart step.
 */

export interface RenderedChart {
  svg: string;
  width: number;
  height: number;
}

/** Pixel width the charts are drawn at; the PDF scales them to the page. */
export const CHART_WIDTH = 720;
/** 14 px at 720 px wide prints at about 10 pt on A4. */
const STYLE: ChartStyle = { fontSize: 14, animation: false };

use([...rankingBarParts, ...trendLinesParts, ...pointsLostWaterfallParts, SVGRenderer]);

/**
 * ECharts gives labels a white halo drawn under the text with
 * `paint-order="stroke"`; the PDF's SVG renderer ignores paint-order and
 * would paint the halo over the glyphs. Print needs no halo: drop it.
 */
export function withoutTextHalo(svg: string): string {
  return svg.replace(/<text\b[^>]*>/g, (tag) =>
    tag.includes('paint-order="stroke"') ? tag.replace(/\s(?:stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, '') : tag,
  );
}

function renderSvg(option: EChartsCoreOption, width: number, height: number): RenderedChart {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return { svg: withoutTextHalo(chart.renderToSVGString()), width, height };
  } finally {
    chart.dispose();
  }
}

const GRADE_LEGEND = { A: `A ${GRADE_ZH.A}`, B: `B ${GRADE_ZH.B}`, C: `C ${GRADE_ZH.C}`, D: `D ${GRADE_ZH.D}` };

/**
 * The ranking as horizontal bars coloured by grade, with the city average;
 * `perChart` departments per chart, so a long ranking becomes several
 * charts that each fit a page.
 */
export function rankingCharts(departments: readonly RankingBarInput[], cityAverage: number | null, perChart: number): RenderedChart[] {
  const model = buildRankingBarModel(departments, { cityAverage });
  const labels = { total: '总分', grades: GRADE_LEGEND, cityAverage: '全市平均', noGrade: '未定级', empty: '本期暂无排名' };
  if (model.empty) return [renderSvg(buildRankingBarOption(model, labels, STYLE), CHART_WIDTH, 120)];
  const charts: RenderedChart[] = [];
  for (let i = 0; i < model.rows.length; i += perChart) {
    const part = { ...model, rows: model.rows.slice(i, i + perChart) };
    charts.push(renderSvg(buildRankingBarOption(part, labels, STYLE), CHART_WIDTH, rankingBarHeight(part, STYLE)));
  }
  return charts;
}

/**
 * Totals across periods with the city average: the best and worst
 * departments of the city ('top-bottom'), or the given department ('all').
 */
export function trendChart(input: TrendLinesInput, pick: 'top-bottom' | 'all'): RenderedChart {
  const model = buildTrendLinesModel(input, { pick, top: 3, bottom: 3 });
  const option = buildTrendLinesOption(model, { cityAverage: '全市平均分', value: '总分', empty: '暂无趋势数据' }, STYLE);
  return renderSvg(option, CHART_WIDTH, model.empty ? 120 : 320);
}

/** A department's waterfall from 100 down to its total, one step per part (the dashboard's chart). */
export function pointsLostChart(pointsLost: PointsLost | null): RenderedChart {
  const model = buildPointsLostWaterfallModel({ pointsLost });
  const labels = { start: '满分', total: '总分', parts: POINTS_LOST_PART_ZH, notApplicable: '不适用', empty: '本期无数据' };
  return renderSvg(buildPointsLostWaterfallOption(model, labels, STYLE), CHART_WIDTH, model.empty ? 120 : 300);
}
