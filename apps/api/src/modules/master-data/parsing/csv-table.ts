import type { MasterDataColumn } from '@app/contracts';
import { isValidDate } from '@app/scoring';
import { CsvHeaderError, decodeText, splitCsvText } from '../../ingest/parsing';

// Master-data files are small (thousands of rows): read whole, from a Buffer, as CSV or as the
// first sheet of an XLSX workbook (xlsx-table.ts). Cells are trimmed (the files are edited by
// hand in Excel); header names are trimmed and matched case-insensitively, by the English name
// or one of its Chinese names (MASTER_DATA_COLUMNS); columns may come in any order and extra
// columns are ignored.

/** One record of a master-data file, before its columns are known: a CSV record or a sheet row. */
export interface RawRecord {
  line: number;
  fields: string[];
  /** Set for a malformed record. */
  error?: string;
}

/** A file's records, the header row first; blank lines and rows are left out. */
export interface RawTable {
  format: 'csv' | 'xlsx';
  records: RawRecord[];
}

/** The fields of one record by column name, and how the file names each column (for messages). */
export class RowCells {
  constructor(
    private readonly cells: Record<string, string>,
    private readonly labels: Record<string, string>,
  ) {}

  /** The trimmed cell ('' when empty or not a column of the file). */
  get(name: string): string {
    return this.cells[name] ?? '';
  }

  required(name: string): string {
    const v = this.get(name);
    if (v === '') rowFail(`missing field "${this.label(name)}"`);
    return v;
  }

  /** The header the file gave the column: the English name, or the Chinese one it used. */
  label(name: string): string {
    return this.labels[name] ?? name;
  }

  /** Whether the file has the column at all. */
  has(name: string): boolean {
    return name in this.cells;
  }
}

export type TableRecord = { line: number; cells: RowCells } | { line: number; error: string };

export interface ParseResult<Row> {
  rows: Row[];
  rejected: { line: number; reason: string }[];
  /** Data records read (header and blank lines excluded): rows.length + rejected.length. */
  read: number;
}

/** The records of a CSV file (UTF-8 or GB18030), its header row first. */
export function readCsvRecords(buf: Buffer): RawTable {
  return { format: 'csv', records: splitCsvText(decodeText(buf).text) };
}

const columnLabel = (c: MasterDataColumn) => `"${c.name}"${c.aliases.length > 0 ? ` (${c.aliases.join('/')})` : ''}`;

/**
 * The data records of a table with its header row. Each column is found by the first of its
 * names (English, then the Chinese ones in order) the header has; a found column is present
 * in the record's cells ('' when empty or missing from a short record). A CSV record with
 * more fields than the header is refused; a sheet's cells right of the header are ignored.
 * @throws CsvHeaderError when a required column is missing (or the file is empty).
 */
export function tableRecords(table: RawTable, columns: readonly MasterDataColumn[]): TableRecord[] {
  const [header, ...records] = table.records;
  const required = columns.filter((c) => c.required);
  const missingError = (missing: readonly MasterDataColumn[]) =>
    new CsvHeaderError(
      `the header row lacks the required column${missing.length > 1 ? 's' : ''} ${missing.map(columnLabel).join(', ')}`,
      missing.map((c) => c.name),
    );
  if (header === undefined) throw missingError(required);
  if (header.error !== undefined) throw new CsvHeaderError(`invalid header row: ${header.error}`);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const found = columns.map((c) => {
    const label = [c.name, ...c.aliases].find((n) => names.includes(n.toLowerCase()));
    return { name: c.name, label, index: label === undefined ? -1 : names.indexOf(label.toLowerCase()) };
  });
  const missing = columns.filter((c, i) => c.required && found[i].index < 0);
  if (missing.length > 0) throw missingError(missing);
  const present = found.filter((f) => f.index >= 0);
  const labels = Object.fromEntries(present.map((f) => [f.name, f.label!]));
  return records.map((r): TableRecord => {
    if (r.error !== undefined) return { line: r.line, error: r.error };
    if (r.fields.some((f) => f.includes('\u0000'))) return { line: r.line, error: 'the record contains a NUL character' };
    if (table.format === 'csv' && r.fields.slice(names.length).some((f) => f.trim() !== '')) {
      return { line: r.line, error: `invalid CSV: the record has ${r.fields.length} fields, the header has ${names.length}` };
    }
    const cells: Record<string, string> = {};
    for (const f of present) cells[f.name] = (r.fields[f.index] ?? '').trim();
    return { line: r.line, cells: new RowCells(cells, labels) };
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

/**
 * A cell holding one of a closed set of values, in English or in Chinese (`zh` maps each
 * English value to its Chinese one). The refusal lists the values in the language of the
 * file's header for the column.
 */
export function choiceCell<T extends string>(
  cells: RowCells,
  name: string,
  zh: Record<T, string>,
  refusal: (label: string, values: string[], value: string) => string,
): T {
  const v = cells.required(name);
  const english = Object.keys(zh) as T[];
  if ((english as string[]).includes(v)) return v as T;
  const fromZh = english.find((e) => zh[e] === v);
  if (fromZh !== undefined) return fromZh;
  const label = cells.label(name);
  return rowFail(refusal(label, label === name ? english : english.map((e) => zh[e]), JSON.stringify(v)));
}

/**
 * Runs `toRow` over every record, collecting rows and rejections. A key seen earlier in the
 * same file is rejected: the first row with a given code (or date) wins, so a file never
 * silently overrides itself and the later row is reported.
 */
export function collectRows<Row>(
  records: TableRecord[],
  toRow: (cells: RowCells, line: number) => Row,
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
      if (first !== undefined) rowFail(`duplicate ${r.cells.label(keyName)} ${JSON.stringify(k)} (first on line ${first})`);
      firstLine.set(k, r.line);
      result.rows.push(row);
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      result.rejected.push({ line: r.line, reason: err.reason });
    }
  }
  return result;
}
