import { isValidDate } from '@app/scoring';
import { CsvHeaderError, decodeText, splitCsvText } from '../../ingest/parsing';

// Master-data CSV files are small (thousands of rows): read whole, from a Buffer.
// Cells are trimmed (the files are edited by hand in Excel); header names are trimmed and
// matched case-insensitively; columns may come in any order and extra columns are ignored.

export type TableRecord = { line: number; cells: Record<string, string> } | { line: number; error: string };

export interface ParseResult<Row> {
  rows: Row[];
  rejected: { line: number; reason: string }[];
  /** Data records read (header and blank lines excluded): rows.length + rejected.length. */
  read: number;
}

/**
 * The data records of a CSV file with its header row. Every known column is present in
 * `cells` ('' when empty or missing from a short record).
 * @throws CsvHeaderError when a required column is missing (or the file is empty).
 */
export function readCsvTable(buf: Buffer, required: readonly string[], optional: readonly string[] = []): TableRecord[] {
  const [header, ...records] = splitCsvText(decodeText(buf).text);
  if (header === undefined) throw CsvHeaderError.missingColumns(required);
  if (header.error !== undefined) throw new CsvHeaderError(`invalid header row: ${header.error}`);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length > 0) throw CsvHeaderError.missingColumns(missing);
  const columns = [...required, ...optional].map((c) => [c, names.indexOf(c)] as const);
  return records.map((r): TableRecord => {
    if (r.error !== undefined) return { line: r.line, error: r.error };
    if (r.fields.some((f) => f.includes('\u0000'))) return { line: r.line, error: 'the record contains a NUL character' };
    if (r.fields.slice(names.length).some((f) => f.trim() !== '')) {
      return { line: r.line, error: `invalid CSV: the record has ${r.fields.length} fields, the header has ${names.length}` };
    }
    const cells: Record<string, string> = {};
    for (const [name, i] of columns) cells[name] = i >= 0 ? (r.fields[i] ?? '').trim() : '';
    return { line: r.line, cells };
  });
}

/** A rule violation of one row. */
export class RowError {
  constructor(readonly reason: string) {}
}

export function rowFail(reason: string): never {
  // Control flow per row, like the event validator's: no stack trace for every rejected row.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new RowError(reason);
}

/** A date YYYY-MM-DD that exists (there is no year 0000). */
export function isCalendarDate(text: string): boolean {
  return isValidDate(text) && !text.startsWith('0000');
}

export function requiredCell(cells: Record<string, string>, name: string): string {
  const v = cells[name];
  if (v === '') rowFail(`missing field "${name}"`);
  return v;
}

/**
 * Runs `toRow` over every record, collecting rows and rejections. A key seen earlier in the
 * same file is rejected: the first row with a given code (or date) wins, so a file never
 * silently overrides itself and the later row is reported.
 */
export function collectRows<Row>(
  records: TableRecord[],
  toRow: (cells: Record<string, string>, line: number) => Row,
  key: (row: Row) => string,
  keyName: string,
): ParseResult<Row> {
  const result: ParseResult<Row> = { rows: [], rejected: [], read: records.length };
  const firstLine = new Map<string, number>();
  for (const r of records) {
    if ('error' in r) {
      result.rejected.push({ line: r.line, reason: r.error });
      continue;
    }
    try {
      const row = toRow(r.cells, r.line);
      const k = key(row);
      const first = firstLine.get(k);
      if (first !== undefined) rowFail(`duplicate ${keyName} ${JSON.stringify(k)} (first on line ${first})`);
      firstLine.set(k, r.line);
      result.rows.push(row);
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      result.rejected.push({ line: r.line, reason: err.reason });
    }
  }
  return result;
}
