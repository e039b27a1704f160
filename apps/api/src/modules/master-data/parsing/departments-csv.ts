import { ACTIVE_ZH, MASTER_DATA_COLUMNS } from '@app/contracts';
import type { DepartmentInfo } from '@app/scoring';
import { collectRows, readCsvRecords, rowFail, tableRecords, type ParseResult, type RawTable, type RowCells } from './csv-table';

export type DepartmentRow = DepartmentInfo & { line: number };

const DEPT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function isValidDepartmentCode(code: string): boolean {
  return DEPT_CODE.test(code);
}

/** `true`/`false` in any letter case (Excel writes TRUE/FALSE), or 是/否; empty means true. */
function parseActive(cells: RowCells): boolean {
  const text = cells.get('active');
  const v = text.toLowerCase();
  if (v === '' || v === 'true' || text === ACTIVE_ZH.true) return true;
  if (v === 'false' || text === ACTIVE_ZH.false) return false;
  const field = cells.label('active');
  const [yes, no] = field === 'active' ? ['true', 'false'] : [ACTIVE_ZH.true, ACTIVE_ZH.false];
  return rowFail(`field "${field}" must be ${yes}, ${no} or empty, not ${JSON.stringify(text)}`);
}

/**
 * departments: code (1-32 of A-Z a-z 0-9 _ -, unique), name (required), name_en, category,
 * active, each also under its Chinese header names. A repeated code is rejected on its later row.
 * @throws CsvHeaderError when `code` or `name` is not a column.
 */
export function parseDepartments(table: RawTable): ParseResult<DepartmentRow> {
  return collectRows(
    tableRecords(table, MASTER_DATA_COLUMNS.departments),
    (cells, line): DepartmentRow => {
      const code = cells.required('code');
      if (!isValidDepartmentCode(code)) rowFail(`invalid department code ${JSON.stringify(code)}: 1-32 characters of A-Z a-z 0-9 _ -`);
      const name = cells.required('name');
      return { line, code, name, nameEn: cells.get('name_en') || null, category: cells.get('category') || null, active: parseActive(cells) };
    },
    (row) => row.code,
    'code',
  );
}

/** A departments CSV file (UTF-8 or GB18030). */
export function parseDepartmentsCsv(buf: Buffer): ParseResult<DepartmentRow> {
  return parseDepartments(readCsvRecords(buf));
}
