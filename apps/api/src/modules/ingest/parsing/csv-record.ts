import { splitCsvText } from './csv-splitter';
import { ParseError } from './types';

/**
 * The `{ column: cell }` record of one CSV line read alone, given its file's
 * header columns: how a quarantined CSV line is replayed. Same rules as the
 * file reader: empty cells left out, the first non-empty cell of a repeated
 * column kept.
 */
export function csvRecord(columns: readonly string[], raw: string): unknown {
  const [first] = splitCsvText(raw);
  if (!first) return new ParseError('invalid CSV: empty record');
  if (first.error !== undefined) return new ParseError(first.error);
  const record: Record<string, string> = {};
  const n = Math.min(columns.length, first.fields.length);
  for (let i = 0; i < n; i++) {
    if (first.fields[i] !== '' && record[columns[i]] === undefined) record[columns[i]] = first.fields[i];
  }
  return record;
}
