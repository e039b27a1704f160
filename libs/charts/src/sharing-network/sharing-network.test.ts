import { describe, expect, it } from 'vitest';
import type { GraphSeriesOption } from 'echarts/charts';
import { GRADE_COLORS, NO_GRADE_COLOR } from '../common/grades';
import {
  buildSharingNetworkModel,
  buildSharingNetworkOption,
  onTimeBand,
  onTimeColor,
  type SharingNetworkInput,
  type SharingNetworkLabels,
} from './sharing-network';

const input: SharingNetworkInput = {
  nodes: [
    { dept: 'PSB', name: '市公安局', category: '社会管理', requestsReceived: 100, isolated: false },
    { dept: 'CAB', name: '市民政局', category: '社会管理', requestsReceived: 25, isolated: false },
    { dept: 'FIN', name: '市财政局', category: '经济调节', requestsReceived: 0, isolated: false },
    { dept: 'WRB', name: '市水利局', category: '生态环境保护', requestsReceived: 0, isolated: true },
    { dept: 'OTH', name: '其他局', category: null, requestsReceived: 4, isolated: false },
  ],
  edges: [
    { from: 'CAB', to: 'PSB', requests: 40, onTimeRate: 95 },
    { from: 'FIN', to: 'PSB', requests: 10, onTimeRate: 59.99 },
    { from: 'PSB', to: 'CAB', requests: 10, onTimeRate: 60 },
    { from: 'PSB', to: 'OTH', requests: 4, onTimeRate: null },
    { from: 'PSB', to: 'GONE', requests: 3, onTimeRate: 100 },
    { from: 'PSB', to: 'PSB', requests: 3, onTimeRate: 100 },
  ],
};

const labels: SharingNetworkLabels = {
  category: (c) => c ?? '未分类',
  isolated: '孤立部门',
  bands: { good: '≥90%', fair: '60–90%', poor: '<60%', unknown: '无已办结申请' },
  requestsReceived: '收到申请',
  requests: '申请数',
  onTimeRate: '按时率',
  empty: '暂无数据',
};

describe('sharing network', () => {
  it('bands the on-time rate with inclusive lower bounds', () => {
    expect([95, 90, 89.99, 60, 59.99, 0, null].map(onTimeBand)).toEqual(['good', 'good', 'fair', 'fair', 'poor', 'poor', 'unknown']);
    expect(onTimeColor(95)).toBe(GRADE_COLORS.A);
    expect(onTimeColor(70)).toBe(GRADE_COLORS.C);
    expect(onTimeColor(10)).toBe(GRADE_COLORS.D);
    expect(onTimeColor(null)).toBe(NO_GRADE_COLOR);
  });

  it('sizes nodes by requests received (area), in code order', () => {
    const model = buildSharingNetworkModel(input, { minNodeSize: 10, maxNodeSize: 50 });
    expect(model.nodes.map((n) => n.dept)).toEqual(['CAB', 'FIN', 'OTH', 'PSB', 'WRB']);
    const size = Object.fromEntries(model.nodes.map((n) => [n.dept, n.size]));
    expect(size.PSB).toBe(50);
    expect(size.FIN).toBe(10);
    expect(size.CAB).toBe(30); // sqrt(25/100) = 0.5
  });

  it('drops edges to unknown departments, self-loops and empty edges, and colours the rest', () => {
    const model = buildSharingNetworkModel(input);
    expect(model.edges.map((e) => [e.from, e.to, e.band])).toEqual([
      ['CAB', 'PSB', 'good'],
      ['FIN', 'PSB', 'poor'],
      ['PSB', 'CAB', 'fair'],
      ['PSB', 'OTH', 'unknown'],
    ]);
    const widest = model.edges[0];
    expect(widest.width).toBe(5);
    expect(model.edges.every((e) => e.width >= 1 && e.width <= 5)).toBe(true);
  });

  it('groups by category with the isolated group last, and marks isolated nodes', () => {
    const model = buildSharingNetworkModel(input);
    expect(model.categories).toEqual([
      { key: '社会管理', isolated: false },
      { key: '经济调节', isolated: false },
      { key: null, isolated: false },
      { key: null, isolated: true },
    ]);
    const option = buildSharingNetworkOption(model, labels);
    const series = (option.series as GraphSeriesOption[])[0];
    expect((series.categories as { name: string }[]).map((c) => c.name)).toEqual(['社会管理', '经济调节', '未分类', '孤立部门']);
    const nodes = series.data as { id: string; category: number; itemStyle?: { borderType: string } }[];
    const wrb = nodes.find((n) => n.id === 'WRB')!;
    expect(wrb.category).toBe(3);
    expect(wrb.itemStyle?.borderType).toBe('dashed');
    expect(nodes.filter((n) => n.itemStyle).map((n) => n.id)).toEqual(['WRB']);
    const links = series.links as { source: string; target: string; lineStyle: { color: string } }[];
    expect(links.map((l) => `${l.source}>${l.target}`)).toEqual(['CAB>PSB', 'FIN>PSB', 'PSB>CAB', 'PSB>OTH']);
    expect(links[0].lineStyle.color).toBe(GRADE_COLORS.A);
    expect(series.layout).toBe('force');
    expect(option.legend).toMatchObject({ data: ['社会管理', '经济调节', '未分类', '孤立部门'] });
  });

  it('explains the edge colours with a drawn legend and supports a circular layout', () => {
    const option = buildSharingNetworkOption(buildSharingNetworkModel(input), labels, undefined, { layout: 'circular' });
    expect((option.series as GraphSeriesOption[])[0].layout).toBe('circular');
    const texts = JSON.stringify(option.graphic);
    for (const text of Object.values(labels.bands)) expect(texts).toContain(text);
  });

  it('has no isolated group when nothing is isolated, and is empty without nodes', () => {
    const model = buildSharingNetworkModel({ nodes: input.nodes.filter((n) => !n.isolated), edges: [] });
    expect(model.categories.some((c) => c.isolated)).toBe(false);
    expect(model.nodes.every((n) => n.size === 14)).toBe(false);
    const empty = buildSharingNetworkModel({ nodes: [], edges: input.edges });
    expect(empty.empty).toBe(true);
    expect(empty.edges).toEqual([]);
    expect(buildSharingNetworkOption(empty, labels)).toMatchObject({ title: { text: '暂无数据' } });
  });
});
