export * from './auth';
export * from './system';
export * from './scores';
export * from './admin';
