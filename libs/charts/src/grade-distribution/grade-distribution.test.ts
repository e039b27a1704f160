import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GRADE_COLORS, NO_GRADE_COLOR } from '../common/grades';
import { buildGradeDistributionModel, buildGradeDistributionOption } from './grade-distribution';

const labels = { grades: { A: 'A 优秀', B: 'B 良好', C: 'C 合格', D: 'D 不合格' }, noData: '无数据', empty: '暂无数据' };

describe('grade distribution', () => {
  it('keeps all four grades in order, zeros included, with shares', () => {
    const model = buildGradeDistributionModel({ counts: { D: 1, A: 3, C: 0 } });
    expect(model.slices.map((s) => [s.grade, s.count, s.share])).toEqual([
      ['A', 3, 75],
      ['B', 0, 0],
      ['C', 0, 0],
      ['D', 1, 25],
    ]);
    expect(model.total).toBe(4);
  });

  it('adds a grey no-data slice only when there are departments without data', () => {
    expect(buildGradeDistributionModel({ counts: { A: 1 }, noData: 0 }).slices).toHaveLength(4);
    const model = buildGradeDistributionModel({ counts: { A: 1, B: 1 }, noData: 1 });
    expect(model.slices[4]).toEqual({ grade: null, count: 1, share: 33.3, color: NO_GRADE_COLOR });
  });

  it('colours the donut by grade and hides labels of empty slices', () => {
    const option = buildGradeDistributionOption(buildGradeDistributionModel({ counts: { A: 2, B: 5, C: 0, D: 1 } }), labels);
    const data = (option.series as PieSeriesOption[])[0].data as { name: string; value: number; itemStyle: { color: string }; label: { show: boolean } }[];
    expect(data.map((d) => d.name)).toEqual(['A 优秀', 'B 良好', 'C 合格', 'D 不合格']);
    expect(data.map((d) => d.value)).toEqual([2, 5, 0, 1]);
    expect(data.map((d) => d.itemStyle.color)).toEqual([GRADE_COLORS.A, GRADE_COLORS.B, GRADE_COLORS.C, GRADE_COLORS.D]);
    expect(data.map((d) => d.label.show)).toEqual([true, true, false, true]);
  });

  it('draws bars on request', () => {
    const option = buildGradeDistributionOption(buildGradeDistributionModel({ counts: { A: 2, B: 5, C: 3, D: 1 }, noData: 2 }), labels, undefined, { kind: 'bar' });
    expect((option.xAxis as { data: string[] }).data).toEqual(['A 优秀', 'B 良好', 'C 合格', 'D 不合格', '无数据']);
    const data = (option.series as BarSeriesOption[])[0].data as { value: number; itemStyle: { color: string } }[];
    expect(data.map((d) => d.value)).toEqual([2, 5, 3, 1, 2]);
    expect(data[4].itemStyle.color).toBe(NO_GRADE_COLOR);
  });

  it('leaves the legend out on request and centres the donut', () => {
    const option = buildGradeDistributionOption(buildGradeDistributionModel({ counts: { A: 1 } }), labels, undefined, { legend: false });
    expect(option.legend).toBeUndefined();
    expect((option.series as PieSeriesOption[])[0].center).toEqual(['50%', '50%']);
  });

  it('ignores negative and fractional noise, and is empty with nothing to count', () => {
    expect(buildGradeDistributionModel({ counts: { A: -2, B: 1.7 } }).slices.map((s) => s.count)).toEqual([0, 1, 0, 0]);
    const empty = buildGradeDistributionModel({ counts: {} });
    expect(empty.empty).toBe(true);
    expect(buildGradeDistributionOption(empty, labels)).toMatchObject({ title: { text: '暂无数据' } });
  });
});
