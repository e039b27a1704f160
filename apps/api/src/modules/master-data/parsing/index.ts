export { CsvHeaderError } from '../../ingest/parsing';
export { parseCalendarCsv, type CalendarRow } from './calendar-csv';
export { parseCatalogCsv, rejectUnknownDepartments, type ResourceRow } from './catalog-csv';
export type { ParseResult } from './csv-table';
export { isValidDepartmentCode, parseDepartmentsCsv, type DepartmentRow } from './departments-csv';
