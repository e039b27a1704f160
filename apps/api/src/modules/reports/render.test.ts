import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEME, type Finding, type ScoreRecord } from '@app/scoring';
import { buildCsv } from './csv-report';
import { buildPdfDocument } from './pdf-report';
import { renderPdfs } from './pdf-render';
import { renderReportPdfs } from './pdf-worker';
import { buildReportModel, type ModelSource } from './report-model';
import { buildWorkbook } from './xlsx-report';

const record = JSON.parse(readFileSync(join(__dirname, '../../../../../test/fixtures/example/expected-2026-10.json'), 'utf8')) as ScoreRecord;
const evil = '=HYPERLINK("http://x","y")';

function source(overrides: Partial<ModelSource> = {}): ModelSource {
  const findings: Record<string, Finding[]> = {
    CAB: [
      {
        kind: 'late_request',
        request: 'RQ-3',
        resource: 'CAB-MAR',
        requester: 'PSB',
        submittedAt: '2026-10-08T09:00:00+08:00',
        deadline: '2026-10-22T00:00:00+08:00',
        answeredAt: null,
        workdaysLate: 11,
        eventIds: ['ex-0067'],
        appeal: null,
      },
      {
        kind: 'low_completeness',
        resource: '@CAB-AID',
        records: 600,
        completeRecords: 490,
        completeness: 81.67,
        eventIds: ['ex-0036'],
        appeal: { id: 4, status: 'pending' },
      },
    ],
    PSB: [{ kind: 'missed_window', resource: 'PSB-HH', windowStart: '2026-10-03T00:00:00+08:00', windowEnd: '2026-10-04T00:00:00+08:00', appeal: null }],
  };
  const trend = ['2026-08', '2026-09', '2026-10'].map((period, i) => ({
    period,
    cityAverage: 70 + i,
    totals: Object.fromEntries(record.departments.map((d) => [d.dept, d.total === null ? null : Math.max(0, d.total - 2 * (2 - i))])),
  }));
  return {
    city: '某市',
    timeZone: 'Asia/Shanghai',
    record: structuredClone(record),
    findings,
    extras: {},
    published: false,
    publishedAt: null,
    scheme: { ...DEFAULT_SCHEME, version: 1 },
    trend,
    now: Date.parse('2026-11-06T10:00:00+08:00'),
    ...overrides,
  };
}

