import { describe, expect, it } from 'vitest';
import type { HeatmapSeriesOption } from 'echarts/charts';
import { GRADE_COLORS, NO_GRADE_COLOR } from '../common/grades';
import type { SharingNetworkInput } from '../sharing-network/sharing-network';
import { buildSharingMatrixModel, buildSharingMatrixOption, NO_RATE, sharingMatrixHeight, shortDeptName, type SharingMatrixLabels } from './sharing-matrix';

const input: SharingNetworkInput = {
  nodes: [
    { dept: 'PSB', name: '市公安局', category: '社会管理', requestsReceived: 50, isolated: false },
    { dept: 'CAB', name: '市民政局', category: '社会管理', requestsReceived: 10, isolated: false },
    { dept: 'FIN', name: '市财政局', category: '经济调节', requestsReceived: 0, isolated: false },
    { dept: 'NRB', name: '市规划和自然资源局', category: null, requestsReceived: 0, isolated: true },
  ],
  edges: [
    { from: 'CAB', to: 'PSB', requests: 40, settled: 38, onTimeRate: 95 },
    { from: 'FIN', to: 'PSB', requests: 10, settled: 0, onTimeRate: null },
    { from: 'PSB', to: 'CAB', requests: 0, settled: 2, onTimeRate: 50 },
    { from: 'PSB', to: 'PSB', requests: 3, onTimeRate: 100 },
    { from: 'PSB', to: 'GONE', requests: 3, onTimeRate: 100 },
    { from: 'FIN', to: 'CAB', requests: 0, settled: 0, onTimeRate: null },
  ],
};

const labels: SharingMatrixLabels = {
  requester: '申请方',
  provider: '提供方',
  bands: { good: '≥90%', fair: '60–90%', poor: '<60%', unknown: '尚无办结' },
  requests: '本期提交',
  onTimeRate: '按时答复率',
  settled: '件已办结',
  empty: '暂无数据',
};

function city(count: number): SharingNetworkInput {
  const nodes = Array.from({ length: count }, (_, i) => ({
    dept: `D${String(i).padStart(3, '0')}`,
    name: `市第${i}局`,
    category: i % 2 ? '甲' : '乙',
    requestsReceived: 1,
    isolated: false,
  }));
  const edges = nodes.map((n, i) => ({ from: n.dept, to: nodes[(i + 1) % count].dept, requests: 2, settled: 2, onTimeRate: 100 }));
  return { nodes, edges };
}

describe('sharing matrix', () => {
  it('shortens names for the axes, dropping the city prefix only when it must', () => {
    expect(shortDeptName('市公安局')).toBe('市公安局');
    expect(shortDeptName('市规划和自然资源局')).toBe('规划和自…');
    expect(shortDeptName('市财政局办公室', 5)).toBe('财政局办公…');
    expect(shortDeptName('Public Security Bureau', 6)).toBe('Public…');
  });

  it('orders departments by category then code and keeps pairs with requests submitted or settled', () => {
    const model = buildSharingMatrixModel(input);
    expect(model.departments.map((d) => d.dept)).toEqual(['CAB', 'PSB', 'FIN', 'NRB']);
    expect(model.departments.map((d) => d.short)).toEqual(['市民政局', '市公安局', '市财政局', '规划和自…']);
    const at = (dept: string) => model.departments.findIndex((d) => d.dept === dept);
    expect(model.cells.map((c) => [model.departments[c.row].dept, model.departments[c.column].dept, c.band])).toEqual([
      ['CAB', 'PSB', 'good'],
      ['PSB', 'CAB', 'poor'],
      ['FIN', 'PSB', 'unknown'],
    ]);
    expect(model.cells[0]).toMatchObject({ row: at('CAB'), column: at('PSB'), requests: 40, settled: 38, onTimeRate: 95 });
  });

  it('draws requesters down and providers across, coloured by on-time band, with full names in tooltips', () => {
    const model = buildSharingMatrixModel(input);
    const option = buildSharingMatrixOption(model, labels);
    const series = (option.series as HeatmapSeriesOption[])[0];
    expect(series.data).toEqual([
      [1, 0, 95],
      [0, 1, 50],
      [1, 2, NO_RATE],
    ]);
    expect(option.yAxis).toMatchObject({ name: '申请方', inverse: true, data: ['市民政局', '市公安局', '市财政局', '规划和自…'] });
    expect(option.xAxis).toMatchObject({ name: '提供方', data: ['市民政局', '市公安局', '市财政局', '规划和自…'] });
    const pieces = (option.visualMap as { pieces: { gte?: number; lt?: number; color: string; label: string }[] }).pieces;
    expect(pieces.map((p) => [p.label, p.color])).toEqual([
      ['≥90%', GRADE_COLORS.A],
      ['60–90%', GRADE_COLORS.C],
      ['<60%', GRADE_COLORS.D],
      ['尚无办结', NO_GRADE_COLOR],
    ]);
    // NO_RATE falls in the last piece only.
    expect(pieces.filter((p) => (p.gte === undefined || NO_RATE >= p.gte) && (p.lt === undefined || NO_RATE < p.lt))).toHaveLength(1);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ dataIndex: 0 })).toBe('市民政局 → 市公安局<br/>本期提交：40<br/>按时答复率：95%（38 件已办结）');
    expect(formatter({ dataIndex: 2 })).toBe('市财政局 → 市公安局<br/>本期提交：10<br/>按时答复率：—（0 件已办结）');
    expect(option.dataZoom).toBeUndefined();
  });

  it('scrolls both axes beyond the window, so 100 departments keep readable cells', () => {
    const model = buildSharingMatrixModel(city(100));
    expect(model.cells).toHaveLength(100);
    const option = buildSharingMatrixOption(model, labels, undefined, { window: 25 });
    const zooms = option.dataZoom as { type: string; xAxisIndex?: number; yAxisIndex?: number; startValue: number; endValue: number }[];
    expect(zooms.filter((z) => z.type === 'slider').map((z) => (z.xAxisIndex !== undefined ? 'x' : 'y'))).toEqual(['x', 'y']);
    for (const z of zooms) expect([z.startValue, z.endValue]).toEqual([0, 24]);
    expect((option.xAxis as { axisLabel: { interval: number } }).axisLabel.interval).toBe(0);
    // The card is sized for the window, not for all hundred rows.
    expect(sharingMatrixHeight(model, undefined, { window: 25 })).toBeLessThan(sharingMatrixHeight(model, undefined, { window: 100 }) / 2);
    expect(sharingMatrixHeight(model, { fontSize: 16 }, { window: 25 })).toBeGreaterThan(sharingMatrixHeight(model, undefined, { window: 25 }));
  });

  it('is empty without any pair', () => {
    const model = buildSharingMatrixModel({ nodes: input.nodes, edges: [] });
    expect(model.empty).toBe(true);
    expect(buildSharingMatrixOption(model, labels)).toMatchObject({ title: { text: '暂无数据' } });
  });
});
