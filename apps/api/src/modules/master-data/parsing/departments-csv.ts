import type { DepartmentInfo } from '@app/scoring';
import { collectRows, readCsvTable, requiredCell, rowFail, type ParseResult } from './csv-table';

export type DepartmentRow = DepartmentInfo & { line: number };

const DEPT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function isValidDepartmentCode(code: string): boolean {
  return DEPT_CODE.test(code);
}

/** `true`/`false` in any letter case (Excel writes TRUE/FALSE); empty means true. */
function parseActive(text: string): boolean {
  const v = text.toLowerCase();
  if (v === '' || v === 'true') return true;
  if (v === 'false') return false;
  return rowFail(`field "active" must be true, false or empty, not ${JSON.stringify(text)}`);
}

/**
 * departments.csv: code (1-32 of A-Z a-z 0-9 _ -, unique), name (required), name_en,
 * category, active. A repeated code is rejected on its later row.
 * @throws CsvHeaderError when `code` or `name` is not a column.
 */
export function parseDepartmentsCsv(buf: Buffer): ParseResult<DepartmentRow> {
  const records = readCsvTable(buf, ['code', 'name'], ['name_en', 'category', 'active']);
  return collectRows(
    records,
    (cells, line): DepartmentRow => {
      const code = requiredCell(cells, 'code');
      if (!isValidDepartmentCode(code)) rowFail(`invalid department code ${JSON.stringify(code)}: 1-32 characters of A-Z a-z 0-9 _ -`);
      const name = requiredCell(cells, 'name');
      return { line, code, name, nameEn: cells.name_en || null, category: cells.category || null, active: parseActive(cells.active) };
    },
    (row) => row.code,
    'code',
  );
}
