import type { BarChart } from 'echarts/charts';

/**
 * One ECharts extension (chart type, component or feature) as `use()` takes it. Each chart exports
 * the list it needs, without a renderer: the web adds CanvasRenderer, the server SVGRenderer.
 */
export type EChartsPart = typeof BarChart;
export type EChartsParts = readonly EChartsPart[];
