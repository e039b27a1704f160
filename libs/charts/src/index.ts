// Chart builders shared by the dashboard and the server's PDF bulletin: each chart is
// data -> model -> ECharts option, pure and without DOM; `<chart>Parts` lists the ECharts
// extensions it draws with (add CanvasRenderer or SVGRenderer).
export * from './common/grades';
export * from './common/parts';
export { type ChartStyle, DEFAULT_FONT_SIZE, BRAND_COLOR, CITY_AVERAGE_COLOR, formatScore, formatScoreFixed } from './common/style';
export * from './ranking-bar';
export * from './trend-lines';
export * from './dept-heatmap';
export * from './dimension-radar';
export * from './sharing-network';
export * from './sharing-matrix';
export * from './grade-distribution';
export * from './points-lost-waterfall';
