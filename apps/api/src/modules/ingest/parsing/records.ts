import { ParseError } from './types';

/** The record of an NDJSON line: a JSON object, or ParseError('invalid JSON'). */
export function jsonRecord(text: string): unknown {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return new ParseError('invalid JSON');
  }
  return record === null || typeof record !== 'object' || Array.isArray(record) ? new ParseError('invalid JSON') : record;
}

/** Header cells as column names (trimmed). */
export function csvColumnNames(headerFields: readonly string[]): string[] {
  return headerFields.map((f) => f.trim());
}

/**
 * The record of a CSV row's fields: `{ column: cell }` by header name, empty cells left out,
 * the first non-empty cell of a repeated column kept. Non-empty cells beyond the header make
 * it a ParseError; a short row just lacks its last columns.
 */
export function csvFieldsRecord(columns: readonly string[], fields: readonly string[]): unknown {
  for (let i = columns.length; i < fields.length; i++) {
    if (fields[i] !== '') return new ParseError(`invalid CSV: the record has ${fields.length} fields, the header has ${columns.length}`);
  }
  const record: Record<string, string> = {};
  const n = Math.min(columns.length, fields.length);
  for (let i = 0; i < n; i++) {
    if (fields[i] !== '' && record[columns[i]] === undefined) record[columns[i]] = fields[i];
  }
  return record;
}
