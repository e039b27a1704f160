import { CALENDAR_KIND_ZH, CALENDAR_NAME_MAX, MASTER_DATA_COLUMNS } from '@app/contracts';
import { choiceCell, collectRows, isCalendarDate, readCsvRecords, rowFail, tableRecords, type ParseResult, type RawTable } from './csv-table';

export interface CalendarRow {
  line: number;
  date: string;
  kind: 'holiday' | 'workday';
  /** The holiday the day belongs to; undefined when the file has no name column (the stored name is kept). */
  name?: string | null;
}

/**
 * calendar (header `date,kind[,name]` or 日期, 类型, 名称): a real date YYYY-MM-DD,
 * `holiday`/`workday` (节假日/调休上班) and an optional name. A row that changes nothing (a
 * holiday on a weekend) is accepted. A repeated date is rejected on its later row.
 * @throws CsvHeaderError when `date` or `kind` is not a column.
 */
export function parseCalendar(table: RawTable): ParseResult<CalendarRow> {
  return collectRows(
    tableRecords(table, MASTER_DATA_COLUMNS.calendar),
    (cells, line): CalendarRow => {
      const date = cells.required('date');
      if (!isCalendarDate(date)) rowFail(`field "${cells.label('date')}" must be a date YYYY-MM-DD, not ${JSON.stringify(date)}`);
      const kind = choiceCell(
        cells,
        'kind',
        CALENDAR_KIND_ZH,
        (field, [first, second], value) => `field "${field}" must be "${first}" or "${second}", not ${value}`,
      );
      if (!cells.has('name')) return { line, date, kind };
      const name = cells.get('name');
      if ([...name].length > CALENDAR_NAME_MAX) rowFail(`field "${cells.label('name')}" is longer than ${CALENDAR_NAME_MAX} characters`);
      return { line, date, kind, name: name || null };
    },
    (row) => row.date,
    'date',
  );
}

/** A calendar CSV file (UTF-8 or GB18030). */
export function parseCalendarCsv(buf: Buffer): ParseResult<CalendarRow> {
  return parseCalendar(readCsvRecords(buf));
}
