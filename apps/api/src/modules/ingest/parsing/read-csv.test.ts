import * as iconv from 'iconv-lite';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CsvHeaderError } from './csv-header-error';
import { csvRecord } from './csv-record';
import { MAX_LINE_CHARS } from './limits';
import { chunked, collect } from '../../../../../../test/unit-support/ingest-parsing';
import { ParseError } from './types';

const csv = (text: string) => Buffer.from(text);
const summary = (lines: { line: number; record: unknown }[]) => lines.map((l) => [l.line, l.record instanceof ParseError ? `! ${l.record.reason}` : l.record]);

describe('readEventLines, CSV', () => {
  it('matches columns by header name, leaves empty cells out and counts the header line', async () => {
    const lines = await collect(csv('type,id,extra,dept\nresource.updated,e1,,PSB\n,e2,x,\n'), { format: 'csv' });
    expect(summary(lines)).toEqual([
      [2, { type: 'resource.updated', id: 'e1', dept: 'PSB' }],
      [3, { id: 'e2', extra: 'x' }],
    ]);
  });

  it('keeps line numbers right across quoted multi-line records and blank lines', async () => {
    const text = 'id,reason\n\ne1,"two\nlines, ""quoted"""\n\r\n  \ne2,plain\r\ne3,"a\r\nb"\r\ne4,last';
    const lines = await collect(csv(text), { format: 'csv' });
    expect(summary(lines)).toEqual([
      [3, { id: 'e1', reason: 'two\nlines, "quoted"' }],
      [7, { id: 'e2', reason: 'plain' }],
      [8, { id: 'e3', reason: 'a\r\nb' }],
      [10, { id: 'e4', reason: 'last' }],
    ]);
    expect(lines[0].text).toBe('e1,"two\nlines, ""quoted"""');
    expect(lines[2].text).toBe('e3,"a\r\nb"');
    expect(await collect(chunked(csv(text), 1), { format: 'csv' })).toEqual(lines);
  });

  it('gives each line its header columns, from which csvRecord rebuilds the record (replay)', async () => {
    const text = 'id, reason ,dept\ne1,"two\nlines",PSB\ne2,,CAB,\ne3,"x"y,PSB\ne4,a,b,c\n';
    const lines = await collect(csv(text), { format: 'csv' });
    expect(lines[0].csvColumns).toEqual(['id', 'reason', 'dept']);
    for (const l of lines) expect(csvRecord(l.csvColumns!, l.text)).toEqual(l.record);
    expect(csvRecord(['id'], 'a\nb')).toEqual(new ParseError('invalid CSV: more than one record'));
  });

  it('ignores a UTF-8 BOM and reads CRLF files', async () => {
    const lines = await collect(csv('\uFEFFid,dept\r\ne1,市公安局\r\n'), { format: 'csv' });
    expect(summary(lines)).toEqual([[2, { id: 'e1', dept: '市公安局' }]]);
    expect(lines[0].text).toBe('e1,市公安局');
  });

  it('reads GB18030 (as Excel saves Chinese CSV), also when the Chinese text starts late', async () => {
    const text = 'id,reason\r\ne1,资源不存在\r\ne2,"涉及个人隐私，不予共享"\r\n';
    const expected = [
      [2, { id: 'e1', reason: '资源不存在' }],
      [3, { id: 'e2', reason: '涉及个人隐私，不予共享' }],
    ];
    const gb = iconv.encode(text, 'gb18030');
    expect(gb.equals(Buffer.from(text))).toBe(false);
    expect(summary(await collect(gb, { format: 'csv' }))).toEqual(expected);
    expect(summary(await collect(chunked(gb, 1), { format: 'csv' }))).toEqual(expected);

    const ascii = Array.from({ length: 500 }, (_, i) => `a${i},ok`).join('\r\n');
    const late = iconv.encode(`id,reason\r\n${ascii}\r\nz,${'审核未通过'.repeat(1000)}\r\n`, 'gb18030');
    const lines = await collect(chunked(late, 1000), { format: 'csv' });
    expect(lines).toHaveLength(501);
    expect(lines[500].record).toEqual({ id: 'z', reason: '审核未通过'.repeat(1000) });
  });

  it('keeps UTF-8 when a multi-byte character is cut by the chunk boundary of the sample', async () => {
    const text = `id,reason\n${'x,'.repeat(10)}\ne1,${'数据'.repeat(3000)}\n`;
    const lines = await collect(chunked(csv(text), 4097), { format: 'csv' });
    expect(lines[1].record).toEqual({ id: 'e1', reason: '数据'.repeat(3000) });
  });

  it('gunzips', async () => {
    const text = 'id,dept\ne1,PSB\n';
    expect(summary(await collect(gzipSync(csv(text)), { format: 'csv', gzip: true }))).toEqual([[2, { id: 'e1', dept: 'PSB' }]]);
  });

  it('quarantines malformed records on their first line and reads on', async () => {
    const text = 'id,dept\ne1,PSB,extra\ne2,PSB,\ne3,"PSB"x\ne4,PSB\ne5,"unterminated\ne6,PSB\n';
    expect(summary(await collect(csv(text), { format: 'csv' }))).toEqual([
      [2, '! invalid CSV: the record has 3 fields, the header has 2'],
      [3, { id: 'e2', dept: 'PSB' }],
      [4, '! invalid CSV: unexpected character after a closing quote'],
      [5, { id: 'e4', dept: 'PSB' }],
      [6, '! invalid CSV: unterminated quoted field'],
      [7, { id: 'e6', dept: 'PSB' }],
    ]);
  });

  it('quarantines an over-long record (such as a runaway quote) on its first line', async () => {
    const bytes = csv(`id,dept\ne1,"${'x'.repeat(MAX_LINE_CHARS)}\ne2,PSB\ne3,${'y'.repeat(MAX_LINE_CHARS + 1)}\ne4,PSB\n`);
    for (const chunkSize of [1 << 16, bytes.length]) {
      const lines = await collect(chunked(bytes, chunkSize), { format: 'csv' });
      expect(lines.map((l) => [l.line, l.record instanceof ParseError ? l.record.reason : l.record])).toEqual([
        [2, `line longer than ${MAX_LINE_CHARS} characters`],
        [3, { id: 'e2', dept: 'PSB' }],
        [4, `line longer than ${MAX_LINE_CHARS} characters`],
        [5, { id: 'e4', dept: 'PSB' }],
      ]);
    }
  });

  it('yields nothing for an empty file or a header alone; refuses a malformed header', async () => {
    expect(await collect(csv(''), { format: 'csv' })).toEqual([]);
    expect(await collect(csv('\n\nid,dept\r\n\r\n'), { format: 'csv' })).toEqual([]);
    await expect(collect(csv('id,"dept\n'), { format: 'csv' })).rejects.toBeInstanceOf(CsvHeaderError);
  });
});
