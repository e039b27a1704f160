import { describe, expect, it } from 'vitest';
import { detectFormat, hasGzipMagic } from './format';

describe('detectFormat', () => {
  it.each([
    ['events.ndjson', undefined, undefined, { format: 'ndjson', gzip: false }],
    ['events.jsonl', undefined, undefined, { format: 'ndjson', gzip: false }],
    ['events.ndjson.gz', undefined, undefined, { format: 'ndjson', gzip: true }],
    ['EVENTS.CSV', undefined, undefined, { format: 'csv', gzip: false }],
    ['2026-10/events.csv.gz', undefined, undefined, { format: 'csv', gzip: true }],
    ['upload', 'text/csv; charset=utf-8', undefined, { format: 'csv', gzip: false }],
    ['upload', 'text/csv', 'gzip', { format: 'csv', gzip: true }],
    ['upload', 'application/x-ndjson', 'gzip', { format: 'ndjson', gzip: true }],
    [undefined, 'application/json', undefined, { format: 'ndjson', gzip: false }],
    ['events.csv', 'application/x-ndjson', undefined, { format: 'ndjson', gzip: false }],
    ['events.csv', 'application/octet-stream', undefined, { format: 'csv', gzip: false }],
    ['events.txt', undefined, undefined, { format: 'ndjson', gzip: false }],
  ])('%s %s %s', (name, type, encoding, expected) => {
    expect(detectFormat(name, type, encoding)).toEqual(expected);
  });

  it('recognises gzip magic bytes', () => {
    expect(hasGzipMagic(Buffer.from([0x1f, 0x8b, 8]))).toBe(true);
    expect(hasGzipMagic(Buffer.from('{"id":1}'))).toBe(false);
    expect(hasGzipMagic(Buffer.from([0x1f]))).toBe(false);
  });
});
