export * from './grade-distribution';
