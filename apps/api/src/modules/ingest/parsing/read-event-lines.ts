import { StringDecoder } from 'node:string_decoder';
import { sourceBytes, type ByteInput } from './byte-source';
import { CsvHeaderError } from './csv-header-error';
import { CsvRecordSplitter, type CsvRawRecord } from './csv-splitter';
import { NdjsonLineSplitter, type RawLine } from './ndjson-splitter';
import { AutoTextDecoder } from './text-decoding';
import { ParseError, type EventLine, type InputFormat } from './types';

export interface ReadEventLinesOptions {
  format: InputFormat;
  /** true: gunzip; false: plain; undefined: gunzip when the data starts with 1f 8b. */
  gzip?: boolean;
}

function parseJsonLine(raw: RawLine): EventLine {
  if (raw.error !== undefined) return { line: raw.line, text: raw.text, record: new ParseError(raw.error) };
  let record: unknown;
  try {
    record = JSON.parse(raw.text);
  } catch {
    return { line: raw.line, text: raw.text, record: new ParseError('invalid JSON') };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) record = new ParseError('invalid JSON');
  return { line: raw.line, text: raw.text, record };
}

async function* ndjsonLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<EventLine> {
  const decoder = new StringDecoder('utf8');
  const splitter = new NdjsonLineSplitter();
  const out: RawLine[] = [];
  for await (const chunk of bytes) {
    splitter.push(decoder.write(chunk), out);
    for (const raw of out) yield parseJsonLine(raw);
    out.length = 0;
  }
  splitter.push(decoder.end(), out);
  splitter.end(out);
  for (const raw of out) yield parseJsonLine(raw);
}

/** Maps CSV records to `{ column: cell }` objects by header name; the first record is the header. */
class CsvColumns {
  private names: string[] | undefined;

  /** Null for the header record. */
  toLine(raw: CsvRawRecord): EventLine | null {
    if (this.names === undefined) {
      if (raw.error !== undefined) throw new CsvHeaderError(`invalid CSV header on line ${raw.line}: ${raw.error}`);
      this.names = raw.fields.map((f) => f.trim());
      return null;
    }
    if (raw.error !== undefined) return { line: raw.line, text: raw.text, record: new ParseError(raw.error) };
    const names = this.names;
    const { fields } = raw;
    for (let i = names.length; i < fields.length; i++) {
      if (fields[i] !== '') {
        const reason = `invalid CSV: the record has ${fields.length} fields, the header has ${names.length}`;
        return { line: raw.line, text: raw.text, record: new ParseError(reason) };
      }
    }
    const record: Record<string, string> = {};
    const n = Math.min(names.length, fields.length);
    for (let i = 0; i < n; i++) {
      // A repeated column name: the first non-empty cell is kept.
      if (fields[i] !== '' && record[names[i]] === undefined) record[names[i]] = fields[i];
    }
    return { line: raw.line, text: raw.text, record };
  }
}

async function* csvLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<EventLine> {
  const decoder = new AutoTextDecoder();
  const splitter = new CsvRecordSplitter();
  const columns = new CsvColumns();
  const out: CsvRawRecord[] = [];
  const flush = function* (): Generator<EventLine> {
    for (const raw of out) {
      const line = columns.toLine(raw);
      if (line !== null) yield line;
    }
    out.length = 0;
  };
  for await (const chunk of bytes) {
    splitter.push(decoder.write(chunk), out);
    yield* flush();
  }
  splitter.push(decoder.end(), out);
  splitter.end(out);
  yield* flush();
}

/**
 * The lines of an event file or request body, streamed in constant memory: NDJSON lines or CSV
 * records (header row first, columns matched by name, empty cells left out; UTF-8 or GB18030).
 * Blank lines are skipped but keep their line numbers. Lines that cannot be parsed carry a
 * ParseError as their record, to be quarantined with its reason.
 */
export function readEventLines(input: ByteInput, opts: ReadEventLinesOptions): AsyncGenerator<EventLine> {
  const bytes = sourceBytes(input, opts.gzip);
  return opts.format === 'csv' ? csvLines(bytes) : ndjsonLines(bytes);
}
