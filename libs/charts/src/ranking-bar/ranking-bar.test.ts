import { describe, expect, it } from 'vitest';
import type { BarSeriesOption } from 'echarts/charts';
import { GRADE_COLORS, NO_GRADE_COLOR } from '../common/grades';
import { buildRankingBarModel, buildRankingBarOption, rankingBarHeight, type RankingBarInput, type RankingBarLabels } from './ranking-bar';

const labels: RankingBarLabels = {
  total: '总分',
  grades: { A: 'A 优秀', B: 'B 良好', C: 'C 合格', D: 'D 不合格' },
  cityAverage: '全市平均',
  empty: '暂无数据',
};

// In record order but shuffled, with a tie (rank 2, 2) and an unranked department.
const departments: RankingBarInput[] = [
  { dept: 'CAB', name: '市民政局', total: 72.5, rank: 4, grade: 'C' },
  { dept: 'PSB', name: '市公安局', total: 96.3, rank: 1, grade: 'A' },
  { dept: 'ZZZ', name: '无数据局', total: null, rank: null, grade: null },
  { dept: 'HRSS', name: '市人社局', total: 85, rank: 2, grade: 'B' },
  { dept: 'FIN', name: '市财政局', total: 85, rank: 2, grade: 'B' },
  { dept: 'JUS', name: '市司法局', total: 41, rank: 5, grade: 'D' },
];

describe('ranking bar', () => {
  it('orders ranked departments by rank then code and sets unranked aside', () => {
    const model = buildRankingBarModel(departments, { cityAverage: 75.96 });
    expect(model.rows.map((r) => r.dept)).toEqual(['PSB', 'FIN', 'HRSS', 'CAB', 'JUS']);
    expect(model.unranked).toEqual([{ dept: 'ZZZ', name: '无数据局' }]);
    expect(model.rows.map((r) => r.color)).toEqual([GRADE_COLORS.A, GRADE_COLORS.B, GRADE_COLORS.B, GRADE_COLORS.C, GRADE_COLORS.D]);
    expect(model.empty).toBe(false);
  });

  it('draws one series per grade in its colour, each bar exactly once, best at the top', () => {
    const option = buildRankingBarOption(buildRankingBarModel(departments, { cityAverage: 75.96 }), labels);
    const series = option.series as BarSeriesOption[];
    expect(series.map((s) => s.name)).toEqual(['A 优秀', 'B 良好', 'C 合格', 'D 不合格']);
    expect(series.map((s) => (s.itemStyle as { color: string }).color)).toEqual([GRADE_COLORS.A, GRADE_COLORS.B, GRADE_COLORS.C, GRADE_COLORS.D]);
    expect(series[0].data).toEqual([96.3, null, null, null, null]);
    expect(series[1].data).toEqual([null, 85, 85, null, null]);
    expect(series[3].data).toEqual([null, null, null, null, 41]);
    // Every category has exactly one non-null value across the series.
    for (let i = 0; i < 5; i++) expect(series.filter((s) => (s.data as unknown[])[i] !== null)).toHaveLength(1);
    expect(series.every((s) => s.stack === 'ranking')).toBe(true);

    const yAxis = option.yAxis as { data: string[]; inverse: boolean };
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data).toEqual(['1. 市公安局', '2. 市财政局', '2. 市人社局', '4. 市民政局', '5. 市司法局']);
    expect(option.legend).toMatchObject({ data: ['A 优秀', 'B 良好', 'C 合格', 'D 不合格'] });
  });

  it('draws the city average once, as a line on the first series', () => {
    const option = buildRankingBarOption(buildRankingBarModel(departments, { cityAverage: 75.96 }), labels);
    const series = option.series as BarSeriesOption[];
    expect(series[0].markLine).toMatchObject({ data: [{ xAxis: 75.96 }] });
    expect(series.slice(1).some((s) => s.markLine)).toBe(false);
    const noAverage = buildRankingBarOption(buildRankingBarModel(departments), labels);
    expect((noAverage.series as BarSeriesOption[]).some((s) => s.markLine)).toBe(false);
  });

  it('writes totals with two decimals, as the ranking table does', () => {
    const option = buildRankingBarOption(buildRankingBarModel(departments, { cityAverage: 75.9 }), labels);
    const series = option.series as BarSeriesOption[];
    const label = series[1].label as { formatter: (p: { value?: unknown }) => string };
    expect(label.formatter({ value: 85 })).toBe('85.00');
    expect(label.formatter({ value: 96.3 })).toBe('96.30');
    expect((series[0].markLine as { label: { formatter: string } }).label.formatter).toMatch(/ 75\.90$/);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ name: '1. 市<公安>局', seriesName: 'A 优秀', value: 96.3 })).toBe('1. 市&#60;公安&#62;局<br/>A 优秀：96.30');
  });

  it('keeps a ranked department without a grade visible in grey', () => {
    const option = buildRankingBarOption(buildRankingBarModel([{ dept: 'X', name: 'X', total: 50, rank: 1, grade: null }]), { ...labels, noGrade: '未定级' });
    const series = option.series as BarSeriesOption[];
    expect(series).toHaveLength(5);
    expect(series[4]).toMatchObject({ name: '未定级', data: [50], itemStyle: { color: NO_GRADE_COLOR } });
  });

  it('limits to the first N', () => {
    expect(buildRankingBarModel(departments, { limit: 2 }).rows.map((r) => r.dept)).toEqual(['PSB', 'FIN']);
  });

  it('shows a message instead of axes when nothing is ranked', () => {
    for (const input of [[], [departments[2]]]) {
      const model = buildRankingBarModel(input);
      expect(model.empty).toBe(true);
      const option = buildRankingBarOption(model, labels);
      expect(option.series).toBeUndefined();
      expect(option.title).toMatchObject({ text: '暂无数据' });
    }
  });

  it('grows with the number of departments', () => {
    const model = buildRankingBarModel(departments);
    expect(rankingBarHeight(model)).toBeGreaterThanOrEqual(240);
    expect(rankingBarHeight({ rows: new Array(40).fill(model.rows[0]) })).toBeGreaterThan(rankingBarHeight(model));
    expect(rankingBarHeight({ rows: new Array(40).fill(model.rows[0]) }, { fontSize: 18 })).toBeGreaterThan(
      rankingBarHeight({ rows: new Array(40).fill(model.rows[0]) }),
    );
  });
});
