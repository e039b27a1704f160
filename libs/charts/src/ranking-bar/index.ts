export * from './ranking-bar';
