import { StringDecoder } from 'node:string_decoder';
import { sourceBytes, type ByteInput } from './byte-source';
import { CsvHeaderError } from './csv-header-error';
import { CsvRecordSplitter, type CsvRawRecord } from './csv-splitter';
import { NdjsonLineSplitter, type RawLine } from './ndjson-splitter';
import { csvColumnNames, csvFieldsRecord, jsonRecord } from './records';
import { AutoTextDecoder } from './text-decoding';
import { ParseError, type EventLine, type InputFormat } from './types';

export interface ReadEventLinesOptions {
  format: InputFormat;
  /** true: gunzip; false: plain; undefined: gunzip when the data starts with 1f 8b. */
  gzip?: boolean;
}

function jsonLine(raw: RawLine): EventLine {
  return { line: raw.line, text: raw.text, record: raw.error !== undefined ? new ParseError(raw.error) : jsonRecord(raw.text) };
}

async function* ndjsonLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<EventLine> {
  const decoder = new StringDecoder('utf8');
  const splitter = new NdjsonLineSplitter();
  const out: RawLine[] = [];
  for await (const chunk of bytes) {
    splitter.push(decoder.write(chunk), out);
    for (const raw of out) yield jsonLine(raw);
    out.length = 0;
  }
  splitter.push(decoder.end(), out);
  splitter.end(out);
  for (const raw of out) yield jsonLine(raw);
}

async function* csvLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<EventLine> {
  const decoder = new AutoTextDecoder();
  const splitter = new CsvRecordSplitter();
  const out: CsvRawRecord[] = [];
  let columns: string[] | undefined;
  const flush = function* (): Generator<EventLine> {
    for (const raw of out) {
      if (columns === undefined) {
        // The first record is the header.
        if (raw.error !== undefined) throw new CsvHeaderError(`invalid CSV header on line ${raw.line}: ${raw.error}`);
        columns = csvColumnNames(raw.fields);
        continue;
      }
      const record = raw.error !== undefined ? new ParseError(raw.error) : csvFieldsRecord(columns, raw.fields);
      yield { line: raw.line, text: raw.text, record, csvColumns: columns };
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
 * Blank lines are skipped but keep their line numbers. A line that cannot be parsed carries a
 * ParseError as its record, for validateEvent to turn into its quarantine reason.
 * @throws CsvHeaderError (while iterating) when a CSV header row is malformed.
 */
export function readEventLines(input: ByteInput, opts: ReadEventLinesOptions): AsyncGenerator<EventLine> {
  const bytes = sourceBytes(input, opts.gzip);
  return opts.format === 'csv' ? csvLines(bytes) : ndjsonLines(bytes);
}
