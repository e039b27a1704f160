import { collectRows, isCalendarDate, readCsvTable, requiredCell, rowFail, type ParseResult } from './csv-table';

export interface CalendarRow {
  line: number;
  date: string;
  kind: 'holiday' | 'workday';
}

/**
 * calendar.csv (header `date,kind`): a real date YYYY-MM-DD and `holiday` or `workday`.
 * A row that changes nothing (a holiday on a weekend) is accepted. A repeated date is
 * rejected on its later row.
 * @throws CsvHeaderError when `date` or `kind` is not a column.
 */
export function parseCalendarCsv(buf: Buffer): ParseResult<CalendarRow> {
  const records = readCsvTable(buf, ['date', 'kind']);
  return collectRows(
    records,
    (cells, line): CalendarRow => {
      const date = requiredCell(cells, 'date');
      if (!isCalendarDate(date)) rowFail(`field "date" must be a date YYYY-MM-DD, not ${JSON.stringify(date)}`);
      const kind = requiredCell(cells, 'kind');
      if (kind !== 'holiday' && kind !== 'workday') rowFail(`field "kind" must be "holiday" or "workday", not ${JSON.stringify(kind)}`);
      return { line, date, kind };
    },
    (row) => row.date,
    'date',
  );
}
