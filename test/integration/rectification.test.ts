import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { RectificationCase, RectificationCaseDetail, ScoreRecord } from '@app/contracts';
import { rectificationDue } from '@app/scoring';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loadExampleOverHttp } from './support/example-http';
import { EXAMPLE_DIR } from './support/example';
import { RectificationService } from '../../apps/api/src/modules/rectification/rectification.service';
import { addUser, loginAs, runCli, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const TIME_ZONE = 'Asia/Shanghai';

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

describe.each(databaseKinds())('rectification cases on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  const token: Record<string, string> = {};
  const bearer = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  let published: ScoreRecord;
  let publishedAt = 0;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password' });
    const { adminToken } = await loadExampleOverHttp(t);
    token.admin = adminToken;
    for (const [user, role, dept] of [
      ['inspector', 'inspector'],
      ['leader', 'leader'],
      ['cab', 'department', 'CAB'],
      ['msa', 'department', 'MSA'],
    ] as const) {
      await addUser(t.http, bearer('admin'), user, role, dept);
      token[user] = await loginAs(t.http, user, TEST_PASSWORD);
    }
    const before = Date.now();
    published = (await t.http.post('/api/periods/2026-10/publish').set(bearer('inspector')).expect(200)).body as ScoreRecord;
    const periods = (await t.http.get('/api/periods/published').set(bearer('leader')).expect(200)).body as { period: string; publishedAt: string }[];
    publishedAt = Date.parse(periods.find((p) => p.period === '2026-10')!.publishedAt);
    expect(publishedAt).toBeGreaterThanOrEqual(before - 1000);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const cases = async (who: string, query = ''): Promise<RectificationCase[]> =>
    (await t.http.get(`/api/rectification${query}`).set(bearer(who)).expect(200)).body as RectificationCase[];

  it('publishing 2026-10 opens exactly two cases, CAB and MSA, due 10 working days after publication', async () => {
    expect(published.noticed.map((n) => n.dept).sort()).toEqual(['CAB', 'MSA']);
    const calendarRows = readFileSync(join(EXAMPLE_DIR, 'calendar.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => ({ date: line.split(',')[0], kind: line.split(',')[1] }));
    const holidays = calendarRows.filter((r) => r.kind === 'holiday').map((r) => r.date);
    const workdays = calendarRows.filter((r) => r.kind === 'workday').map((r) => r.date);
    const due = rectificationDue(publishedAt, { rectificationWorkdays: 10 }, { holidays, workdays }, TIME_ZONE);
    const all = await cases('inspector', '?period=2026-10');
    expect(all.map((c) => [c.period, c.dept, c.state, c.due])).toEqual([
      ['2026-10', 'CAB', 'open', due.deadlineDay],
      ['2026-10', 'MSA', 'open', due.deadlineDay],
    ]);
    expect(all.every((c) => Date.parse(c.dueAt) === due.deadline)).toBe(true);
    expect(await cases('leader')).toEqual(all);
  });

  it('`cli rectification list --period 2026-10 --json` prints them, one line each', async () => {
    const r = await runCli(db, ['rectification', 'list', '--period', '2026-10', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.map((c) => [(c as RectificationCase).period, (c as RectificationCase).dept, (c as RectificationCase).state])).toEqual([
      ['2026-10', 'CAB', 'open'],
      ['2026-10', 'MSA', 'open'],
    ]);
    expect(r.json[0]).toMatchObject({ due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown });
    const bad = await runCli(db, ['rectification', 'list', '--period', 'October']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--period');
  });

  it("a department reads only its own case: another's is 403 and audited", async () => {
    const own = await cases('cab');
    expect(own.map((c) => c.dept)).toEqual(['CAB']);
    await t.http.get('/api/rectification?dept=MSA').set(bearer('cab')).expect(403);
    const msa = (await cases('inspector')).find((c) => c.dept === 'MSA')!;
    await t.http.get(`/api/rectification/${msa.id}`).set(bearer('cab')).expect(403);
    await t.http.post(`/api/rectification/${msa.id}/submit`).set(bearer('cab')).send({ cause: 'x', measures: 'y' }).expect(403);
    const audit = (
      (await t.http.get('/api/audit?action=access.denied&limit=500').set(bearer('admin')).expect(200)).body as { items: { actor: string; target: string }[] }
    ).items;
    expect(audit.filter((a) => a.actor === 'user:cab' && a.target === 'MSA').length).toBeGreaterThanOrEqual(3);
  });

  it('submit → return → resubmit → accept, each step audited and in the history', async () => {
    const cab = (await cases('cab'))[0];
    await t.http.post(`/api/rectification/${cab.id}/decision`).set(bearer('inspector')).send({ decision: 'accept' }).expect(409);
    await t.http.post(`/api/rectification/${cab.id}/submit`).set(bearer('cab')).send({ cause: '', measures: 'y' }).expect(400);
    const submitted = (
      await t.http
        .post(`/api/rectification/${cab.id}/submit`)
        .set(bearer('cab'))
        .send({ cause: '人员变动，申请未及时分派', measures: '指定专人每日处理共享申请', requests: ['RQ-3'], resources: ['CAB-MAR'] })
        .expect(200)
    ).body as RectificationCaseDetail;
    expect(submitted).toMatchObject({ state: 'submitted', concerned: { requests: ['RQ-3'], resources: ['CAB-MAR'] }, submittedBy: 'user:cab' });
    await t.http.post(`/api/rectification/${cab.id}/submit`).set(bearer('cab')).send({ cause: 'again', measures: 'again' }).expect(409);
    await t.http.post(`/api/rectification/${cab.id}/decision`).set(bearer('inspector')).send({ decision: 'return' }).expect(400);
    await t.http.post(`/api/rectification/${cab.id}/decision`).set(bearer('cab')).send({ decision: 'accept' }).expect(403);
    const returned = (
      await t.http
        .post(`/api/rectification/${cab.id}/decision`)
        .set(bearer('inspector'))
        .send({ decision: 'return', comment: '请说明 RQ-3 的办结时间' })
        .expect(200)
    ).body as RectificationCaseDetail;
    expect(returned).toMatchObject({ state: 'returned', inspectorComment: '请说明 RQ-3 的办结时间', closedAt: null });
    await t.http
      .post(`/api/rectification/${cab.id}/submit`)
      .set(bearer('cab'))
      .send({ cause: '人员变动', measures: 'RQ-3 已于 11 月 2 日办结', requests: ['RQ-3'] })
      .expect(200);
    const closed = (await t.http.post(`/api/rectification/${cab.id}/decision`).set(bearer('inspector')).send({ decision: 'accept' }).expect(200))
      .body as RectificationCaseDetail;
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.overdue).toBe(false);
    expect(closed.events.map((e) => e.action)).toEqual(['opened', 'submitted', 'returned', 'submitted', 'accepted']);
    const detail = (await t.http.get(`/api/rectification/${cab.id}`).set(bearer('cab')).expect(200)).body as RectificationCaseDetail;
    expect(detail.events).toEqual(closed.events);
    const audit = ((await t.http.get('/api/audit?limit=500').set(bearer('admin')).expect(200)).body as { items: { action: string; target: string }[] }).items;
    const steps = audit.filter((a) => a.target === 'CAB' && a.action.startsWith('rectification.')).map((a) => a.action);
    for (const step of ['rectification.open', 'rectification.submit', 'rectification.return', 'rectification.accept']) expect(steps).toContain(step);
  });

  it('a case not closed by its due day is overdue: red in the list, audited and sent to its department once', async () => {
    const msa = (await cases('inspector', '?period=2026-10')).find((c) => c.dept === 'MSA')!;
    const service = t.app.get(RectificationService);
    const after = Date.parse(msa.dueAt) + 1;
    const first = await service.notifyOverdue(after);
    expect(first.map((c) => [c.dept, c.overdue])).toEqual([['MSA', true]]);
    expect(await service.notifyOverdue(after + 60_000)).toEqual([]);
    const audit = ((await t.http.get('/api/audit?action=rectification.overdue').set(bearer('admin')).expect(200)).body as { items: { target: string }[] })
      .items;
    expect(audit.map((a) => a.target)).toEqual(['MSA']);
  });

  it('re-opening and re-publishing 2026-10 keeps its cases and opens none again', async () => {
    const before = await cases('inspector', '?period=2026-10');
    await t.http.post('/api/periods/2026-10/reopen').set(bearer('admin')).send({ reason: 'recheck' }).expect(200);
    await t.http.post('/api/periods/2026-10/publish').set(bearer('inspector')).expect(200);
    const after = await cases('inspector', '?period=2026-10');
    expect(after.map((c) => [c.id, c.dept, c.state, c.due, c.closedAt])).toEqual(before.map((c) => [c.id, c.dept, c.state, c.due, c.closedAt]));
  });

  it('the 2026-11 bulletin and workbook carry 上期通报整改情况: each case, its state, when it closed', async () => {
    const all = await cases('inspector', '?period=2026-10');
    const cab = all.find((c) => c.dept === 'CAB')!;
    const binary = async (path: string) =>
      (
        await t.http
          .get(path)
          .set(bearer('leader'))
          .buffer(true)
          .parse((res, cb) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => cb(null, Buffer.concat(chunks)));
          })
          .expect(200)
      ).body as Buffer;
    const text = (await pdfText(await binary('/api/reports/2026-11.pdf'))).replace(/\s+/g, '');
    const name = (dept: string) => published.departments.find((d) => d.dept === dept)!.name;
    const msa = all.find((c) => c.dept === 'MSA')!;
    expect(text).toContain('上期通报整改情况');
    expect(text).toContain(`${name('CAB')}已办结${cab.due}${cab.closedAt!.slice(0, 16).replace('T', '')}`);
    expect(text).toContain(`${name('MSA')}${msa.overdue ? '待整改（已逾期）' : '待整改'}${msa.due}—`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await binary('/api/reports/2026-11.xlsx')).buffer);
    const sheet = wb.getWorksheet('上期通报整改情况');
    expect(sheet, 'the workbook has the sheet').toBeDefined();
    const rows: string[][] = [];
    sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const body = rows.filter((r) => r[0] === '2026-10');
    expect(body.map((r) => [r[1], r[3]])).toEqual([
      ['CAB', '已办结'],
      ['MSA', all.find((c) => c.dept === 'MSA')!.overdue ? '待整改（已逾期）' : '待整改'],
    ]);
    expect(body[0][5]).toBe(cab.closedAt!.slice(0, 16).replace('T', ' '));

    // The 2026-10 bulletin itself reports no earlier cases; a quarter none of its own.
    const october = (await pdfText(await binary('/api/reports/2026-10.pdf'))).replace(/\s+/g, '');
    expect(october).not.toContain('上期通报整改情况');
  });
});
