import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvHeaderError, parseCalendarCsv, parseCatalogCsv, parseDepartmentsCsv, rejectUnknownDepartments } from '.';

const example = (name: string) => readFileSync(resolve(__dirname, '../../../../../../test/fixtures/example', name));
const csv = (text: string) => Buffer.from(text);

describe('parseDepartmentsCsv', () => {
  it('reads the example', () => {
    const r = parseDepartmentsCsv(example('departments.csv'));
    expect(r.read).toBe(3);
    expect(r.rejected).toEqual([]);
    expect(r.rows[0]).toEqual({ line: 2, code: 'PSB', name: '市公安局', nameEn: 'Public Security Bureau', category: '社会管理', active: true });
  });

  it('applies the column rules', () => {
    const text = [
      'name,code,active', // any column order; name_en and category are optional columns
      '市公安局,PSB,',
      '市民政局,CAB,false',
      '市场监管,MSA,TRUE',
      'Bad,a b,',
      'Long,' + 'X'.repeat(33) + ',',
      'Ok,' + 'x_-9'.repeat(8) + ',',
      ',NONAME,',
      'Dup,PSB,',
      'Maybe,MAY,yes',
      '  ,  ,  ',
    ].join('\r\n');
    const r = parseDepartmentsCsv(csv(text));
    expect(r.rows.map((d) => [d.line, d.code, d.active, d.nameEn])).toEqual([
      [2, 'PSB', true, null],
      [3, 'CAB', false, null],
      [4, 'MSA', true, null],
      [7, 'x_-9'.repeat(8), true, null],
    ]);
    expect(r.rejected).toEqual([
      { line: 5, reason: 'invalid department code "a b": 1-32 characters of A-Z a-z 0-9 _ -' },
      { line: 6, reason: `invalid department code "${'X'.repeat(33)}": 1-32 characters of A-Z a-z 0-9 _ -` },
      { line: 8, reason: 'missing field "name"' },
      { line: 9, reason: 'duplicate code "PSB" (first on line 2)' },
      { line: 10, reason: 'field "active" must be true, false or empty, not "yes"' },
      { line: 11, reason: 'missing field "code"' },
    ]);
    expect(r.read).toBe(10);
  });

  it('reads GB18030 and UTF-8 with a BOM, skips blank lines, keeps quoted multi-line names', () => {
    const text = 'code,name,category\r\nPSB,市公安局,社会管理\r\n\r\nCAB,"市民政局\r\n（民政）",社会服务\r\nMSA,市市场监督管理局,经济调节\r\n';
    for (const bytes of [iconv.encode(text, 'gb18030'), csv('\uFEFF' + text)]) {
      const r = parseDepartmentsCsv(bytes);
      expect(r.rows.map((d) => [d.line, d.code, d.name, d.category])).toEqual([
        [2, 'PSB', '市公安局', '社会管理'],
        [4, 'CAB', '市民政局\r\n（民政）', '社会服务'],
        [6, 'MSA', '市市场监督管理局', '经济调节'],
      ]);
      expect(r.read).toBe(3);
    }
  });

  it('refuses a file without the code or name column', () => {
    expect(() => parseDepartmentsCsv(csv('code,title\nPSB,x\n'))).toThrow(CsvHeaderError);
    expect(() => parseDepartmentsCsv(csv('code,title\nPSB,x\n'))).toThrow('the header row lacks the required column "name"');
    // The refusal names the Chinese headers that would do as well.
    expect(() => parseDepartmentsCsv(csv(''))).toThrow('the header row lacks the required columns "code" (部门代码/部门编码), "name" (部门名称)');
  });

  it('rejects malformed records', () => {
    const r = parseDepartmentsCsv(csv('code,name\nPSB,市公安局,extra\nCAB,"x"y\nMSA,ok,\n'));
    expect(r.rejected).toEqual([
      { line: 2, reason: 'invalid CSV: the record has 3 fields, the header has 2' },
      { line: 3, reason: 'invalid CSV: unexpected character after a closing quote' },
    ]);
    expect(r.rows.map((d) => d.code)).toEqual(['MSA']);
  });
});

