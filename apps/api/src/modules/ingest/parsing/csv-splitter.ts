import { LINE_TOO_LONG, LONG_LINE_PREVIEW_CHARS, MAX_LINE_CHARS } from './limits';

/** One CSV record (RFC 4180: `,` separated, `"` quoted with `""` escapes, \n or \r\n ended). */
export interface CsvRawRecord {
  /** Physical line number of the record's first line. */
  line: number;
  /** The record verbatim, without its terminator. */
  text: string;
  fields: string[];
  /** Set for a malformed record; fields are then empty. */
  error?: string;
}

interface Scan {
  fields: string[];
  end: number;
  next: number;
  /** Line feeds consumed, the terminator included. */
  newlines: number;
  quoted: boolean;
  error?: string;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

function countLf(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The first physical line from pos, as a malformed record; null when that line is not complete yet. */
function firstLineError(s: string, pos: number, eof: boolean, error: string): Scan | null {
  const nl = s.indexOf('\n', pos);
  if (nl < 0 && !eof) return null;
  let end = nl < 0 ? s.length : nl;
  if (end > pos && s.charCodeAt(end - 1) === CR) end--;
  return { fields: [], end, next: nl < 0 ? s.length : nl + 1, newlines: nl < 0 ? 0 : 1, quoted: false, error };
}

/** Scans one record from pos; null when more input is needed to finish it. */
function scanRecord(s: string, pos: number, eof: boolean): Scan | null {
  const fields: string[] = [];
  const len = s.length;
  let p = pos;
  let newlines = 0;
  let quoted = false;
  for (;;) {
    if (p < len && s.charCodeAt(p) === QUOTE) {
      quoted = true;
      let value = '';
      let q = p + 1;
      for (;;) {
        const close = s.indexOf('"', q);
        if (close < 0) return eof ? firstLineError(s, pos, eof, 'invalid CSV: unterminated quoted field') : null;
        value += s.slice(q, close);
        if (close + 1 >= len && !eof) return null;
        if (s.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          q = close + 2;
          continue;
        }
        p = close + 1;
        break;
      }
      newlines += countLf(value);
      fields.push(value);
      if (p >= len) return { fields, end: p, next: p, newlines, quoted };
      const c = s.charCodeAt(p);
      if (c === COMMA) {
        p++;
        continue;
      }
      if (c === LF) return { fields, end: p, next: p + 1, newlines: newlines + 1, quoted };
      if (c === CR) {
        if (p + 1 >= len && !eof) return null;
        if (p + 1 >= len) return { fields, end: p, next: p + 1, newlines, quoted };
        if (s.charCodeAt(p + 1) === LF) return { fields, end: p, next: p + 2, newlines: newlines + 1, quoted };
      }
      const bad = firstLineError(s, p, eof, 'invalid CSV: unexpected character after a closing quote');
      if (bad === null) return null;
      return { ...bad, newlines: newlines + bad.newlines };
    }
    let q = p;
    while (q < len) {
      const c = s.charCodeAt(q);
      if (c === COMMA || c === LF) break;
      q++;
    }
    if (q >= len && !eof) return null;
    if (q < len && s.charCodeAt(q) === COMMA) {
      fields.push(s.slice(p, q));
      p = q + 1;
      continue;
    }
    const end = q > p && s.charCodeAt(q - 1) === CR ? q - 1 : q;
    fields.push(s.slice(p, end));
    return q < len ? { fields, end, next: q + 1, newlines: newlines + 1, quoted } : { fields, end, next: q, newlines, quoted };
  }
}

function isBlank(scan: Scan): boolean {
  return !scan.quoted && scan.error === undefined && scan.fields.length === 1 && scan.fields[0].trim() === '';
}

/**
 * Splits decoded CSV text into records, incrementally. Blank lines are skipped (still numbered),
 * a leading BOM is dropped. A malformed record (unterminated quote, text after a closing quote,
 * over-long record) is reported on its first physical line and reading resumes on the next line.
 */
export class CsvRecordSplitter {
  private buf = '';
  private lines = 0;
  private started = false;
  private skipping = false;

  push(chunk: string, out: CsvRawRecord[]): void {
    this.buf = this.buf.length > 0 ? this.buf + chunk : chunk;
    this.drain(false, out);
  }

  end(out: CsvRawRecord[]): void {
    this.drain(true, out);
    this.buf = '';
  }

  private drain(eof: boolean, out: CsvRawRecord[]): void {
    let s = this.buf;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    let pos = 0;
    while (pos < s.length) {
      if (this.skipping) {
        const nl = s.indexOf('\n', pos);
        if (nl < 0) {
          pos = s.length;
          break;
        }
        this.lines++;
        this.skipping = false;
        pos = nl + 1;
        continue;
      }
      let scan = scanRecord(s, pos, eof);
      if (scan === null) {
        if (s.length - pos <= MAX_LINE_CHARS) break;
        scan = firstLineError(s, pos, false, LINE_TOO_LONG);
        if (scan === null) {
          out.push({ line: this.lines + 1, text: s.slice(pos, pos + LONG_LINE_PREVIEW_CHARS), fields: [], error: LINE_TOO_LONG });
          this.skipping = true;
          pos = s.length;
          break;
        }
      }
      if (scan.end - pos > MAX_LINE_CHARS) {
        out.push({ line: this.lines + 1, text: s.slice(pos, pos + LONG_LINE_PREVIEW_CHARS), fields: [], error: LINE_TOO_LONG });
      } else if (!isBlank(scan)) {
        const record: CsvRawRecord = { line: this.lines + 1, text: s.slice(pos, scan.end), fields: scan.fields };
        if (scan.error !== undefined) record.error = scan.error;
        out.push(record);
      }
      this.lines += scan.newlines;
      pos = scan.next;
    }
    this.buf = pos === 0 ? s : s.slice(pos);
  }
}

/** All records of a whole CSV text. */
export function splitCsvText(text: string): CsvRawRecord[] {
  const out: CsvRawRecord[] = [];
  const splitter = new CsvRecordSplitter();
  splitter.push(text, out);
  splitter.end(out);
  return out;
}
