import { LINE_TOO_LONG, LONG_LINE_PREVIEW_CHARS, MAX_LINE_CHARS } from './limits';

export interface RawLine {
  line: number;
  text: string;
  /** Set when the line could not be read whole (too long). */
  error?: string;
}

const CR = 13;
const OPEN_BRACE = 123;

function isBlank(s: string, start: number, end: number): boolean {
  if (start === end) return true;
  const c = s.charCodeAt(start);
  return c !== OPEN_BRACE && s.slice(start, end).trim() === '';
}

/**
 * Splits decoded text into physical lines, incrementally: trailing \r stripped, blank
 * lines skipped (still numbered), a leading BOM dropped, an unterminated last line kept.
 */
export class NdjsonLineSplitter {
  private carry = '';
  private lines = 0;
  private started = false;
  private skipping = false;

  push(chunk: string, out: RawLine[]): void {
    let s = this.carry.length > 0 ? this.carry + chunk : chunk;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    let pos = 0;
    for (let nl = s.indexOf('\n', pos); nl >= 0; nl = s.indexOf('\n', pos)) {
      this.lines++;
      if (this.skipping) this.skipping = false;
      else this.emit(s, pos, nl, out);
      pos = nl + 1;
    }
    if (this.skipping) {
      this.carry = '';
    } else if (s.length - pos > MAX_LINE_CHARS) {
      out.push({ line: this.lines + 1, text: s.slice(pos, pos + LONG_LINE_PREVIEW_CHARS), error: LINE_TOO_LONG });
      this.skipping = true;
      this.carry = '';
    } else {
      this.carry = pos === 0 ? s : s.slice(pos);
    }
  }

  end(out: RawLine[]): void {
    if (!this.skipping && this.carry.length > 0) {
      this.lines++;
      this.emit(this.carry, 0, this.carry.length, out);
    }
    this.carry = '';
  }

  private emit(s: string, start: number, end: number, out: RawLine[]): void {
    if (end > start && s.charCodeAt(end - 1) === CR) end--;
    if (end - start > MAX_LINE_CHARS) out.push({ line: this.lines, text: s.slice(start, start + LONG_LINE_PREVIEW_CHARS), error: LINE_TOO_LONG });
    else if (!isBlank(s, start, end)) out.push({ line: this.lines, text: s.slice(start, end) });
  }
}