describe('report rendering', () => {
  it('writes the workbook with numbers as numbers and outside text neutralised', async () => {
    const s = source();
    s.record.departments[1].name = evil;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await buildWorkbook(buildReportModel(s))).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总与排名', '维度明细', '问题清单', '表彰与通报', '考核方案']);
    const summary = wb.getWorksheet('汇总与排名')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(summary.getRow(4).getCell(4).value).toBe('部门名称');
    expect(summary.getRow(5).getCell(5).value).toBe(96.3);
    expect(summary.getRow(5).getCell(5).numFmt).toBe('0.00');
    expect(summary.getRow(6).getCell(4).value).toBe(`'${evil}`);
    const findings = wb.getWorksheet('问题清单')!;
    expect(findings.getRow(4).getCell(4).value).toBe("'@CAB-AID");
  });

  it('writes the CSV with a BOM, CRLF and every department', () => {
    const csv = buildCsv(buildReportModel(source())).toString('utf8');
    expect(csv.startsWith('\uFEFF名次,名次变化,部门代码,部门名称,总分')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + record.departments.length);
    expect(lines[1]).toMatch(/^1,0,PSB,市公安局,96\.30,A,94\.29,99\.03,96\.25,35,33,29800,29510,/);
    const dept = buildCsv(buildReportModel(source(), 'CAB')).toString('utf8');
    expect(dept).toContain('\r\n\r\n部门代码,部门名称,问题类型');
    expect(dept).toContain("'@CAB-AID");
    expect(dept).not.toContain('PSB,市公安局');
  });

  it('renders the bulletin and a department report to PDF with an embedded Chinese subset', async () => {
    const [city, dept] = await renderPdfs([buildPdfDocument(buildReportModel(source())), buildPdfDocument(buildReportModel(source(), 'CAB'))]);
    expect(city.subarray(0, 5).toString()).toBe('%PDF-');
    expect(city.length).toBeLessThan(400_000);
    expect(city.toString('latin1')).toMatch(/FontFile3|FontFile2/);
    if (process.env.REPORTS_DEBUG_DIR) {
      writeFileSync(join(process.env.REPORTS_DEBUG_DIR, 'city.pdf'), city);
      writeFileSync(join(process.env.REPORTS_DEBUG_DIR, 'dept.pdf'), dept);
    }
  });

  it("renders in a worker thread, each PDF in its model's place, and passes a failing model's error on", async () => {
    const models = [buildReportModel(source()), buildReportModel(source(), 'CAB')];
    const inWorker = await renderReportPdfs(models);
    const here = await renderPdfs(models.map(buildPdfDocument));
    for (const pdf of inWorker) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The same documents with the same font subset: the same sizes, in the same order (the two differ).
    expect(here[0].length).not.toBe(here[1].length);
    expect(inWorker.map((pdf) => pdf.length)).toEqual(here.map((pdf) => pdf.length));
    const broken = { ...buildReportModel(source()), scope: undefined } as unknown as ReturnType<typeof buildReportModel>;
    await expect(renderReportPdfs([broken])).rejects.toThrow(/kind/);
  });

  it('splits a long ranking over pages with the header repeated, and draws it as several charts', async () => {
    const base = record.departments[0];
    const many: ScoreRecord = {
      ...record,
      departments: Array.from({ length: 60 }, (_, i) => ({
        ...base,
        dept: `D${String(i + 1).padStart(2, '0')}`,
        name: `第${i + 1}测试局`,
        total: Math.round((99 - i * 0.9) * 100) / 100,
        rank: i + 1,
        grade: i < 10 ? 'A' : i < 25 ? 'B' : i < 50 ? 'C' : 'D',
      })),
      commended: ['D01', 'D02', 'D03'],
      noticed: [],
    };
    const [pdf] = await renderPdfs([buildPdfDocument(buildReportModel(source({ record: many, findings: {} })))]);
    if (process.env.REPORTS_DEBUG_DIR) writeFileSync(join(process.env.REPORTS_DEBUG_DIR, 'many.pdf'), pdf);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    const withTable = text.filter((page) => /第\d+测试局/.test(page) && page.includes('完整性'));
    expect(withTable.length).toBeGreaterThan(1);
    // The table starts on page 1 under the overview, not after a chart that leaves the page blank.
    expect(text[0]).toContain('二、综合排名');
    expect(text[0]).toMatch(/第1测试局[\s\S]*第10测试局/);
    // Charts of even size that each fit a page (a taller one would not be printed at all).
    expect(text.join('\n')).toContain('综合得分排名（第 1–30 位）');
    expect(text.join('\n')).toContain('综合得分排名（第 31–60 位）');
    expect(text.join('\n')).toContain('第60测试局');
  });

  it("prints the ranking chart of a demo-sized city (40 departments), which did not fit one page's chart", async () => {
    const base = record.departments[0];
    const forty: ScoreRecord = {
      ...record,
      departments: Array.from({ length: 40 }, (_, i) => ({ ...base, dept: `D${i + 1}`, name: `第${i + 1}测试局`, total: 99 - i, rank: i + 1 })),
      commended: [],
      noticed: [],
    };
    const [pdf] = await renderPdfs([buildPdfDocument(buildReportModel(source({ record: forty, findings: {} })))]);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    expect(text[0]).toContain('第1测试局');
    const all = text.join('\n');
    expect(all).toContain('综合得分排名（第 1–20 位）');
    expect(all).toContain('综合得分排名（第 21–40 位）');
    expect(all).toContain('40. 第40测试局');
  });
});
