export * from './sharing-matrix';
