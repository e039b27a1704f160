import { describe, expect, it } from 'vitest';
import type { GraphSeriesOption } from 'echarts/charts';
import { GRADE_COLORS, NO_GRADE_COLOR } from '../common/grades';
import {
  buildSharingNetworkModel,
  buildSharingNetworkOption,
  onTimeBand,
  onTimeColor,
  sharingNetworkInsets,
  type SharingNetworkInput,
  type SharingNetworkLabels,
} from './sharing-network';
import { layoutNetwork } from './network-layout';

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
    expect(series.layout).toBe('none');
    expect(option.legend).toMatchObject({ type: 'scroll', data: ['社会管理', '经济调节', '未分类', '孤立部门'] });
  });

  it('explains the edge colours with a drawn legend and supports a circular layout', () => {
    const option = buildSharingNetworkOption(buildSharingNetworkModel(input), labels, undefined, { layout: 'circular' });
    const nodes = (option.series as GraphSeriesOption[])[0].data as { x: number; y: number }[];
    // On one ellipse around the middle of the layout box (400 high, 2.2 times as wide).
    const cx = 440;
    const cy = 200;
    const radii = nodes.map((n) => Math.hypot((n.x - cx) / (cx - 38), (n.y - cy) / (cy - 38)));
    for (const r of radii) expect(r).toBeCloseTo(1, 1);
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

describe('sharing network layout', () => {
  const city = (count: number): SharingNetworkInput => {
    const categories = ['社会管理', '经济调节', '公共服务', '市场监管', '生态环境保护', null];
    const nodes = Array.from({ length: count }, (_, i) => ({
      dept: `D${String(i).padStart(3, '0')}`,
      name: `第${i}局`,
      category: categories[i % categories.length],
      requestsReceived: (i * 37) % 101,
      isolated: i % 29 === 7,
    }));
    const edges = Array.from({ length: count * 3 }, (_, i) => ({
      from: nodes[(i * 7) % count].dept,
      to: nodes[(i * 13 + 5) % count].dept,
      requests: 1 + (i % 17),
      onTimeRate: (i * 11) % 100,
    }));
    return { nodes, edges };
  };
  type Node = { id: string; x: number; y: number; symbolSize: number; label: { show: boolean; position: string } };
  const seriesOf = (option: ReturnType<typeof buildSharingNetworkOption>) => (option.series as GraphSeriesOption[])[0];

  it('places every node, circle included, inside the layout box, for small and large cities and both layouts', () => {
    for (const count of [1, 2, 5, 30, 100]) {
      for (const layout of ['force', 'circular'] as const) {
        const model = buildSharingNetworkModel(city(count));
        const box = { width: 400 * 2.2, height: 400 };
        const nodes = seriesOf(buildSharingNetworkOption(model, labels, undefined, { layout })).data as Node[];
        expect(nodes).toHaveLength(count);
        for (const n of nodes) {
          const r = n.symbolSize / 2;
          expect(n.x - r, `${count} ${layout} ${n.id}`).toBeGreaterThanOrEqual(0);
          expect(n.x + r, `${count} ${layout} ${n.id}`).toBeLessThanOrEqual(box.width);
          expect(n.y - r, `${count} ${layout} ${n.id}`).toBeGreaterThanOrEqual(0);
          expect(n.y + r, `${count} ${layout} ${n.id}`).toBeLessThanOrEqual(box.height);
        }
      }
    }
  });

  it('keeps the force layout free of overlapping nodes at 100 departments, and the same on every run', () => {
    const model = buildSharingNetworkModel(city(100));
    const first = seriesOf(buildSharingNetworkOption(model, labels)).data as Node[];
    for (let i = 0; i < first.length; i++)
      for (let j = i + 1; j < first.length; j++) {
        const a = first[i];
        const b = first[j];
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} ${b.id}`).toBeGreaterThanOrEqual((a.symbolSize + b.symbolSize) / 2);
      }
    expect(seriesOf(buildSharingNetworkOption(model, labels)).data).toEqual(first);
  });

  it('leaves room for the biggest node between the drawing area and the legends', () => {
    const model = buildSharingNetworkModel(input);
    const insets = sharingNetworkInsets(model);
    const series = seriesOf(buildSharingNetworkOption(model, labels));
    expect(series).toMatchObject(insets);
    expect(insets.left).toBeGreaterThanOrEqual(30); // the largest node is 60 across
    expect(insets.top).toBeGreaterThan(insets.left);
    expect(insets.bottom).toBeGreaterThan(insets.left + 4 * 12);
  });

  it('shrinks nodes in a large city and writes only the largest names, facing the middle', () => {
    const model = buildSharingNetworkModel(city(100));
    expect(Math.max(...model.nodes.map((n) => n.size))).toBeLessThanOrEqual(30);
    const nodes = seriesOf(buildSharingNetworkOption(model, labels, undefined, { maxLabels: 20 })).data as Node[];
    expect(nodes.filter((n) => n.label.show)).toHaveLength(20);
    const smallestShown = Math.min(...nodes.filter((n) => n.label.show).map((n) => n.symbolSize));
    expect(nodes.filter((n) => !n.label.show).every((n) => n.symbolSize <= smallestShown)).toBe(true);
    for (const n of nodes) expect(n.label.position).toBe(n.x > 440 ? 'left' : 'right');
    const few = seriesOf(buildSharingNetworkOption(buildSharingNetworkModel(input), labels)).data as Node[];
    expect(few.every((n) => n.label.show)).toBe(true);
  });

  it('names departments as text in tooltips and gives settled counts when labelled', () => {
    const model = buildSharingNetworkModel({
      nodes: [
        { dept: 'A', name: '<b>甲</b>', category: null, requestsReceived: 3, isolated: false, requestsSettled: 4, onTimeRate: 75 },
        { dept: 'B', name: '乙', category: null, requestsReceived: 0, isolated: false },
      ],
      edges: [{ from: 'B', to: 'A', requests: 0, settled: 4, onTimeRate: 75 }],
    });
    expect(model.edges).toHaveLength(1);
    const series = seriesOf(buildSharingNetworkOption(model, { ...labels, settled: '件已办结' }));
    const tips = JSON.stringify([...(series.data as { tooltip: unknown }[]), ...(series.links as { tooltip: unknown }[])].map((x) => x.tooltip));
    expect(tips).not.toContain('<b>');
    expect(tips).toContain('&#60;b&#62;甲');
    expect(tips).toContain('按时率：75%（4 件已办结）');
  });
});

describe('layoutNetwork', () => {
  it('keeps circles inside the box with the margin, even when the box is small', () => {
    const nodes = [
      { id: 'A', group: 0, size: 40 },
      { id: 'B', group: 0, size: 10 },
      { id: 'C', group: 1, size: 20 },
    ];
    const positions = layoutNetwork(nodes, [{ source: 'A', target: 'B', weight: 1 }], { kind: 'force', width: 200, height: 100, margin: 5 });
    for (const n of nodes) {
      const p = positions.get(n.id)!;
      expect(p.x - n.size / 2).toBeGreaterThanOrEqual(5);
      expect(p.x + n.size / 2).toBeLessThanOrEqual(195);
      expect(p.y - n.size / 2).toBeGreaterThanOrEqual(5);
      expect(p.y + n.size / 2).toBeLessThanOrEqual(95);
    }
    expect(layoutNetwork([], [], { kind: 'force', width: 10, height: 10 }).size).toBe(0);
    expect(layoutNetwork([{ id: 'A', group: 0, size: 10 }], [], { kind: 'force', width: 100, height: 50 }).get('A')).toEqual({ x: 50, y: 25 });
  });

  it('spreads the linked departments over the box and lines the unlinked ones up on its left edge', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `D${String(i).padStart(2, '0')}`);
    const nodes = ids.map((id, i) => ({ id, group: i % 3, size: 20 }));
    const edges = ids.slice(0, 10).map((id, i) => ({ source: id, target: ids[(i + 1) % 10], weight: 1 }));
    const positions = layoutNetwork(nodes, edges, { kind: 'force', width: 880, height: 400, margin: 4 });
    const linked = ids.slice(0, 10).map((id) => positions.get(id)!);
    const inset = 10 + 4;
    expect(Math.min(...linked.map((p) => p.x))).toBeCloseTo(3 * inset);
    expect(Math.max(...linked.map((p) => p.x))).toBeCloseTo(880 - inset);
    expect(Math.min(...linked.map((p) => p.y))).toBeCloseTo(inset);
    expect(Math.max(...linked.map((p) => p.y))).toBeCloseTo(400 - inset);
    expect(ids.slice(10).map((id) => positions.get(id))).toEqual([
      { x: inset, y: inset },
      { x: inset, y: 400 - inset },
    ]);
  });
});
