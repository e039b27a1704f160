export * from './dept-heatmap';
