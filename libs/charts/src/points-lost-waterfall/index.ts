export * from './points-lost-waterfall';
