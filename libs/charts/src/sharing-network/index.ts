export * from './sharing-network';
export * from './network-layout';
