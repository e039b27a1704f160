import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScoreRecord } from '@app/scoring';
import { ReportsService } from '../../apps/api/src/modules/reports/reports.service';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { EXAMPLE_AS_OF, exampleJson, loadExampleThroughCli } from './support/example';
import { addUser, loginAs, runCli, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';
import { binary } from './support/downloads';

const kinds = databaseKinds();
const AS_OF = encodeURIComponent(EXAMPLE_AS_OF);
const EVIL_NAME = '=HYPERLINK("http://x","y")';

/**
 * Words of Latin letters that are not codes: a code is upper-case letters,
 * digits and dashes (department PSB, resource PSB-HH, request RQ-3, grade A),
 * an event or finding id, or a unit (ms). What is left would be English prose.
 */
function englishWords(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  return [...new Set(words.filter((w) => !/^[A-Z0-9][A-Z0-9_-]*$/.test(w) && !['ms', 'API', 'id'].includes(w) && !/^(ex|evt|ev|req|obj|api)-/i.test(w)))];
}

/** supertest collects a binary body into a Buffer. */
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

/** The rows under the header row that has `firstHeader` in column A, keyed by the header texts. */
function sheetRows(sheet: ExcelJS.Worksheet, firstHeader: string): Record<string, ExcelJS.CellValue>[] {
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === firstHeader) headerRow = n;
  });
  expect(headerRow, `header ${firstHeader} in ${sheet.name}`).toBeGreaterThan(0);
  const headers: string[] = [];
  sheet.getRow(headerRow).eachCell((cell, col) => (headers[col] = String(cell.value)));
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (!row.hasValues) continue;
    rows.push(Object.fromEntries(headers.map((h, col) => [h, row.getCell(col).value ?? null]).filter(([h]) => h)));
  }
  return rows;
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}

