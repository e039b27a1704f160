import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DepartmentTodo, DepartmentView, ScoreRecord } from '@app/contracts';
import { formatPeriod, periodContaining } from '@app/scoring';
import { chinaCalendar } from '../../apps/api/src/modules/demo/china-calendar';
import { writeCityFiles } from '../../apps/api/src/modules/demo/generator';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loadExampleOverHttp } from './support/example-http';
import { addUser, loginAs, runCli, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const TIME_ZONE = 'Asia/Shanghai';

/** scoring.md, To-do and early warnings: the worked example's CAB as of Oct 29 10:00. */
const CAB_OCT_29 = {
  dept: 'CAB',
  asOf: '2026-10-29T10:00:00+08:00',
  overdue: [
    { kind: 'request', id: 'RQ-3', resource: 'CAB-MAR', counterpart: 'PSB', deadline: '2026-10-22T00:00:00+08:00', workdaysOverdue: 6, eventIds: ['ex-0067'] },
  ],
  atRisk: [
    { kind: 'window', resource: 'CAB-MAR', windowStart: '2026-10-01T00:00:00+08:00', windowEnd: '2026-11-01T00:00:00+08:00', workdaysLeft: 1, eventIds: [] },
  ],
};

/**
 * The identity of issue 13: the overdue requests in the to-do as of t are
 * `requestsOverdueOpen` of the record for the month containing t, as of t,
 * for every department.
 */
async function expectOverdueMatchesRecord(t: TestApp, token: string, asOf: string): Promise<number> {
  const auth = { Authorization: `Bearer ${token}` };
  const q = encodeURIComponent(asOf);
  const todos = (await t.http.get(`/api/todo?asOf=${q}`).set(auth).expect(200)).body as DepartmentTodo[];
  const month = formatPeriod(periodContaining('month', Date.parse(asOf), TIME_ZONE));
  const record = (await t.http.get(`/api/scores?period=${month}&asOf=${q}`).set(auth).expect(200)).body as ScoreRecord;
  expect(todos.length).toBeGreaterThan(0);
  let total = 0;
  for (const todo of todos) {
    const d = record.departments.find((x) => x.dept === todo.dept);
    expect(d, `${todo.dept} in the ${month} record`).toBeDefined();
    const overdueRequests = todo.overdue.filter((i) => i.kind === 'request').length;
    expect(overdueRequests, `${todo.dept} as of ${asOf}`).toBe(d!.counts.requestsOverdueOpen);
    total += overdueRequests;
  }
  return total;
}

describe.each(databaseKinds())('the to-do on the %s database', (kind) => {
  describe('the worked example', () => {
    let db: TestDatabase;
    let t: TestApp;
    const token: Record<string, string> = {};
    const bearer = (who: string) => ({ Authorization: `Bearer ${token[who]}` });

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password' });
      const { adminToken } = await loadExampleOverHttp(t);
      for (const [user, role, dept] of [
        ['admin', 'admin'],
        ['inspector', 'inspector'],
        ['leader', 'leader'],
        ['cab', 'department', 'CAB'],
      ] as const) {
        await addUser(t.http, { Authorization: `Bearer ${adminToken}` }, user, role, dept);
        token[user] = await loginAs(t.http, user, TEST_PASSWORD);
      }
    }, 300_000);
    afterAll(async () => {
      await t?.close();
      await db?.drop();
    });

    it("gives the spec's CAB to-do as of 2026-10-29 10:00 exactly, to CAB, leaders and inspectors", async () => {
      const q = encodeURIComponent(CAB_OCT_29.asOf);
      for (const who of ['cab', 'leader', 'inspector']) {
        const res = await t.http.get(`/api/departments/CAB/todo?asOf=${q}`).set(bearer(who)).expect(200);
        expect(res.body, who).toEqual(CAB_OCT_29);
      }
      const all = (await t.http.get(`/api/todo?asOf=${q}`).set(bearer('leader')).expect(200)).body as DepartmentTodo[];
      expect(all.find((d) => d.dept === 'CAB')).toEqual(CAB_OCT_29);
    });

    it("refuses another department's to-do to a department user (audited), and every to-do to admins", async () => {
      await t.http.get('/api/departments/PSB/todo').set(bearer('cab')).expect(403);
      await t.http.get('/api/departments/CAB/todo').set(bearer('admin')).expect(403);
      await t.http.get('/api/todo').set(bearer('cab')).expect(403);
      await t.http.get('/api/todo').set(bearer('admin')).expect(403);
      await t.http.get('/api/todo.xlsx').set(bearer('cab')).expect(403);
      await t.http.get('/api/departments/NOPE/todo').set(bearer('leader')).expect(404);
      const audit = await t.http.get('/api/audit?action=access.denied').set(bearer('inspector')).expect(200);
      expect(JSON.stringify(audit.body)).toContain('PSB');
    });

    it('prints one line per active department in code order with `cli todo`, empty lists included', async () => {
      const departments = (await t.http.get('/api/departments').set(bearer('leader')).expect(200)).body as DepartmentView[];
      const active = departments
        .filter((d) => d.active)
        .map((d) => d.code)
        .sort();
      const r = await runCli(db, ['todo', '--as-of', CAB_OCT_29.asOf, '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(active.length);
      const lines = r.json as DepartmentTodo[];
      expect(lines.map((l) => l.dept)).toEqual(active);
      expect(lines.find((l) => l.dept === 'CAB')).toEqual(CAB_OCT_29);
      for (const l of lines) expect(l).toMatchObject({ asOf: CAB_OCT_29.asOf, overdue: expect.any(Array), atRisk: expect.any(Array) });
      expect(lines.some((l) => l.overdue.length === 0 && l.atRisk.length === 0)).toBe(true);

      const one = await runCli(db, ['todo', '--dept', 'CAB', '--as-of', CAB_OCT_29.asOf, '--json']);
      expect(one.status, one.stderr).toBe(0);
      expect(one.json).toEqual([CAB_OCT_29]);
      const unknown = await runCli(db, ['todo', '--dept', 'NOPE', '--json']);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('NOPE');
      expect(unknown.stdout).toBe('');
    }, 180_000);

    it('lists as overdue exactly the requests the month record counts as overdue and open, at several instants', async () => {
      let total = 0;
      for (const asOf of [
        '2026-10-15T12:00:00+08:00',
        '2026-10-22T00:00:00+08:00',
        '2026-10-29T10:00:00+08:00',
        '2026-10-31T23:59:00+08:00',
        '2026-11-05T00:00:00+08:00',
      ]) {
        total += await expectOverdueMatchesRecord(t, token.leader, asOf);
      }
      expect(total).toBeGreaterThan(0);
    });

    it('exports the warnings list as XLSX with the filters', async () => {
      const q = encodeURIComponent(CAB_OCT_29.asOf);
      const res = await t.http
        .get(`/api/todo.xlsx?asOf=${q}&dept=CAB&state=overdue`)
        .set(bearer('inspector'))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
      const sheet = wb.worksheets[0];
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows).toHaveLength(2);
      expect(rows[1].slice(0, 6)).toEqual(['CAB', '市民政局', '已逾期', '共享申请', 'RQ-3', 'CAB-MAR']);
      await t.http.get('/api/todo.xlsx?dept=NOPE').set(bearer('leader')).expect(404);
    });

    it('takes warnWorkdays from the scheme, a new version that leaves the score snapshots current', async () => {
      const before = (await t.http.get('/api/scores?period=2026-10').set(bearer('leader')).expect(200)).body as ScoreRecord;
      const [current] = (await t.http.get('/api/schemes').set(bearer('admin')).expect(200)).body as Record<string, unknown>[];
      const { version: _v, note: _n, createdBy: _b, createdAt: _c, ...params } = current;
      const saved = await t.http
        .post('/api/schemes')
        .set(bearer('admin'))
        .send({ scheme: { ...params, warnWorkdays: 0 }, note: 'warn on the last day only' })
        .expect(201);
      const q = encodeURIComponent(CAB_OCT_29.asOf);
      // CAB-MAR's window has one working day left: no longer at risk with warnWorkdays 0.
      const cab = (await t.http.get(`/api/departments/CAB/todo?asOf=${q}`).set(bearer('cab')).expect(200)).body as DepartmentTodo;
      expect(cab).toEqual({ ...CAB_OCT_29, atRisk: [] });
      const method = (await t.http.get('/api/method?locale=en').set(bearer('cab')).expect(200)).body as { schemeVersion: number };
      expect(method.schemeVersion).toBe((saved.body as { version: number }).version);
      const after = (await t.http.get('/api/scores?period=2026-10').set(bearer('leader')).expect(200)).body as ScoreRecord;
      expect(after).toEqual(before);
    });
  });

  describe('a generated city', () => {
    let db: TestDatabase;
    let t: TestApp;
    let token: string;
    let dir: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'todo-city-'));
      const city = await writeCityFiles(dir, {
        seed: 1313,
        departments: 16,
        endMonth: '2026-10',
        months: 3,
        targetEvents: 30_000,
        calendar: chinaCalendar().entries,
        badLines: 0,
      });
      db = await createTestDatabase(kind);
      // Loaded over HTTP as an operator and an ingest source would: no CLI process per file.
      t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password' });
      const admin = { Authorization: `Bearer ${await loginAs(t.http, 'root', 'root-password')}` };
      for (const f of city.files.filter((x) => x.kind !== 'events')) {
        const res = await t.http.post(`/api/master-data/${f.kind}`).set(admin).set('Content-Type', 'text/csv').send(readFileSync(f.path)).expect(201);
        expect(res.body.rejected, f.name).toBe(0);
      }
      const source = await t.http.post('/api/ingest/sources').set(admin).send({ name: 'todo-city' }).expect(201);
      const apiKey = (source.body as { apiKey: string }).apiKey;
      for (const f of city.files.filter((x) => x.kind === 'events')) {
        const res = await t.http
          .post('/api/ingest')
          .set('X-Api-Key', apiKey)
          .set('Content-Type', 'application/x-ndjson')
          .send(readFileSync(f.path))
          .expect(200);
        expect(res.body, f.name).toMatchObject(f.expected!);
      }
      await addUser(t.http, admin, 'leader', 'leader');
      token = await loginAs(t.http, 'leader', TEST_PASSWORD);
    }, 300_000);
    afterAll(async () => {
      await t?.close();
      await db?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('lists as overdue exactly the requests each month record counts as overdue and open', async () => {
      let total = 0;
      for (const asOf of [
        '2026-08-20T10:00:00+08:00',
        '2026-09-15T16:30:00+08:00',
        '2026-10-09T09:00:00+08:00',
        '2026-10-30T18:00:00+08:00',
        '2026-11-03T08:00:00+08:00',
      ]) {
        total += await expectOverdueMatchesRecord(t, token, asOf);
      }
      expect(total).toBeGreaterThan(0);
    }, 240_000);
  });
});
