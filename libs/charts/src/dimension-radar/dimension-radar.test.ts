import { describe, expect, it } from 'vitest';
import type { RadarSeriesOption } from 'echarts/charts';
import { buildDimensionRadarModel, buildDimensionRadarOption, type DimensionRadarLabels } from './dimension-radar';

const labels: DimensionRadarLabels = {
  dimensions: { timeliness: '及时性', completeness: '完整性', response: '响应' },
  department: '市公安局',
  cityAverage: '全市平均',
  notApplicable: '不适用',
  empty: '暂无数据',
};

describe('dimension radar', () => {
  it('puts the three dimensions in a fixed order, department first, then the city', () => {
    const model = buildDimensionRadarModel({
      department: { response: 96.25, timeliness: 94.29, completeness: 99.03 },
      city: { timeliness: 80, completeness: 90, response: 85.5 },
    });
    const option = buildDimensionRadarOption(model, labels);
    const radar = option.radar as { indicator: { name: string; max: number }[] };
    expect(radar.indicator.map((i) => i.name)).toEqual(['及时性\n94.29', '完整性\n99.03', '响应\n96.25']);
    expect(radar.indicator.every((i) => i.max === 100)).toBe(true);
    const data = (option.series as RadarSeriesOption[])[0].data as { name: string; value: number[] }[];
    expect(data.map((d) => d.name)).toEqual(['市公安局', '全市平均']);
    expect(data[0].value).toEqual([94.29, 99.03, 96.25]);
    expect(data[1].value).toEqual([80, 90, 85.5]);
  });

  it('draws an N/A dimension at the centre and says so on its axis', () => {
    const model = buildDimensionRadarModel({
      department: { timeliness: null, completeness: 70, response: null },
      city: { timeliness: 88, completeness: null, response: 90 },
    });
    expect(model.dimensions.map((d) => d.department)).toEqual([null, 70, null]);
    const option = buildDimensionRadarOption(model, labels);
    const radar = option.radar as { indicator: { name: string }[] };
    expect(radar.indicator.map((i) => i.name)).toEqual(['及时性\n不适用', '完整性\n70', '响应\n不适用']);
    const data = (option.series as RadarSeriesOption[])[0].data as { value: number[] }[];
    expect(data[0].value).toEqual([0, 70, 0]);
    expect(data[1].value).toEqual([88, 0, 90]);
  });

  it('is empty when nothing applies anywhere', () => {
    const none = { timeliness: null, completeness: null, response: null };
    const model = buildDimensionRadarModel({ department: none, city: none });
    expect(model.empty).toBe(true);
    expect(buildDimensionRadarOption(model, labels)).toMatchObject({ title: { text: '暂无数据' } });
  });
});
