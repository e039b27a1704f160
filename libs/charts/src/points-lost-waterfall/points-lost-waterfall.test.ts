import { describe, expect, it } from 'vitest';
import type { BarSeriesOption } from 'echarts/charts';
import { BRAND_COLOR } from '../common/style';
import { buildPointsLostWaterfallModel, buildPointsLostWaterfallOption, LOSS_COLOR, type PointsLostWaterfallLabels } from './points-lost-waterfall';

const zh: PointsLostWaterfallLabels = {
  start: '满分',
  total: '总分',
  parts: { timeliness: '及时性', completeness: '完整性', requests: '申请答复', objections: '异议处理', interfaces: '接口调用' },
  notApplicable: '不适用',
  empty: '暂无数据',
};
const en: PointsLostWaterfallLabels = {
  start: 'Full marks',
  total: 'Total',
  parts: { timeliness: 'Timeliness', completeness: 'Completeness', requests: 'Requests', objections: 'Objections', interfaces: 'Interfaces' },
  notApplicable: 'Not applicable',
  empty: 'No data',
};

// PSB in the worked example: total 96.3, parts adding up to 3.71.
const PSB = { total: 3.7, timeliness: 2.29, completeness: 0.29, requests: 0, objections: null, interfaces: 1.13 };

describe('points-lost waterfall', () => {
  it('steps down from 100 by each applicable part, in the method order, and ends at the total', () => {
    const model = buildPointsLostWaterfallModel({ pointsLost: PSB });
    expect(model.total).toBe(96.3);
    expect(model.steps).toEqual([
      { part: 'timeliness', lost: 2.29, from: 100, to: 97.71 },
      { part: 'completeness', lost: 0.29, from: 97.71, to: 97.42 },
      { part: 'requests', lost: 0, from: 97.42, to: 97.42 },
      { part: 'interfaces', lost: 1.13, from: 97.42, to: 96.29 },
    ]);
    expect(model.notApplicable).toEqual(['objections']);
  });

  it('draws an invisible base under each falling step and labels the N/A parts', () => {
    const option = buildPointsLostWaterfallOption(buildPointsLostWaterfallModel({ pointsLost: PSB }), zh);
    expect((option.xAxis as { data: string[] }).data).toEqual(['满分', '及时性', '完整性', '申请答复', '接口调用', '总分']);
    const [base, bars] = option.series as BarSeriesOption[];
    expect(base.data).toEqual([0, 97.71, 97.42, 97.42, 96.29, 0]);
    expect(base.itemStyle).toEqual({ color: 'transparent' });
    const data = bars.data as { value: number; itemStyle: { color: string }; label: { formatter: string } }[];
    expect(data.map((d) => d.value)).toEqual([100, 2.29, 0.29, 0, 1.13, 96.3]);
    expect(data.map((d) => d.label.formatter)).toEqual(['100', '−2.29', '−0.29', '0', '−1.13', '96.3']);
    expect(data.map((d) => d.itemStyle.color)).toEqual([BRAND_COLOR, LOSS_COLOR, LOSS_COLOR, LOSS_COLOR, LOSS_COLOR, BRAND_COLOR]);
    expect(option.title).toMatchObject({ subtext: '不适用：异议处理' });
  });

  it('takes English labels the same way, and has no note when every part applies', () => {
    const all = { total: 41.65, timeliness: 20.65, completeness: 6, requests: 15, objections: 0, interfaces: 0 };
    const option = buildPointsLostWaterfallOption(buildPointsLostWaterfallModel({ pointsLost: all }), en);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Full marks', 'Timeliness', 'Completeness', 'Requests', 'Objections', 'Interfaces', 'Total']);
    expect(option.title).toBeUndefined();
    const cab = { total: 34.36, timeliness: 0, completeness: 4.36, requests: 30, objections: null, interfaces: null };
    expect(buildPointsLostWaterfallOption(buildPointsLostWaterfallModel({ pointsLost: cab }), en).title).toMatchObject({
      subtext: 'Not applicable：Objections、Interfaces',
    });
  });

  it('is empty for a department with no data', () => {
    const model = buildPointsLostWaterfallModel({ pointsLost: null });
    expect(model.empty).toBe(true);
    expect(buildPointsLostWaterfallOption(model, zh)).toMatchObject({ title: { text: '暂无数据' } });
  });
});
