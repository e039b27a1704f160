import { isAscii, isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import * as iconv from 'iconv-lite';

// CSV files are UTF-8 (BOM optional) or GB18030 (Excel's Chinese CSV); see sharing-log.md.
// ASCII reads the same in both, so the choice is made on the first non-ASCII bytes.

export type TextEncodingName = 'utf8' | 'gb18030';

/** Bytes looked at, from the first non-ASCII byte on, before choosing the encoding of a stream. */
const SAMPLE_BYTES = 4096;

interface Decoder {
  write(buf: Buffer): string;
  end(): string | undefined;
}

function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end when more data follows. */
function looksLikeUtf8(buf: Buffer, complete: boolean): boolean {
  if (isUtf8(buf)) return true;
  if (complete) return false;
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    if (buf[buf.length - cut] >= 0xc0 && isUtf8(buf.subarray(0, buf.length - cut))) return true;
  }
  return false;
}

function createDecoder(encoding: TextEncodingName): Decoder {
  return encoding === 'utf8' ? new StringDecoder('utf8') : iconv.getDecoder('gb18030');
}

function firstNonAscii(buf: Buffer): number {
  if (isAscii(buf)) return -1;
  for (let i = 0; i < buf.length; i++) if (buf[i] >= 0x80) return i;
  return -1;
}

/** The encoding of a whole file's bytes. */
export function detectEncoding(buf: Buffer): TextEncodingName {
  return hasUtf8Bom(buf) || isUtf8(buf) ? 'utf8' : 'gb18030';
}

/** Decodes a whole file (UTF-8 with or without BOM, or GB18030); a UTF-8 BOM is kept for the CSV reader to drop. */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(buf);
  return { text: encoding === 'utf8' ? buf.toString('utf8') : iconv.decode(buf, 'gb18030'), encoding };
}

/**
 * Streaming decoder choosing UTF-8 or GB18030: ASCII passes through until the first non-ASCII
 * byte, then up to SAMPLE_BYTES (or the rest of the stream) decide. Constant memory.
 */
export class AutoTextDecoder {
  encoding: TextEncodingName | undefined;
  private decoder: Decoder | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  write(chunk: Buffer): string {
    if (this.decoder) return this.decoder.write(chunk);
    if (this.pendingBytes === 0) {
      const i = firstNonAscii(chunk);
      if (i < 0) return chunk.toString('latin1');
      const head = chunk.toString('latin1', 0, i);
      this.hold(chunk.subarray(i));
      return head + this.decide(false);
    }
    this.hold(chunk);
    return this.decide(false);
  }

  end(): string {
    const rest = this.decoder ? '' : this.decide(true);
    return rest + (this.decoder?.end() ?? '');
  }

  private hold(buf: Buffer): void {
    if (buf.length === 0) return;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
  }

  private decide(complete: boolean): string {
    if (this.pendingBytes === 0) return '';
    const sample = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    const bom = hasUtf8Bom(sample);
    if (!bom && !complete && sample.length < SAMPLE_BYTES) {
      // A BOM prefix that may still be completing: wait as for any short sample.
      this.pending = [sample];
      return '';
    }
    this.encoding = bom || looksLikeUtf8(sample, complete) ? 'utf8' : 'gb18030';
    this.decoder = createDecoder(this.encoding);
    this.pending = [];
    this.pendingBytes = 0;
    return this.decoder.write(sample);
  }
}
