// Deterministic demo / benchmark data generator (see README.md).

export * from './types';
export { generateCity } from './city';
export { generateEvents, generateEventDays, openEventStream, expectedIngest } from './events';
export { planBadLines, PROFILE_SPECS } from './event-plan';
export { type Cursor } from './event-runner';
export { CN_CALENDAR_2025_2026 } from './calendar-cn';
export { departmentsCsv, catalogCsv, calendarCsv } from './csv';
export { DEPARTMENT_DEFS, REQUEST_LINES } from './city-data';
export { mulberry32, hash32 } from './prng';
export { writeCityFiles, type WriteCityFilesOptions, type WriteCityFilesResult, type WrittenFile } from './write-files';
