import { describe, expect, it } from 'vitest';
import type { HeatmapSeriesOption } from 'echarts/charts';
import { GRADE_COLORS } from '../common/grades';
import { buildDeptHeatmapModel, buildDeptHeatmapOption, deptHeatmapHeight } from './dept-heatmap';

const input = {
  months: ['2026-08', '2026-09', '2026-10'],
  departments: [
    { dept: 'B', name: '乙', totals: [70, 75, 80] },
    { dept: 'A', name: '甲', totals: [90, null, 80] },
    { dept: 'C', name: '丙', totals: [null, 60, null] },
    { dept: 'D', name: '丁', totals: [50, 55, 95] },
  ],
};
const labels = { grades: { A: 'A ≥90', B: 'B ≥80', C: 'C ≥60', D: 'D <60' }, empty: '暂无数据' };

describe('department x month heatmap', () => {
  it('orders rows by the last month, ties by code, missing values last', () => {
    const model = buildDeptHeatmapModel(input);
    expect(model.rows.map((r) => r.dept)).toEqual(['D', 'A', 'B', 'C']);
  });

  it('keeps the input order on request', () => {
    expect(buildDeptHeatmapModel(input, { order: 'input' }).rows.map((r) => r.dept)).toEqual(['B', 'A', 'C', 'D']);
  });

  it('draws a cell per known total and none for a missing one', () => {
    const model = buildDeptHeatmapModel(input, { order: 'input' });
    expect(model.cells).toEqual([
      [0, 0, 70],
      [1, 0, 75],
      [2, 0, 80],
      [0, 1, 90],
      [2, 1, 80],
      [1, 2, 60],
      [0, 3, 50],
      [1, 3, 55],
      [2, 3, 95],
    ]);
    const option = buildDeptHeatmapOption(model, labels);
    expect((option.series as HeatmapSeriesOption[])[0].data).toEqual(model.cells);
    expect((option.yAxis as { data: string[] }).data).toEqual(['乙', '甲', '丙', '丁']);
  });

  it('colours cells by grade band with the given thresholds', () => {
    const option = buildDeptHeatmapOption(buildDeptHeatmapModel(input, { thresholds: { A: 95, B: 85, C: 70 } }), labels);
    const pieces = (option.visualMap as { pieces: { gte?: number; lt?: number; color: string; label: string }[] }).pieces;
    expect(pieces).toEqual([
      { gte: 95, color: GRADE_COLORS.A, label: 'A ≥90' },
      { gte: 85, lt: 95, color: GRADE_COLORS.B, label: 'B ≥80' },
      { gte: 70, lt: 85, color: GRADE_COLORS.C, label: 'C ≥60' },
      { lt: 70, color: GRADE_COLORS.D, label: 'D <60' },
    ]);
    expect(option.visualMap).toMatchObject({ type: 'piecewise', dimension: 2 });
  });

  it('is empty when no month has a total', () => {
    const model = buildDeptHeatmapModel({ months: ['2026-10'], departments: [{ dept: 'A', name: '甲', totals: [null] }] });
    expect(model.empty).toBe(true);
    expect(buildDeptHeatmapOption(model, labels)).toMatchObject({ title: { text: '暂无数据' } });
    expect(buildDeptHeatmapModel({ months: [], departments: [] }).empty).toBe(true);
  });

  it('sizes to the number of rows', () => {
    expect(deptHeatmapHeight(buildDeptHeatmapModel(input))).toBe(240);
    expect(deptHeatmapHeight({ rows: new Array(40).fill({ dept: 'x', name: 'x' }) })).toBeGreaterThan(600);
  });
});

describe('department x month heatmap values', () => {
  const model = buildDeptHeatmapModel(input, { order: 'input' });
  type Formatter = (params: unknown) => string;

  it('gives the department, the month and the total (two decimals) on hover', () => {
    const option = buildDeptHeatmapOption(model, { ...labels, monthLabels: ['8月', '9月', '10月'], monthTitles: ['2026年8月', '2026年9月', '2026年10月'] });
    const formatter = (option.tooltip as { formatter: Formatter }).formatter;
    expect(formatter({ data: [1, 0, 75] })).toBe('乙<br/>2026年9月：75.00');
    expect(formatter({ data: [2, 3, 95.5] })).toBe('丁<br/>2026年10月：95.50');
    const plain = buildDeptHeatmapOption(model, labels);
    expect((plain.tooltip as { formatter: Formatter }).formatter({ data: [0, 1, 90] })).toBe('甲<br/>2026-08：90.00');
  });

  it('writes the totals in the cells in large-display mode only', () => {
    const labelOf = (style?: { fontSize?: number; largeDisplay?: boolean }) =>
      (buildDeptHeatmapOption(model, labels, style).series as HeatmapSeriesOption[])[0].label as { show: boolean; formatter: Formatter; fontSize: number };
    expect(labelOf().show).toBe(false);
    expect(labelOf({ fontSize: 12 }).show).toBe(false);
    const large = labelOf({ fontSize: 16, largeDisplay: true });
    expect(large.show).toBe(true);
    expect(large.formatter({ data: [0, 0, 70] })).toBe('70.00');
    expect(large.fontSize).toBeGreaterThanOrEqual(12);
  });
});
