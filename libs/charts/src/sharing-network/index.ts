export * from './sharing-network';
