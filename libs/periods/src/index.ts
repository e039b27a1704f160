export * from './period';
export * from './calendar-date';
