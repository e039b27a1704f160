import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { matchMessage, renderMessage } from '@app/contracts';
import {
  CsvHeaderError,
  parseCalendar,
  parseCalendarCsv,
  parseCatalog,
  parseCatalogCsv,
  parseDepartments,
  parseDepartmentsCsv,
  readMasterDataFile,
  rejectUnknownDepartments,
} from '.';

const gb = (text: string) => iconv.encode(text, 'gb18030');

async function workbook(rows: ExcelJS.CellValue[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('部门');
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  wb.addWorksheet('说明').addRow(['只读第一个工作表']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Chinese header names and values', () => {
  it('reads a GB18030 departments file with Chinese headers in any order', () => {
    const text =
      '是否启用,部门名称,部门代码,部门类别,英文名称\r\n是,市公安局,PSB,社会管理,Public Security Bureau\r\n否,市民政局,CAB,社会服务,\r\n,市场监管局,MSA,,\r\n';
    const r = parseDepartmentsCsv(gb(text));
    expect(r.rejected).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, code: 'PSB', name: '市公安局', nameEn: 'Public Security Bureau', category: '社会管理', active: true },
      { line: 3, code: 'CAB', name: '市民政局', nameEn: null, category: '社会服务', active: false },
      { line: 4, code: 'MSA', name: '市场监管局', nameEn: null, category: null, active: true },
    ]);
    // Either Chinese name of a column will do.
    expect(parseDepartmentsCsv(gb('部门编码,部门名称,类别\nPSB,市公安局,社会管理\n')).rows[0]).toMatchObject({ code: 'PSB', category: '社会管理' });
  });

  it('names the field as the file does when a Chinese value is wrong, in both languages', () => {
    const r = parseDepartmentsCsv(gb('部门代码,部门名称,是否启用\nMSA,市场监管局,启用\nCAB,,是\nPSB,市公安局,是\nPSB,重复,是\n'));
    expect(r.rejected).toEqual([
      { line: 2, reason: 'field "是否启用" must be 是, 否 or empty, not "启用"' },
      { line: 3, reason: 'missing field "部门名称"' },
      { line: 5, reason: 'duplicate 部门代码 "PSB" (first on line 4)' },
    ]);
    expect(renderMessage('row.duplicate', matchMessage(r.rejected[2].reason, 'row.')!.params, 'zh')).toBe('部门代码 "PSB" 重复（首次出现在第 4 行）');
    const coded = matchMessage(r.rejected[0].reason, 'row.');
    expect(coded).toEqual({ code: 'row.yesNo', params: { field: '是否启用', yes: '是', no: '否', value: '"启用"' } });
    expect(renderMessage(coded!.code, coded!.params, 'zh')).toBe('字段“是否启用”须为 是、否 或留空，而不是 "启用"');
  });

  it('reads a Chinese catalog with Chinese frequencies, and refuses an unknown one naming 更新周期', () => {
    const text =
      '资源代码,资源名称,提供部门,更新周期,启用日期,停用日期\nR1,人口信息,PSB,每日,2026-01-01,\nR2,救助对象,CAB,按需,,2026-12-31\nR3,企业信息,MSA,每季度,,\nR4,坏频率,PSB,每小时,,\nR5,英文值,PSB,weekly,,\n';
    const r = parseCatalogCsv(gb(text));
    expect(r.rows.map((x) => [x.code, x.frequency, x.activeFrom, x.activeTo])).toEqual([
      ['R1', 'daily', '2026-01-01', null],
      ['R2', 'on_demand', null, '2026-12-31'],
      ['R3', 'quarterly', null, null],
      ['R5', 'weekly', null, null],
    ]);
    expect(r.rejected).toEqual([{ line: 5, reason: 'field "更新周期" must be one of 实时, 每日, 每周, 每月, 每季度, 每年, 按需, not "每小时"' }]);
    expect(matchMessage(r.rejected[0].reason, 'row.')?.code).toBe('row.oneOf');
    expect(parseCatalogCsv(gb('资源代码,资源名称,提供部门,更新周期,启用日期\nR,n,PSB,每日,2026/01/01\n')).rejected).toEqual([
      { line: 2, reason: 'field "启用日期" must be a date YYYY-MM-DD, not "2026/01/01"' },
    ]);
  });

  it('takes the provider department by 部门代码 too, and a 提供部门 holding a unique department name', () => {
    const r = parseCatalogCsv(Buffer.from('资源代码,资源名称,部门代码,更新周期\nR1,n,PSB,每月\n'));
    expect(r.rows[0].dept).toBe('PSB');
    const named = parseCatalogCsv(Buffer.from('资源代码,资源名称,提供部门,更新周期\nR1,n,市公安局,每月\nR2,n,市不存在局,每月\n'));
    const names = new Map([['市公安局', 'PSB']]);
    const checked = rejectUnknownDepartments(
      named,
      (code) => code === 'PSB',
      (name) => names.get(name),
    );
    expect(checked.rows.map((x) => [x.code, x.dept])).toEqual([['R1', 'PSB']]);
    expect(checked.rejected).toEqual([{ line: 3, reason: 'unknown department "市不存在局"' }]);
  });

  it('reads a Chinese calendar with names, and keeps stored names when the file has no name column', () => {
    const r = parseCalendarCsv(gb('日期,类型,名称\n2026-10-01,节假日,国庆节\n2026-10-10,调休上班,国庆节\n2026-10-12,holiday,\n2026-10-13,休息,\n'));
    expect(r.rows).toEqual([
      { line: 2, date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { line: 3, date: '2026-10-10', kind: 'workday', name: '国庆节' },
      { line: 4, date: '2026-10-12', kind: 'holiday', name: null },
    ]);
    expect(r.rejected).toEqual([{ line: 5, reason: 'field "类型" must be "节假日" or "调休上班", not "休息"' }]);
    expect(matchMessage(r.rejected[0].reason, 'row.')?.code).toBe('row.eitherOf');
    expect(parseCalendarCsv(Buffer.from('date,kind\n2026-10-01,holiday\n')).rows[0]).toEqual({ line: 2, date: '2026-10-01', kind: 'holiday' });
    expect(parseCalendarCsv(Buffer.from(`date,kind,name\n2026-10-01,holiday,${'节'.repeat(51)}\n`)).rejected[0].reason).toBe(
      'field "name" is longer than 50 characters',
    );
  });
});

