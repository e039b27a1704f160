export * from './trend-lines';
