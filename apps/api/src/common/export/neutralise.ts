/**
 * Spreadsheet formula injection (access.md): a text cell that begins with
 * `=`, `+`, `-`, `@`, tab or carriage return could be run as a formula by
 * Excel, WPS or LibreOffice once a report is opened. Department, resource and
 * requester names come from outside, so every text value written into an XLSX
 * or CSV cell passes through here and such a value gets a leading single
 * quote: the cell then shows the text as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Cells of a report row: numbers, booleans and empties pass as they are; text is neutralised. */
export type CellValue = string | number | null;

export function neutraliseValue<T extends CellValue>(value: T): T {
  return (typeof value === 'string' ? neutraliseCell(value) : value) as T;
}
