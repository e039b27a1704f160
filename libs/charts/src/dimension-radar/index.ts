export * from './dimension-radar';
