import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calendarEntrySchema,
  departmentViewSchema,
  ledgerEntrySchema,
  renderMessage,
  resourceViewSchema,
  type ImportOutcome,
  type LedgerEntry,
  type MessageCode,
} from '@app/contracts';
import { InboxService } from '../../apps/api/src/modules/ingest/inbox.service';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { addUser, loginAs, runCli, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

/**
 * Issue 19, onboarding real data: departments keep their master data in Excel with Chinese
 * headers (sharing-log.md, "Master data"). Such files, GB18030 CSV and XLSX, import through
 * the upload route and the CLI; a bad value is refused naming its line and field in the
 * user's language; the calendar keeps its names; the templates import as they are; and the
 * ledger lists every ingest, whichever way it came.
 */

const kinds = databaseKinds();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A CSV body whose header row never closes its quote: refused whole. */
const BROKEN_CSV = '"id,type\n1,2\n';

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A resource update of the given resource, stamped in the past so it is plausible. */
const update = (id: string, dept: string, resource: string, records = 10) =>
  JSON.stringify({ id, type: 'resource.updated', at: '2026-03-03T10:00:00+08:00', dept, resource, records, complete_records: records });

describe.each(kinds)('onboarding real master data on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let dir: string;
  let inbox: string;
  let admin: Record<string, string>;

  const upload = async (what: string, body: Buffer, contentType = 'text/csv', status = 201) =>
    (await t.http.post(`/api/master-data/${what}`).set(admin).set('Content-Type', contentType).send(body).expect(status)).body as ImportOutcome;
  const file = (name: string, content: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const departments = async () => departmentViewSchema.array().parse((await t.http.get('/api/departments').set(admin).expect(200)).body);
  const catalog = async () => resourceViewSchema.array().parse((await t.http.get('/api/catalog').set(admin).expect(200)).body);
  const calendar = async () => calendarEntrySchema.array().parse((await t.http.get('/api/calendar').set(admin).expect(200)).body);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'dsa-onboarding-'));
    inbox = mkdtempSync(join(tmpdir(), 'dsa-onboarding-inbox-'));
    t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password', INGEST_INBOX_DIR: inbox, INGEST_INBOX_CRON: '0 0 1 1 *' });
    admin = { Authorization: `Bearer ${await loginAs(t.http, 'root', 'root-password')}` };
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    for (const d of [dir, inbox]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('imports a Chinese-header GB18030 departments file, a Chinese-header catalog and an XLSX departments file over HTTP, every row upserted', async () => {
    const gbDepartments = iconv.encode(
      '部门名称,部门代码,类别,英文名称,是否启用\r\n市公安局,PSB,社会管理,Public Security Bureau,是\r\n市民政局,CAB,社会服务,Civil Affairs Bureau,是\r\n市档案馆,ARC,其他,,否\r\n',
      'gb18030',
    );
    expect(await upload('departments', gbDepartments)).toEqual({ read: 3, upserted: 3, rejected: 0, rejections: [] });

    const xlsxDepartments = await workbook([
      ['部门编码', '部门名称', '部门类别', '是否启用', '备注'],
      ['MSA', '市市场监督管理局', '经济调节', '是', '新增'],
      ['ARC', '市档案馆', '其他', '是', '重新启用'],
    ]);
    expect(await upload('departments', xlsxDepartments, XLSX)).toEqual({ read: 2, upserted: 2, rejected: 0, rejections: [] });

    const chineseCatalog = iconv.encode(
      '资源代码,资源名称,提供部门,更新周期,启用日期,停用日期\n' +
        'PSB-POP,常住人口基本信息,PSB,每日,2026-01-01,\n' +
        'CAB-AID,低保救助对象信息,市民政局,每月,,2026-12-31\n' +
        'MSA-ENT,企业登记信息,MSA,实时,,\n',
      'gb18030',
    );
    expect(await upload('catalog', chineseCatalog)).toEqual({ read: 3, upserted: 3, rejected: 0, rejections: [] });

    expect(await departments()).toEqual([
      { code: 'ARC', name: '市档案馆', nameEn: null, category: '其他', active: true },
      { code: 'CAB', name: '市民政局', nameEn: 'Civil Affairs Bureau', category: '社会服务', active: true },
      { code: 'MSA', name: '市市场监督管理局', nameEn: null, category: '经济调节', active: true },
      { code: 'PSB', name: '市公安局', nameEn: 'Public Security Bureau', category: '社会管理', active: true },
    ]);
    expect(await catalog()).toEqual([
      // 提供部门 named the department: the resource belongs to its code.
      { code: 'CAB-AID', name: '低保救助对象信息', dept: 'CAB', frequency: 'monthly', activeFrom: null, activeTo: '2026-12-31' },
      { code: 'MSA-ENT', name: '企业登记信息', dept: 'MSA', frequency: 'realtime', activeFrom: null, activeTo: null },
      { code: 'PSB-POP', name: '常住人口基本信息', dept: 'PSB', frequency: 'daily', activeFrom: '2026-01-01', activeTo: null },
    ]);
  });

  it('imports the same kinds of files through the CLI, every row upserted', async () => {
    const gbDepartments = file('部门.csv', iconv.encode('部门代码,部门名称,是否启用\nHRSS,市人力资源和社会保障局,是\nEDU,市教育局,否\n', 'gb18030'));
    const xlsxDepartments = file(
      '部门.xlsx',
      await workbook([
        ['部门代码', '部门名称', '英文名称'],
        ['EDU', '市教育局', 'Education Bureau'],
        ['TRA', '市交通运输局', 'Transport Bureau'],
      ]),
    );
    const chineseCatalog = file(
      '资源目录.xlsx',
      await workbook([
        ['资源编码', '资源名称', '部门代码', '更新周期', '启用日期'],
        ['EDU-SCH', '学校基本信息', 'EDU', '每年', new Date('2026-02-01T00:00:00Z')],
        ['TRA-BUS', '公交线路信息', 'TRA', '每周', null],
      ]),
    );
    for (const [what, path, read] of [
      ['departments', gbDepartments, 2],
      ['departments', xlsxDepartments, 2],
      ['catalog', chineseCatalog, 2],
    ] as const) {
      const r = await runCli(db, ['import', what, path]);
      expect(r.stderr, path).toBe('');
      expect(r.status).toBe(0);
      expect(r.json).toEqual([{ read, upserted: read, rejected: 0 }]);
    }
    const byCode = new Map((await departments()).map((d) => [d.code, d]));
    expect(byCode.get('HRSS')).toMatchObject({ name: '市人力资源和社会保障局', active: true });
    // The XLSX file has no 是否启用 column: EDU is active again, as an empty cell says.
    expect(byCode.get('EDU')).toEqual({ code: 'EDU', name: '市教育局', nameEn: 'Education Bureau', category: null, active: true });
    expect((await catalog()).find((r) => r.code === 'EDU-SCH')).toMatchObject({ dept: 'EDU', frequency: 'yearly', activeFrom: '2026-02-01' });
  });

  it('refuses a bad value in a Chinese file naming its line and field, in the user language, and imports the other rows', async () => {
    const bad = iconv.encode(
      '资源代码,资源名称,提供部门,更新周期,启用日期\nOK-1,正常资源,PSB,每周,\nBAD-1,坏资源,PSB,每小时,\nBAD-2,坏日期,PSB,每日,2026年3月1日\n',
      'gb18030',
    );
    const outcome = await upload('catalog', bad);
    expect(outcome).toMatchObject({ read: 3, upserted: 1, rejected: 2 });
    expect(outcome.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'field "更新周期" must be one of 实时, 每日, 每周, 每月, 每季度, 每年, 按需, not "每小时"'],
      [4, 'field "启用日期" must be a date YYYY-MM-DD, not "2026年3月1日"'],
    ]);
    const [frequency, date] = outcome.rejections.map((r) => r.reasonMessage!);
    expect(renderMessage(frequency.code as MessageCode, frequency.params, 'zh')).toBe(
      '字段“更新周期”须为 实时, 每日, 每周, 每月, 每季度, 每年, 按需 之一，而不是 "每小时"',
    );
    expect(renderMessage(date.code as MessageCode, date.params, 'zh')).toBe('字段“启用日期”须为 YYYY-MM-DD 格式的日期，而不是 "2026年3月1日"');

    const r = await runCli(db, ['import', 'catalog', file('坏目录.csv', bad)]);
    expect(r.status).toBe(0);
    expect(r.json).toEqual([{ read: 3, upserted: 1, rejected: 2 }]);
    expect(r.stderr).toContain(`坏目录.csv:3: field "更新周期" must be one of`);
    expect(r.stderr).toContain(`坏目录.csv:4: field "启用日期" must be a date YYYY-MM-DD`);

    // A file without a required column is refused whole, naming the column by both its names.
    const headerless = await t.http
      .post('/api/master-data/departments')
      .set(admin)
      .set('Content-Type', XLSX)
      .send(
        await workbook([
          ['部门代码', '类别'],
          ['X', 'Y'],
        ]),
      )
      .expect(400);
    expect(headerless.body).toMatchObject({ code: 'upload.missingColumn', params: { columns: '"name" (部门名称)' } });
    const cli = await runCli(db, ['import', 'departments', file('旧版.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))]);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('old Excel (.xls) files cannot be read');
  });

  it('keeps the calendar names: imported from a sheet, kept by a file without names and by a change of kind', async () => {
    const sheet = await workbook([
      ['日期', '类型', '名称'],
      [new Date('2026-10-01T00:00:00Z'), '节假日', '国庆节'],
      [new Date('2026-10-10T00:00:00Z'), '调休上班', '国庆节'],
      [new Date('2026-10-12T00:00:00Z'), '节假日', null],
    ]);
    expect(await upload('calendar', sheet, XLSX)).toMatchObject({ read: 3, upserted: 3, rejected: 0 });
    const october = async () => (await calendar()).filter((e) => e.date.startsWith('2026-10'));
    expect(await october()).toEqual([
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-10', kind: 'workday', name: '国庆节' },
      { date: '2026-10-12', kind: 'holiday', name: null },
    ]);

    // A date,kind file (no name column) leaves the names as they are.
    expect(await upload('calendar', Buffer.from('date,kind\n2026-10-01,holiday\n2026-10-12,holiday\n'))).toMatchObject({ upserted: 2 });
    expect((await october())[0]).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });

    const put = async (body: object) => (await t.http.put('/api/calendar/2026-10-12').set(admin).send(body).expect(200)).body as unknown;
    expect(await put({ kind: 'holiday', name: '国庆节' })).toEqual({ date: '2026-10-12', kind: 'holiday', name: '国庆节' });
    expect(await put({ kind: 'workday' })).toEqual({ date: '2026-10-12', kind: 'workday', name: '国庆节' });
    expect(await put({ kind: 'holiday', name: null })).toEqual({ date: '2026-10-12', kind: 'holiday', name: null });
    await t.http
      .put('/api/calendar/2026-10-12')
      .set(admin)
      .send({ kind: 'holiday', name: '节'.repeat(51) })
      .expect(400);
  });

  it('serves templates for every kind, as XLSX and CSV, that import as they are; admins only', async () => {
    for (const what of ['departments', 'catalog', 'calendar']) {
      for (const format of ['xlsx', 'csv']) {
        const res = await t.http
          .get(`/api/master-data/templates/${what}.${format}`)
          .set(admin)
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        expect(res.headers['content-type']).toContain(format === 'xlsx' ? XLSX : 'text/csv');
        expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="[^"]*\\.${format}"; filename\\*=UTF-8''%`));
        const bytes = res.body as Buffer;
        if (format === 'csv') expect(bytes.toString('utf8')).toMatch(/^\uFEFF(部门代码|资源代码|日期),/);
        expect(await upload(what, bytes, format === 'xlsx' ? XLSX : 'text/csv'), `${what}.${format}`).toEqual({
          read: 1,
          upserted: 1,
          rejected: 0,
          rejections: [],
        });
      }
    }
    expect((await calendar()).find((e) => e.date === '2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    await t.http.get('/api/master-data/templates/departments.pdf').set(admin).expect(400);
    await addUser(t.http, admin, 'onboarding-leader', 'leader');
    const leader = { Authorization: `Bearer ${await loginAs(t.http, 'onboarding-leader', TEST_PASSWORD)}` };
    await t.http.get('/api/master-data/templates/departments.xlsx').set(leader).expect(403);
  });

  it('lists every ingest in the ledger with its counts: the CLI, HTTP and the inbox, refused bodies too', async () => {
    const cliFile = file(
      'events-cli.ndjson',
      [update('ob-1', 'PSB', 'PSB-POP'), update('ob-2', 'CAB', 'CAB-AID'), update('ob-3', 'PSB', 'CAB-AID'), ''].join('\n'),
    );
    const cli = await runCli(db, ['ingest', cliFile]);
    expect(cli.json).toEqual([{ file: cliFile, read: 3, accepted: 2, duplicates: 0, quarantined: 1 }]);

    const source = await t.http.post('/api/ingest/sources').set(admin).send({ name: 'onboarding-src' }).expect(201);
    const apiKey = (source.body as { apiKey: string }).apiKey;
    const body = [update('ob-1', 'PSB', 'PSB-POP'), update('ob-4', 'MSA', 'MSA-ENT')].join('\n') + '\n';
    await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'application/x-ndjson').send(body).expect(200);
    await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'text/csv').send(BROKEN_CSV).expect(400);

    const inboxFile = join(inbox, 'events-inbox.ndjson');
    writeFileSync(inboxFile, [update('ob-5', 'EDU', 'EDU-SCH'), update('ob-2', 'CAB', 'CAB-AID')].join('\n') + '\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(inboxFile, past, past);
    expect(await t.app.get(InboxService).processInbox()).toEqual([
      { file: 'events-inbox.ndjson', status: 'done', read: 2, accepted: 1, duplicates: 1, quarantined: 0 },
    ]);

    const res = await t.http.get('/api/ingest/ledger').set(admin).expect(200);
    const ledger: LedgerEntry[] = ledgerEntrySchema.array().parse(res.body);
    const pick = (e: LedgerEntry) => ({
      source_kind: e.source_kind,
      name: e.name,
      status: e.status,
      read: e.read,
      accepted: e.accepted,
      duplicates: e.duplicates,
      quarantined: e.quarantined,
    });
    // Newest first.
    expect(ledger.map(pick)).toEqual([
      { source_kind: 'inbox', name: 'events-inbox.ndjson', status: 'done', read: 2, accepted: 1, duplicates: 1, quarantined: 0 },
      { source_kind: 'http', name: 'onboarding-src', status: 'failed', read: 0, accepted: 0, duplicates: 0, quarantined: 0 },
      { source_kind: 'http', name: 'onboarding-src', status: 'done', read: 2, accepted: 1, duplicates: 1, quarantined: 0 },
      { source_kind: 'cli', name: 'events-cli.ndjson', status: 'done', read: 3, accepted: 2, duplicates: 0, quarantined: 1 },
    ]);
    expect(ledger[1].error).toMatch(/^invalid CSV header on line 1: /);
    expect(ledger[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(ledger.slice(1).map((e) => e.fingerprint)).toEqual([null, null, null]);
    expect(ledger.map((e) => Number(e.size))).toEqual([
      Buffer.byteLength(readFileSync(join(inbox, 'done', readdirSync(join(inbox, 'done'))[0]))),
      Buffer.byteLength(BROKEN_CSV),
      Buffer.byteLength(body),
      Buffer.byteLength(readFileSync(cliFile)),
    ]);
    for (const e of ledger) expect(e.finished_at).not.toBeNull();
  });
});
