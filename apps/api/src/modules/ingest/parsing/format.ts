import type { InputFormat } from './types';

export interface DetectedFormat {
  format: InputFormat;
  gzip: boolean;
}

const CSV_CONTENT_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values']);

/**
 * Format of an event source from its name (`.csv`, `.ndjson`, `.jsonl`, optionally `.gz`) or,
 * for HTTP, its Content-Type (`text/csv` means CSV, anything else NDJSON) and Content-Encoding.
 * A Content-Type, when given, wins over the name. Unknown names are NDJSON. gzip is also
 * recognised from the data itself by readEventLines (see hasGzipMagic).
 */
export function detectFormat(fileName?: string, contentType?: string, contentEncoding?: string): DetectedFormat {
  const name = (fileName ?? '').trim().toLowerCase();
  const gzipName = name.endsWith('.gz');
  const base = gzipName ? name.slice(0, -3) : name;
  const encodings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((e) => e.trim());
  const gzip = gzipName || encodings.includes('gzip') || encodings.includes('x-gzip');
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== '' && mediaType !== 'application/octet-stream' && mediaType !== 'application/gzip') {
    return { format: CSV_CONTENT_TYPES.has(mediaType) ? 'csv' : 'ndjson', gzip };
  }
  return { format: base.endsWith('.csv') ? 'csv' : 'ndjson', gzip };
}

/** True when the bytes start with the gzip magic number 1f 8b. */
export function hasGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