describe('XLSX workbooks', () => {
  it('reads the first sheet like a CSV file: row numbers as lines, date cells as YYYY-MM-DD', async () => {
    const buf = await workbook(
      [
        ['资源代码', '资源名称', '提供部门', '更新周期', '启用日期', '停用日期'],
        ['R1', { richText: [{ text: '人口' }, { text: '信息' }] }, 'PSB', '每日', new Date('2026-01-05T00:00:00Z'), null],
        [],
        [1001, '数字代码', 'PSB', { formula: '"每"&"月"', result: '每月' }, null, new Date('2026-12-31T00:00:00Z')],
        ['R3', '坏日期', 'PSB', '每年', new Date('2026-03-01T08:30:00Z'), null, '右侧备注'],
      ],
      (sheet) => {
        // A date typed as a number with a date format (as a formula's result often is).
        sheet.getCell('E6').value = 46082;
        sheet.getCell('E6').numFmt = 'yyyy"年"m"月"d"日"';
        sheet.getCell('A6').value = 'R4';
        sheet.getCell('B6').value = '数字日期';
        sheet.getCell('C6').value = 'PSB';
        sheet.getCell('D6').value = '实时';
      },
    );
    const table = await readMasterDataFile(buf);
    expect(table.format).toBe('xlsx');
    const r = parseCatalog(table);
    expect(r.rows.map((x) => [x.line, x.code, x.name, x.frequency, x.activeFrom, x.activeTo])).toEqual([
      [2, 'R1', '人口信息', 'daily', '2026-01-05', null],
      [4, '1001', '数字代码', 'monthly', null, '2026-12-31'],
      [6, 'R4', '数字日期', 'realtime', '2026-03-01', null],
    ]);
    // A cell right of the header (a note) is ignored; a date with a time is no date.
    expect(r.rejected).toEqual([{ line: 5, reason: 'field "启用日期" must be a date YYYY-MM-DD, not "2026-03-01 08:30:00"' }]);
    expect(r.read).toBe(4);
  });

  it('reads TRUE/FALSE cells, and refuses a sheet lacking a required column', async () => {
    const r = parseDepartments(
      await readMasterDataFile(
        await workbook([
          ['code', 'name', 'active'],
          ['PSB', '市公安局', true],
          ['CAB', '市民政局', false],
        ]),
      ),
    );
    expect(r.rows.map((d) => [d.code, d.active])).toEqual([
      ['PSB', true],
      ['CAB', false],
    ]);
    const lacking = await readMasterDataFile(
      await workbook([
        ['日期', '名称'],
        [new Date('2026-10-01T00:00:00Z'), '国庆节'],
      ]),
    );
    expect(() => parseCalendar(lacking)).toThrow('the header row lacks the required column "kind" (类型)');
    expect(() => parseCalendar({ format: 'xlsx', records: [] })).toThrow(CsvHeaderError);
  });

  it('refuses an old .xls file and a broken workbook as a whole', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readMasterDataFile(xls)).rejects.toThrow('old Excel (.xls) files cannot be read: save the sheet as .xlsx or CSV and import that');
    await expect(readMasterDataFile(Buffer.from('PK\x03\x04garbage'))).rejects.toThrow(/^the XLSX workbook cannot be read: /);
    const text = (await readMasterDataFile(Buffer.from('PK\x03\x04garbage')).catch((e: Error) => e.message)) as string;
    expect(matchMessage(text, 'upload.')?.code).toBe('upload.badXlsx');
  });
});