describe.each(kinds)('assessment reports on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let outDir: string;
  const token: Record<string, string> = {};
  const bearer = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  let record: ScoreRecord;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    outDir = mkdtempSync(join(tmpdir(), 'reports-out-'));
    await loadExampleThroughCli(db);
    t = await startTestApp(db, { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'admin-password', CITY_NAME: '示例市' });
    token.admin = await loginAs(t.http, 'admin', 'admin-password');
    for (const [user, role, dept] of [
      ['inspector', 'inspector', null],
      ['leader', 'leader', null],
      ['cab', 'department', 'CAB'],
    ] as const) {
      await addUser(t.http, bearer('admin'), user, role, dept);
      token[user] = await loginAs(t.http, user, TEST_PASSWORD);
    }
    record = (await t.http.get(`/api/scores?period=2026-10&asOf=${AS_OF}`).set(bearer('leader')).expect(200)).body as ScoreRecord;
    expect(record).toEqual(exampleJson('expected-2026-10.json'));
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('gives a workbook whose numbers equal the score record', async () => {
    const res = await binary(t.http.get(`/api/reports/2026-10.xlsx?asOf=${AS_OF}`).set(bearer('leader'))).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'])![1];
    expect(decodeURIComponent(encoded)).toBe('示例市数据共享绩效考核_2026-10_未发布.xlsx');
    const wb = await readWorkbook(res.body as Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总与排名', '维度明细', '问题清单', '表彰与通报', '考核方案']);
    for (const sheet of wb.worksheets) expect(sheet.views[0]).toMatchObject({ state: 'frozen' });

    const summary = wb.getWorksheet('汇总与排名')!;
    expect(String(summary.getCell('A1').value)).toContain('示例市');
    expect(String(summary.getCell('A2').value)).toContain('未发布');
    const ranking = sheetRows(summary, '名次');
    expect(ranking.map((r) => r['部门代码'])).toEqual(record.departments.map((d) => d.dept));
    for (const d of record.departments) {
      const row = ranking.find((r) => r['部门代码'] === d.dept)!;
      expect(row['部门名称']).toBe(d.name);
      expect(row['名次']).toBe(d.rank);
      expect(row['名次变化']).toBe(d.rankChange);
      expect(row['总分']).toBe(d.total ?? '无数据');
      expect(row['及时性']).toBe(d.timeliness ?? '不适用');
      expect(row['完整性']).toBe(d.completeness ?? '不适用');
      expect(row['响应']).toBe(d.response ?? '不适用');
      expect(String(row['等级'])).toMatch(new RegExp(`^${d.grade ?? '无数据'}`));
    }
    const totalCell = summary.getRow(5).getCell(5);
    expect(totalCell.numFmt).toBe('0.00');

    const dims = sheetRows(wb.getWorksheet('维度明细')!, '部门代码');
    for (const d of record.departments) {
      const row = dims.find((r) => r['部门代码'] === d.dept)!;
      const c = d.counts;
      expect([row['应考核窗口数'], row['按时更新窗口数'], row['记录数'], row['字段齐全记录数']]).toEqual([
        c.windowsDue,
        c.windowsMet,
        c.records,
        c.completeRecords,
      ]);
      expect([row['已办结申请数'], row['按时答复申请数'], row['办理中申请数'], row['拖延不办申请数']]).toEqual([
        c.requestsSettled,
        c.requestsOnTime,
        c.requestsPending,
        c.requestsOverdueOpen,
      ]);
      expect([row['已办结异议数'], row['按时处理异议数'], row['接口成功次数'], row['接口失败次数']]).toEqual([
        c.objectionsSettled,
        c.objectionsOnTime,
        c.apiSuccess,
        c.apiFailure,
      ]);
    }

    const findings = (await t.http.get(`/api/departments/CAB/findings?period=2026-10&asOf=${AS_OF}`).set(bearer('leader')).expect(200)).body
      .findings as unknown[];
    const findingRows = sheetRows(wb.getWorksheet('问题清单')!, '部门代码');
    expect(findingRows.filter((r) => r['部门代码'] === 'CAB')).toHaveLength(findings.length);
    expect(findingRows.find((r) => r['申请/异议编号'] === 'RQ-3')).toMatchObject({ 部门代码: 'CAB', 逾期工作日: 11, '申请方/提出方': 'PSB' });

    const lists = sheetRows(wb.getWorksheet('表彰与通报')!, '类别');
    expect(lists.filter((r) => r['类别'] === '表彰').map((r) => r['部门代码'])).toEqual(record.commended);
    expect(lists.filter((r) => r['类别'] === '通报').map((r) => [r['部门代码'], r['拖延不办申请数']])).toEqual(
      record.noticed.map((n) => [n.dept, n.overdueOpenRequests]),
    );
    const scheme = sheetRows(wb.getWorksheet('考核方案')!, '参数');
    expect(scheme.find((r) => r['参数'] === '方案版本')!['值']).toBe(record.schemeVersion);
    expect(scheme.find((r) => r['参数'] === '及时性权重')!['值']).toBe(0.4);
  });

  it('gives a PDF bulletin with the Chinese names and totals, provisional on every page', async () => {
    const res = await binary(t.http.get(`/api/reports/2026-10.pdf?asOf=${AS_OF}`).set(bearer('inspector'))).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.body as Buffer;
    process.stderr.write(`[reports] city bulletin PDF (${kind}): ${bytes.length} bytes\n`);
    expect(bytes.length).toBeLessThan(500_000);
    const pages = await pdfPages(bytes);
    const all = pages.join('\n');
    expect(all).toContain('示例市政务数据共享绩效考核通报');
    for (const d of record.departments) {
      expect(all).toContain(d.name);
      expect(all).toContain(d.total!.toFixed(2));
    }
    expect(all).toContain('表彰名单');
    expect(all).toContain('通报名单');
    expect(all).toContain('考核方法说明');
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('未发布');
      expect(page).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
    });
    // Vector charts: the ranking chart's labels are text in the PDF, not pixels.
    expect(all).toContain('1. 市公安局');
    expect(englishWords(all)).toEqual([]);
  });

  it('writes the workbook in Chinese: no English word but codes', async () => {
    const wb = await readWorkbook((await binary(t.http.get(`/api/reports/2026-10.xlsx?asOf=${AS_OF}`).set(bearer('inspector'))).expect(200)).body as Buffer);
    const texts: string[] = [];
    wb.eachSheet((sheet) => {
      texts.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
    });
    expect(englishWords(texts.join('\n'))).toEqual([]);
  });

  it("gives a department its own report in every format and nobody else's (403, audited)", async () => {
    const pdf = await binary(t.http.get(`/api/reports/2026-10.pdf?dept=CAB&asOf=${AS_OF}`).set(bearer('cab'))).expect(200);
    const text = (await pdfPages(pdf.body as Buffer)).join('\n');
    expect(text).toContain('市民政局');
    expect(text).toContain('65.64');
    expect(text).toContain('RQ-3');
    // Findings name their resources and departments, not codes alone; the city's ranking is not in a department's report.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('申请方市公安局（PSB），资源婚姻登记信息（CAB-MAR）');
    expect(flat).toContain('资源低保救助对象信息（CAB-AID）完整率');
    expect(text).not.toContain('1. 市公安局');
    expect(text).not.toContain('96.30');
    const xlsx = await binary(t.http.get(`/api/reports/2026-10.xlsx?dept=CAB&asOf=${AS_OF}`).set(bearer('cab'))).expect(200);
    const workbook = await readWorkbook(xlsx.body as Buffer);
    const rows = sheetRows(workbook.getWorksheet('汇总与排名')!, '名次');
    expect(rows.map((r) => r['部门代码'])).toEqual(['CAB']);

    // The points-lost breakdown (scoring.md "Points lost"): the parts are the record's, in the workbook and the PDF.
    const own = (await t.http.get(`/api/scores?period=2026-10&asOf=${AS_OF}`).set(bearer('cab')).expect(200)).body as ScoreRecord;
    const pointsLost = own.departments.find((d) => d.dept === 'CAB')!.pointsLost!;
    const parts = sheetRows(workbook.getWorksheet('扣分构成')!, '扣分项');
    const part = (label: string) => parts.find((r) => r['扣分项'] === label)?.['扣分'];
    expect([part('及时性'), part('完整性'), part('申请答复'), part('异议处理'), part('接口调用'), part('合计')]).toEqual([
      pointsLost.timeliness ?? '不适用',
      pointsLost.completeness ?? '不适用',
      pointsLost.requests ?? '不适用',
      pointsLost.objections ?? '不适用',
      pointsLost.interfaces ?? '不适用',
      pointsLost.total,
    ]);
    const cabFindings = (await t.http.get(`/api/departments/CAB/findings?period=2026-10&asOf=${AS_OF}`).set(bearer('cab')).expect(200)).body.findings as {
      kind: string;
      request?: string;
      pointsLost?: number;
    }[];
    const rq3 = sheetRows(workbook.getWorksheet('问题清单')!, '部门代码').find((r) => r['申请/异议编号'] === 'RQ-3')!;
    expect(rq3['扣分']).toBe(cabFindings.find((f) => f.request === 'RQ-3')!.pointsLost);
    expect(text).toContain('扣分构成');
    for (const v of [pointsLost.total, pointsLost.timeliness, pointsLost.completeness, pointsLost.requests]) expect(text).toContain(v!.toFixed(2));
    const csv = await binary(t.http.get(`/api/reports/2026-10.csv?dept=CAB&asOf=${AS_OF}`).set(bearer('cab'))).expect(200);
    expect((csv.body as Buffer).toString('utf8')).toContain('RQ-3');

    for (const url of ['/api/reports/2026-10.pdf?dept=PSB', '/api/reports/2026-10.xlsx?dept=NOPE', '/api/reports/2026-10.csv']) {
      await t.http.get(url).set(bearer('cab')).expect(403);
    }
    await t.http.get('/api/reports/2026-10/departments.zip').set(bearer('cab')).expect(403);
    await t.http.get('/api/reports/2026-10.pdf?dept=NOPE').set(bearer('leader')).expect(404);
    await t.http.get('/api/reports/2026-13.pdf').set(bearer('leader')).expect(400);
    await t.http.get('/api/reports/2026-10.docx').set(bearer('leader')).expect(400);
    const denied = await t.http.get('/api/audit?action=access.denied').set(bearer('admin')).expect(200);
    expect(denied.body.items.map((e: { target: string }) => e.target).sort()).toEqual(['(city)', 'NOPE', 'PSB']);
  });

  it('writes every export to the audit log with the filters, rows and sha256', async () => {
    const res = await binary(t.http.get(`/api/reports/2026-10.csv?asOf=${AS_OF}`).set(bearer('inspector'))).expect(200);
    const audit = await t.http.get('/api/audit?action=report.export&limit=1').set(bearer('admin')).expect(200);
    expect(audit.body.items[0]).toMatchObject({
      actor: 'user:inspector',
      action: 'report.export',
      target: '2026-10',
      detail: {
        format: 'csv',
        filters: { period: '2026-10', dept: null, asOf: new Date(EXAMPLE_AS_OF).toISOString() },
        rows: record.departments.length,
        sha256: sha256(res.body as Buffer),
      },
    });
  });

  it("zips every department's PDF for inspectors", async () => {
    const res = await binary(t.http.get(`/api/reports/2026-10/departments.zip?asOf=${AS_OF}`).set(bearer('inspector'))).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(record.departments.map((d) => `${d.dept}_${d.name}.pdf`).sort());
    const cab = await zip.file('CAB_市民政局.pdf')!.async('nodebuffer');
    expect((await pdfPages(cab)).join('\n')).toContain('市民政局');
    await t.http.get('/api/reports/2026-10/departments.zip').set(bearer('leader')).expect(403);
  });

  it('neutralises a department named like a formula in the workbook and the CSV', async () => {
    const csvUpload = `code,name\nEVIL,"${EVIL_NAME.replace(/"/g, '""')}"\n`;
    const imported = await t.http.post('/api/master-data/departments').set(bearer('admin')).set('Content-Type', 'text/csv').send(csvUpload).expect(201);
    expect(imported.body).toMatchObject({ read: 1, upserted: 1, rejected: 0 });

    const xlsx = await binary(t.http.get(`/api/reports/2026-10.xlsx?asOf=${AS_OF}`).set(bearer('inspector'))).expect(200);
    const wb = await readWorkbook(xlsx.body as Buffer);
    for (const [sheetName, header] of [
      ['汇总与排名', '名次'],
      ['维度明细', '部门代码'],
    ] as const) {
      const sheet = wb.getWorksheet(sheetName)!;
      const row = sheetRows(sheet, header).find((r) => r['部门代码'] === 'EVIL');
      expect(row?.['部门名称'], sheetName).toBe(`'${EVIL_NAME}`);
      sheet.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    }
    // No formula anywhere in the file itself.
    const parts = await JSZip.loadAsync(xlsx.body as Buffer);
    for (const name of Object.keys(parts.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      expect(await parts.file(name)!.async('string')).not.toMatch(/<f[ >]/);
    }

    const csv = await binary(t.http.get(`/api/reports/2026-10.csv?asOf=${AS_OF}`).set(bearer('inspector'))).expect(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parseCsv(text.slice(1));
    expect(records[0].slice(0, 9)).toEqual(['名次', '名次变化', '部门代码', '部门名称', '总分', '等级', '及时性', '完整性', '响应']);
    const evil = records.find((r) => r[2] === 'EVIL')!;
    expect(evil[3]).toBe(`'${EVIL_NAME}`);
    for (const r of records) for (const field of r) expect(field).not.toMatch(/^[=+@\t\r]/);
  });

  it('writes a report from the CLI', async () => {
    const out = join(outDir, '报告 2026-10.xlsx');
    const r = await runCli(db, ['report', '--period', '2026-10', '--format', 'xlsx', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual([{ file: out }]);
    const rows = sheetRows((await readWorkbook(readFileSync(out))).getWorksheet('汇总与排名')!, '名次');
    expect(rows.find((row) => row['部门代码'] === 'PSB')).toBeDefined();
    const csvOut = join(outDir, 'cab.csv');
    const dept = await runCli(db, ['report', '--period', '2026-10', '--format', 'csv', '--dept', 'CAB', '--as-of', EXAMPLE_AS_OF, '--out', csvOut]);
    expect(dept.status, dept.stderr).toBe(0);
    expect(readFileSync(csvOut, 'utf8')).toContain('市民政局');
    const bad = await runCli(db, ['report', '--period', '2026-10', '--format', 'docx', '--out', join(outDir, 'x')]);
    expect(bad.status).toBe(1);
    expect(existsSync(join(outDir, 'x'))).toBe(false);
    const audit = await t.http.get('/api/audit?action=report.export&limit=2').set(bearer('admin')).expect(200);
    expect(audit.body.items.map((e: { actor: string }) => e.actor.startsWith('cli:'))).toEqual([true, true]);
  });

  it('keeps the reports of a published period, the zip of department reports with them, and lists them in the history', async () => {
    await t.http.post('/api/periods/2026-10/publish').set(bearer('inspector')).expect(200);
    const kept = await t.app.get(ReportsService).generateForPublication('2026-10', 'user:inspector');
    expect(kept.map((k) => k.format).sort()).toEqual(['csv', 'pdf', 'xlsx', 'zip']);
    // Idempotent for the same publication.
    expect((await t.app.get(ReportsService).generateForPublication('2026-10')).map((k) => k.id)).toEqual(kept.map((k) => k.id));

    const history = await t.http.get('/api/reports/history').set(bearer('leader')).expect(200);
    expect(history.body).toHaveLength(4);
    expect(history.body.map((e: { format: string }) => e.format).sort()).toEqual(['csv', 'pdf', 'xlsx', 'zip']);
    expect(history.body[0]).toMatchObject({ period: '2026-10', dept: null, schemeVersion: 1, inForce: true, createdBy: 'user:inspector' });
    expect(history.body.find((e: { format: string }) => e.format !== 'zip').fileName).toMatch(/^示例市数据共享绩效考核_2026-10\.(xlsx|pdf|csv)$/);

    // The zip is kept like the others: listed, downloadable byte for byte, one published PDF per department.
    const zipEntry = kept.find((k) => k.format === 'zip')!;
    expect(history.body.find((e: { format: string }) => e.format === 'zip')).toMatchObject({
      id: zipEntry.id,
      fileName: '示例市数据共享绩效考核_2026-10_各部门报告.zip',
      sha256: zipEntry.sha256,
      inForce: true,
    });
    const zipFile = await binary(t.http.get(`/api/reports/files/${zipEntry.id}`).set(bearer('leader'))).expect(200);
    expect(zipFile.headers['content-type']).toBe('application/zip');
    expect(sha256(zipFile.body as Buffer)).toBe(zipEntry.sha256);
    const zip = await JSZip.loadAsync(zipFile.body as Buffer);
    const published = (await t.http.get('/api/scores?period=2026-10').set(bearer('leader')).expect(200)).body as ScoreRecord;
    expect(Object.keys(zip.files)).toHaveLength(published.departments.length);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(record.departments.map((d) => `${d.dept}_${d.name}.pdf`)));
    for (const page of await pdfPages(await zip.file('CAB_市民政局.pdf')!.async('nodebuffer'))) expect(page).toContain('已发布');
    const generated = await t.http.get('/api/audit?action=report.generate').set(bearer('admin')).expect(200);
    expect(generated.body.items.map((e: { detail: { format: string } }) => e.detail.format).sort()).toEqual(['csv', 'pdf', 'xlsx', 'zip']);
    expect(history.body[0].content).toBeUndefined();
    await t.http.get('/api/reports/history').set(bearer('cab')).expect(403);

    const pdfEntry = kept.find((k) => k.format === 'pdf')!;
    const file = await binary(t.http.get(`/api/reports/files/${pdfEntry.id}`).set(bearer('admin'))).expect(200);
    expect(sha256(file.body as Buffer)).toBe(pdfEntry.sha256);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(file.headers['content-disposition'])![1])).toBe('示例市数据共享绩效考核_2026-10.pdf');
    const pages = await pdfPages(file.body as Buffer);
    for (const page of pages) {
      expect(page).toContain('已发布 · 考核方案第 1 版');
      expect(page).not.toContain('未发布');
    }
    await t.http.get('/api/reports/files/999999').set(bearer('admin')).expect(404);

    // The published period's reports say so from the live endpoint too.
    const xlsx = await binary(t.http.get('/api/reports/2026-10.xlsx').set(bearer('inspector'))).expect(200);
    const summary = (await readWorkbook(xlsx.body as Buffer)).getWorksheet('汇总与排名')!;
    expect(String(summary.getCell('A2').value)).toMatch(/已发布.*考核方案第 1 版/);
  });
});
