import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS } from './limits';
import { readEventLines } from './read-event-lines';
import { EXAMPLE_DIR, chunked, collect } from '../../../../../../test/unit-support/ingest-parsing';
import { ParseError } from './types';

const summary = (lines: { line: number; text: string; record: unknown }[]) =>
  lines.map((l) => [l.line, l.record instanceof ParseError ? `! ${l.record.reason}` : l.record]);

describe('readEventLines, NDJSON', () => {
  const text = '\uFEFF{"id":"a"}\r\n\r\n   \n{"id":"b","n":"市公安局"}\n\n{"id":"c"}';

  it('numbers physical lines, strips \\r and the BOM, skips blank lines, keeps an unterminated last line', async () => {
    const lines = await collect(Buffer.from(text), { format: 'ndjson' });
    expect(summary(lines)).toEqual([
      [1, { id: 'a' }],
      [4, { id: 'b', n: '市公安局' }],
      [6, { id: 'c' }],
    ]);
    expect(lines.map((l) => l.text)).toEqual(['{"id":"a"}', '{"id":"b","n":"市公安局"}', '{"id":"c"}']);
  });

  it('gives the same lines whatever the chunk boundaries (1-byte chunks)', async () => {
    const whole = await collect(Buffer.from(text), { format: 'ndjson' });
    expect(await collect(chunked(Buffer.from(text), 1), { format: 'ndjson' })).toEqual(whole);
  });

  it('reports invalid JSON and JSON that is not an object', async () => {
    const input = ['{"id":', '[1,2]', '42', 'null', '"x"', '{"ok":true} x', '{"ok":true}'].join('\n');
    expect(summary(await collect(Buffer.from(input), { format: 'ndjson' }))).toEqual([
      [1, '! invalid JSON'],
      [2, '! invalid JSON'],
      [3, '! invalid JSON'],
      [4, '! invalid JSON'],
      [5, '! invalid JSON'],
      [6, '! invalid JSON'],
      [7, { ok: true }],
    ]);
  });

  it('gunzips when asked, or when the data starts with the gzip magic bytes', async () => {
    const gz = gzipSync(Buffer.from(text));
    const plain = await collect(Buffer.from(text), { format: 'ndjson' });
    expect(await collect(chunked(gz, 7), { format: 'ndjson', gzip: true })).toEqual(plain);
    expect(await collect(chunked(gz, 1), { format: 'ndjson' })).toEqual(plain);
    expect(await collect(Buffer.from(text), { format: 'ndjson', gzip: false })).toEqual(plain);
  });

  it('fails on a truncated gzip stream after the lines read so far', async () => {
    const gz = gzipSync(Buffer.from(Array.from({ length: 5000 }, (_, i) => `{"id":"e${i}"}`).join('\n')));
    const seen: number[] = [];
    const read = async () => {
      for await (const l of readEventLines(chunked(gz.subarray(0, gz.length - 20), 1024), { format: 'ndjson', gzip: true })) seen.push(l.line);
    };
    await expect(read()).rejects.toThrow();
    expect(seen.length).toBeGreaterThan(0);
  });

  it('reads a Node stream', async () => {
    const lines = [];
    for await (const l of readEventLines(Readable.from([Buffer.from('{"id":"a"}\n{"id"'), Buffer.from(':"b"}\n')]), { format: 'ndjson' })) lines.push(l);
    expect(summary(lines)).toEqual([
      [1, { id: 'a' }],
      [2, { id: 'b' }],
    ]);
  });

  it('closes the input when the reader stops early', async () => {
    const gzFile = join(mkdtempSync(join(tmpdir(), 'ndjson-')), 'events.ndjson.gz');
    writeFileSync(gzFile, gzipSync(Buffer.from(Array.from({ length: 20_000 }, (_, i) => `{"id":"e${i}"}`).join('\n'))));
    for (const [file, gzip] of [
      [`${EXAMPLE_DIR}/events.ndjson`, false],
      [`${EXAMPLE_DIR}/events.ndjson`, undefined],
      [gzFile, undefined],
      [gzFile, true],
    ] as const) {
      const stream = createReadStream(file, { highWaterMark: 256 });
      for await (const l of readEventLines(stream, { format: 'ndjson', gzip })) if (l.line === 2) break;
      await new Promise<void>((closed) => (stream.destroyed ? closed() : stream.once('close', () => closed())));
      expect(stream.destroyed).toBe(true);
    }
  });

  it('quarantines an over-long line without holding it, and goes on', async () => {
    const long = `{"id":"${'x'.repeat(MAX_LINE_CHARS + 10)}"}`;
    const bytes = Buffer.from(`{"id":"a"}\n${long}\n{"id":"b"}\n`);
    for (const chunkSize of [1 << 16, bytes.length]) {
      const lines = await collect(chunked(bytes, chunkSize), { format: 'ndjson' });
      expect(lines.map((l) => [l.line, l.record instanceof ParseError ? l.record.reason : 'ok'])).toEqual([
        [1, 'ok'],
        [2, `line longer than ${MAX_LINE_CHARS} characters`],
        [3, 'ok'],
      ]);
      expect(lines[1].text.length).toBeLessThan(10_000);
    }
  });
});
