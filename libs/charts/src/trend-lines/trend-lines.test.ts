import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts/charts';
import { buildTrendLinesModel, buildTrendLinesOption, type TrendLinesInput } from './trend-lines';

const input: TrendLinesInput = {
  periods: ['2026-08', '2026-09', '2026-10'],
  city: [80, null, 82.5],
  departments: [
    { dept: 'A1', name: '甲', values: [90, 91, 95] },
    { dept: 'B2', name: '乙', values: [70, 75, 60] },
    { dept: 'C3', name: '丙', values: [85, null, 88] },
    { dept: 'D4', name: '丁', values: [50, 55, null] },
    { dept: 'E5', name: '戊', values: [60, 65, 60] },
  ],
};
const labels = { cityAverage: '全市平均', empty: '暂无数据' };

describe('trend lines', () => {
  it('picks the best and the worst by the last period, ties by code, departments without a value there left out', () => {
    const model = buildTrendLinesModel(input, { top: 2, bottom: 2 });
    expect(model.lines.map((l) => [l.dept, l.role])).toEqual([
      ['A1', 'top'],
      ['C3', 'top'],
      ['B2', 'bottom'],
      ['E5', 'bottom'],
    ]);
  });

  it('never lists a department both as top and bottom', () => {
    const model = buildTrendLinesModel(input, { top: 3, bottom: 3 });
    const depts = model.lines.map((l) => l.dept);
    expect(new Set(depts).size).toBe(depts.length);
    expect(depts).toEqual(['A1', 'C3', 'B2', 'E5']);
  });

  it('keeps nulls as gaps and pads short series', () => {
    const model = buildTrendLinesModel(
      { periods: ['p1', 'p2', 'p3'], city: [1], departments: [{ dept: 'X', name: 'X', values: [Number.NaN, 2] }] },
      { pick: 'all' },
    );
    expect(model.city).toEqual([1, null, null]);
    expect(model.lines[0].values).toEqual([null, 2, null]);
    const series = buildTrendLinesOption(model, labels).series as LineSeriesOption[];
    expect(series.every((s) => s.connectNulls === false)).toBe(true);
  });

  it('draws the city average first, then the lines in model order', () => {
    const option = buildTrendLinesOption(buildTrendLinesModel(input, { top: 1, bottom: 1 }), { ...labels, periodLabels: ['8月', '9月', '10月'] });
    const series = option.series as LineSeriesOption[];
    expect(series.map((s) => s.name)).toEqual(['全市平均', '甲', '乙']);
    expect(series[0].data).toEqual([80, null, 82.5]);
    expect(series[1].data).toEqual([90, 91, 95]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['8月', '9月', '10月']);
    // Top in green, bottom in red: different colours.
    expect((series[1].lineStyle as { color: string }).color).not.toBe((series[2].lineStyle as { color: string }).color);
  });

  it('"all" keeps every department in input order (a department page)', () => {
    const model = buildTrendLinesModel({ ...input, departments: input.departments.slice(0, 2) }, { pick: 'all' });
    expect(model.lines.map((l) => [l.dept, l.role])).toEqual([
      ['A1', 'department'],
      ['B2', 'department'],
    ]);
  });

  it('is empty without periods or without any value', () => {
    expect(buildTrendLinesModel({ periods: [], departments: [] }).empty).toBe(true);
    const allNull = buildTrendLinesModel({ periods: ['p'], city: [null], departments: [{ dept: 'X', name: 'X', values: [null] }] });
    expect(allNull.empty).toBe(true);
    expect(allNull.city).toBeNull();
    expect(buildTrendLinesOption(allNull, labels)).toMatchObject({ title: { text: '暂无数据' } });
    expect(buildTrendLinesOption(allNull, labels).series).toBeUndefined();
  });
});

describe('trend lines legend', () => {
  it('wraps by default, leaving room for every row, or scrolls in one row', () => {
    const model = buildTrendLinesModel(input, { top: 3, bottom: 3 });
    const wrapped = buildTrendLinesOption(model, { cityAverage: '全市平均', empty: '—' });
    const scrolled = buildTrendLinesOption(model, { cityAverage: '全市平均', empty: '—' }, undefined, { legend: 'scroll' });
    expect(wrapped.legend).toMatchObject({ type: 'plain' });
    expect(scrolled.legend).toMatchObject({ type: 'scroll' });
    expect((wrapped.grid as { top: number }).top).toBeGreaterThan((scrolled.grid as { top: number }).top);
  });
});
