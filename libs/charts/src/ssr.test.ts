// The server renders these same options to SVG for the PDF bulletin: every chart must draw under
// ECharts' server-side rendering (no DOM) with only its own parts registered.
import { describe, expect, it } from 'vitest';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import {
  buildDeptHeatmapModel,
  buildDeptHeatmapOption,
  buildDimensionRadarModel,
  buildDimensionRadarOption,
  buildPointsLostWaterfallModel,
  buildPointsLostWaterfallOption,
  buildRankingBarModel,
  buildRankingBarOption,
  buildSharingMatrixModel,
  buildSharingMatrixOption,
  buildSharingNetworkModel,
  buildSharingNetworkOption,
  buildTrendLinesModel,
  buildTrendLinesOption,
  deptHeatmapParts,
  dimensionRadarParts,
  pointsLostWaterfallParts,
  GRADE_COLORS,
  rankingBarParts,
  sharingMatrixParts,
  sharingNetworkParts,
  trendLinesParts,
  type EChartsParts,
} from './index';

const grades = { A: 'A 优秀', B: 'B 良好', C: 'C 合格', D: 'D 不合格' };

function renderSvg(parts: EChartsParts, option: EChartsCoreOption): string {
  use([...parts, SVGRenderer]);
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: 800, height: 500 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

describe('server-side SVG rendering', () => {
  it('ranking bar', () => {
    const model = buildRankingBarModel(
      [
        { dept: 'PSB', name: '市公安局', total: 96.3, rank: 1, grade: 'A' },
        { dept: 'CAB', name: '市民政局', total: 55, rank: 2, grade: 'D' },
        { dept: 'X', name: '无数据', total: null, rank: null, grade: null },
      ],
      { cityAverage: 75.65 },
    );
    const svg = renderSvg(
      rankingBarParts,
      buildRankingBarOption(model, { total: '总分', grades, cityAverage: '全市平均', empty: '暂无数据' }, { animation: false }),
    );
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('市公安局');
    expect(svg).not.toContain('无数据');
    expect(svg.toLowerCase()).toContain(GRADE_COLORS.A.toLowerCase());
    expect(svg.toLowerCase()).toContain(GRADE_COLORS.D.toLowerCase());
  });

  it('trend lines with gaps', () => {
    const model = buildTrendLinesModel(
      { periods: ['2026-09', '2026-10'], city: [80, null], departments: [{ dept: 'A', name: '甲局', values: [null, 90] }] },
      { pick: 'all' },
    );
    const svg = renderSvg(trendLinesParts, buildTrendLinesOption(model, { cityAverage: '全市平均', empty: '暂无数据' }, { animation: false }));
    expect(svg).toContain('甲局');
    expect(svg).toContain('2026-10');
  });

  it('heatmap', () => {
    const model = buildDeptHeatmapModel({
      months: ['2026-09', '2026-10'],
      departments: [
        { dept: 'A', name: '甲局', totals: [95, null] },
        { dept: 'B', name: '乙局', totals: [50, 70] },
      ],
    });
    const svg = renderSvg(deptHeatmapParts, buildDeptHeatmapOption(model, { grades, empty: '暂无数据' }, { animation: false }));
    expect(svg).toContain('乙局');
    expect(svg.toLowerCase()).toContain(GRADE_COLORS.D.toLowerCase());
  });

  it('radar with an N/A dimension', () => {
    const model = buildDimensionRadarModel({
      department: { timeliness: null, completeness: 80, response: 90 },
      city: { timeliness: 70, completeness: 75, response: 85 },
    });
    const svg = renderSvg(
      dimensionRadarParts,
      buildDimensionRadarOption(
        model,
        {
          dimensions: { timeliness: '及时性', completeness: '完整性', response: '响应' },
          department: '甲局',
          cityAverage: '全市平均',
          notApplicable: '不适用',
          empty: '暂无数据',
        },
        { animation: false },
      ),
    );
    expect(svg).toContain('不适用');
  });

  it('sharing network, force and circular', () => {
    const model = buildSharingNetworkModel({
      nodes: [
        { dept: 'A', name: '甲局', category: '社会管理', requestsReceived: 10, isolated: false },
        { dept: 'B', name: '乙局', category: '公共服务', requestsReceived: 2, isolated: false },
        { dept: 'C', name: '丙局', category: null, requestsReceived: 0, isolated: true },
      ],
      edges: [{ from: 'B', to: 'A', requests: 10, onTimeRate: 50 }],
    });
    const labels = {
      category: (c: string | null) => c ?? '其他',
      isolated: '孤立部门',
      bands: { good: '按时率≥90%', fair: '60%–90%', poor: '<60%', unknown: '无已办结' },
      requestsReceived: '收到申请',
      requests: '申请',
      onTimeRate: '按时率',
      empty: '暂无数据',
    };
    for (const layout of ['force', 'circular'] as const) {
      const svg = renderSvg(sharingNetworkParts, buildSharingNetworkOption(model, labels, { animation: false }, { layout }));
      expect(svg).toContain('孤立部门');
      expect(svg).toContain('按时率≥90%');
    }
    const matrix = renderSvg(
      sharingMatrixParts,
      buildSharingMatrixOption(
        buildSharingMatrixModel({ nodes: model.nodes.map((n) => ({ ...n, category: null })), edges: [{ from: 'B', to: 'A', requests: 10, onTimeRate: 50 }] }),
        { requester: '申请方', provider: '提供方', bands: labels.bands, requests: '申请', onTimeRate: '按时率', settled: '件已办结', empty: '暂无数据' },
        { animation: false },
      ),
    );
    expect(matrix).toContain('申请方');
    expect(matrix).toContain('乙局');
  });

  it('points-lost waterfall, with an N/A part, and the empty message', () => {
    const labels = {
      start: '满分',
      total: '总分',
      parts: { timeliness: '及时性', completeness: '完整性', requests: '申请答复', objections: '异议处理', interfaces: '接口调用' },
      notApplicable: '不适用',
      empty: '暂无数据',
    };
    const model = buildPointsLostWaterfallModel({
      pointsLost: { total: 3.7, timeliness: 2.29, completeness: 0.29, requests: 0, objections: null, interfaces: 1.13 },
    });
    const svg = renderSvg(pointsLostWaterfallParts, buildPointsLostWaterfallOption(model, labels, { animation: false }));
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('满分');
    expect(svg).toContain('−2.29');
    expect(svg).toContain('96.3');
    expect(svg).toContain('不适用：异议处理');
    const empty = buildPointsLostWaterfallOption(buildPointsLostWaterfallModel({ pointsLost: null }), labels, { animation: false });
    expect(renderSvg(pointsLostWaterfallParts, empty)).toContain('暂无数据');
  });
});
