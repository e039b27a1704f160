import { FREQUENCY_ZH, MASTER_DATA_COLUMNS } from '@app/contracts';
import type { ResourceInfo } from '@app/scoring';
import { choiceCell, collectRows, isCalendarDate, readCsvRecords, rowFail, tableRecords, type ParseResult, type RawTable, type RowCells } from './csv-table';

export type ResourceRow = ResourceInfo & { line: number };

function optionalDate(cells: RowCells, name: string): string | null {
  const v = cells.get(name);
  if (v === '') return null;
  if (!isCalendarDate(v)) rowFail(`field "${cells.label(name)}" must be a date YYYY-MM-DD, not ${JSON.stringify(v)}`);
  return v;
}

/**
 * catalog: code (unique), name, dept, frequency (English or Chinese), active_from, active_to
 * (inclusive, not before active_from), each also under its Chinese header names. Whether `dept`
 * exists is not checked here: the caller knows the stored departments and those of a
 * departments file imported together (see rejectUnknownDepartments). A repeated code is
 * rejected on its later row.
 * @throws CsvHeaderError when code, name, dept or frequency is not a column.
 */
export function parseCatalog(table: RawTable): ParseResult<ResourceRow> {
  return collectRows(
    tableRecords(table, MASTER_DATA_COLUMNS.catalog),
    (cells, line): ResourceRow => {
      const code = cells.required('code');
      const name = cells.required('name');
      const dept = cells.required('dept');
      const frequency = choiceCell(
        cells,
        'frequency',
        FREQUENCY_ZH,
        (field, values, value) => `field "${field}" must be one of ${values.join(', ')}, not ${value}`,
      );
      const activeFrom = optionalDate(cells, 'active_from');
      const activeTo = optionalDate(cells, 'active_to');
      if (activeFrom !== null && activeTo !== null && activeTo < activeFrom) rowFail(`active_to ${activeTo} is before active_from ${activeFrom}`);
      return { line, code, name, dept, frequency, activeFrom, activeTo };
    },
    (row) => row.code,
    'code',
  );
}

/** A catalog CSV file (UTF-8 or GB18030). */
export function parseCatalogCsv(buf: Buffer): ParseResult<ResourceRow> {
  return parseCatalog(readCsvRecords(buf));
}

/**
 * Moves the rows whose `dept` is no department to `rejected`, keeping line order. A `dept`
 * that is no code but exactly one department's name (a 提供部门 column holding 市公安局)
 * stands for that department.
 */
export function rejectUnknownDepartments(
  result: ParseResult<ResourceRow>,
  exists: (code: string) => boolean,
  codeOfName: (name: string) => string | undefined = () => undefined,
): ParseResult<ResourceRow> {
  const rows: ResourceRow[] = [];
  const rejected = [...result.rejected];
  for (const row of result.rows) {
    const named = exists(row.dept) ? undefined : codeOfName(row.dept);
    if (exists(row.dept)) rows.push(row);
    else if (named !== undefined) rows.push({ ...row, dept: named });
    else rejected.push({ line: row.line, reason: `unknown department ${JSON.stringify(row.dept)}` });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, read: result.read };
}
