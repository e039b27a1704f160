import { splitCsvText } from './csv-splitter';
import { csvFieldsRecord } from './records';
import { ParseError } from './types';

/**
 * The `{ column: cell }` record of one CSV line read alone, given its file's header columns
 * (EventLine.csvColumns): how a quarantined CSV line is replayed. Same rules as the file
 * reader (see csvFieldsRecord).
 */
export function csvRecord(columns: readonly string[], raw: string): unknown {
  const records = splitCsvText(raw);
  if (records.length === 0) return new ParseError('invalid CSV: empty record');
  if (records.length > 1) return new ParseError('invalid CSV: more than one record');
  const [first] = records;
  if (first.error !== undefined) return new ParseError(first.error);
  return csvFieldsRecord(columns, first.fields);
}
