export { CsvHeaderError } from '../../ingest/parsing';
export { parseCalendar, parseCalendarCsv, type CalendarRow } from './calendar-csv';
export { parseCatalog, parseCatalogCsv, rejectUnknownDepartments, type ResourceRow } from './catalog-csv';
export { readCsvRecords, type ParseResult, type RawTable } from './csv-table';
export { isValidDepartmentCode, parseDepartments, parseDepartmentsCsv, type DepartmentRow } from './departments-csv';
export { readMasterDataFile, readXlsxRecords } from './xlsx-table';