describe('parseCatalogCsv', () => {
  it('reads the example', () => {
    const r = parseCatalogCsv(example('catalog.csv'));
    expect(r.read).toBe(6);
    expect(r.rejected).toEqual([]);
    expect(r.rows.find((x) => x.code === 'CAB-AID')).toEqual({
      line: 5,
      code: 'CAB-AID',
      name: '低保救助对象信息',
      dept: 'CAB',
      frequency: 'daily',
      activeFrom: '2026-10-20',
      activeTo: null,
    });
  });

  it('applies the column rules', () => {
    const text = [
      'code,name,dept,frequency,active_from,active_to',
      'R1,资源1,PSB,realtime,,',
      'R2,资源2,PSB,on_demand,2026-01-01,2026-01-01',
      'R3,资源3,PSB,hourly,,',
      'R4,资源4,PSB,daily,2026-02-30,',
      'R5,资源5,PSB,daily,,2026/10/01',
      'R6,资源6,PSB,daily,2026-10-02,2026-10-01',
      'R7,,PSB,daily,,',
      'R8,资源8,,daily,,',
      'R1,again,PSB,daily,,',
      ',资源,PSB,daily,,',
      'R9,资源9,XYZ,yearly,,',
    ].join('\n');
    const r = parseCatalogCsv(csv(text));
    expect(r.rows.map((x) => [x.line, x.code, x.frequency, x.activeFrom, x.activeTo])).toEqual([
      [2, 'R1', 'realtime', null, null],
      [3, 'R2', 'on_demand', '2026-01-01', '2026-01-01'],
      [12, 'R9', 'yearly', null, null],
    ]);
    expect(r.rejected).toEqual([
      { line: 4, reason: 'field "frequency" must be one of realtime, daily, weekly, monthly, quarterly, yearly, on_demand, not "hourly"' },
      { line: 5, reason: 'field "active_from" must be a date YYYY-MM-DD, not "2026-02-30"' },
      { line: 6, reason: 'field "active_to" must be a date YYYY-MM-DD, not "2026/10/01"' },
      { line: 7, reason: 'active_to 2026-10-01 is before active_from 2026-10-02' },
      { line: 8, reason: 'missing field "name"' },
      { line: 9, reason: 'missing field "dept"' },
      { line: 10, reason: 'duplicate code "R1" (first on line 2)' },
      { line: 11, reason: 'missing field "code"' },
    ]);
    const checked = rejectUnknownDepartments(r, (d) => d === 'PSB');
    expect(checked.rows.map((x) => x.code)).toEqual(['R1', 'R2']);
    expect(checked.rejected.at(-1)).toEqual({ line: 12, reason: 'unknown department "XYZ"' });
    expect(checked.read).toBe(11);
  });

  it('needs code, name, dept and frequency columns; the active range columns are optional', () => {
    expect(() => parseCatalogCsv(csv('code,name,dept\nR,n,PSB\n'))).toThrow('the header row lacks the required column "frequency"');
    expect(parseCatalogCsv(csv('frequency,dept,name,code\nweekly,PSB,n,R\n')).rows).toEqual([
      { line: 2, code: 'R', name: 'n', dept: 'PSB', frequency: 'weekly', activeFrom: null, activeTo: null },
    ]);
  });
});

describe('parseCalendarCsv', () => {
  it('reads the example', () => {
    const r = parseCalendarCsv(example('calendar.csv'));
    expect(r.rejected).toEqual([]);
    expect(r.rows.map((x) => [x.date, x.kind])).toContainEqual(['2026-10-10', 'workday']);
    expect(r.read).toBe(r.rows.length);
  });

  it('applies the column rules', () => {
    const text =
      'date,kind\n2026-10-01,holiday\n2026-10-03,holiday\n2026-10-10,workday\n2026-02-29,holiday\n2026-10-11,Workday\n2026-10-01,workday\n20261012,holiday\n';
    const r = parseCalendarCsv(csv(text));
    expect(r.rows.map((x) => [x.line, x.date, x.kind])).toEqual([
      [2, '2026-10-01', 'holiday'],
      [3, '2026-10-03', 'holiday'], // a holiday on a Saturday changes nothing but is accepted
      [4, '2026-10-10', 'workday'],
    ]);
    expect(r.rejected).toEqual([
      { line: 5, reason: 'field "date" must be a date YYYY-MM-DD, not "2026-02-29"' },
      { line: 6, reason: 'field "kind" must be "holiday" or "workday", not "Workday"' },
      { line: 7, reason: 'duplicate date "2026-10-01" (first on line 2)' },
      { line: 8, reason: 'field "date" must be a date YYYY-MM-DD, not "20261012"' },
    ]);
  });

  it('needs the date,kind header', () => {
    expect(() => parseCalendarCsv(csv('2026-10-01,holiday\n'))).toThrow('the header row lacks the required columns "date" (日期), "kind" (类型)');
  });
});
