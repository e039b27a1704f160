import { FREQUENCIES, type Frequency, type ResourceInfo } from '@app/scoring';
import { collectRows, isCalendarDate, readCsvTable, requiredCell, rowFail, type ParseResult } from './csv-table';

export type ResourceRow = ResourceInfo & { line: number };

const FREQUENCY_SET: ReadonlySet<string> = new Set(FREQUENCIES);

function optionalDate(cells: Record<string, string>, name: string): string | null {
  const v = cells[name];
  if (v === '') return null;
  if (!isCalendarDate(v)) rowFail(`field "${name}" must be a date YYYY-MM-DD, not ${JSON.stringify(v)}`);
  return v;
}

/**
 * catalog.csv: code (unique), name, dept, frequency, active_from, active_to (inclusive,
 * not before active_from). Whether `dept` exists is not checked here: the caller knows the
 * stored departments and those of a departments file imported together
 * (see rejectUnknownDepartments). A repeated code is rejected on its later row.
 * @throws CsvHeaderError when code, name, dept or frequency is not a column.
 */
export function parseCatalogCsv(buf: Buffer): ParseResult<ResourceRow> {
  const records = readCsvTable(buf, ['code', 'name', 'dept', 'frequency'], ['active_from', 'active_to']);
  return collectRows(
    records,
    (cells, line): ResourceRow => {
      const code = requiredCell(cells, 'code');
      const name = requiredCell(cells, 'name');
      const dept = requiredCell(cells, 'dept');
      const frequency = requiredCell(cells, 'frequency');
      if (!FREQUENCY_SET.has(frequency)) rowFail(`field "frequency" must be one of ${FREQUENCIES.join(', ')}, not ${JSON.stringify(frequency)}`);
      const activeFrom = optionalDate(cells, 'active_from');
      const activeTo = optionalDate(cells, 'active_to');
      if (activeFrom !== null && activeTo !== null && activeTo < activeFrom) rowFail(`active_to ${activeTo} is before active_from ${activeFrom}`);
      return { line, code, name, dept, frequency: frequency as Frequency, activeFrom, activeTo };
    },
    (row) => row.code,
    'code',
  );
}

/** Moves the rows whose `dept` does not exist (per `exists`) to `rejected`, keeping line order. */
export function rejectUnknownDepartments(result: ParseResult<ResourceRow>, exists: (code: string) => boolean): ParseResult<ResourceRow> {
  const rows: ResourceRow[] = [];
  const rejected = [...result.rejected];
  for (const row of result.rows) {
    if (exists(row.dept)) rows.push(row);
    else rejected.push({ line: row.line, reason: `unknown department ${JSON.stringify(row.dept)}` });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, read: result.read };
}
