import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuditEntryView, Page } from '@app/contracts';
import { sql } from '../../apps/api/src/database/sql';
import { AuditService } from '../../apps/api/src/modules/audit/audit.service';
import { binary } from './support/downloads';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { addUser, loginAs, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

/**
 * Audit retention and export (issue #17): the log stays append-only, entries
 * are kept at least 180 days and purged after AUDIT_RETENTION_DAYS, and
 * admins export what a filter matches as CSV or XLSX, formulas neutralised.
 */

const kinds = databaseKinds();
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe.each(kinds)('the audit log on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: { Authorization: string };
  const knex = () => t.app.get(EntityManager).getKnex();
  const count = async (where: string) => Number((await sql<{ n: string }>(knex(), `select count(*) as n from audit_log where ${where}`)).rows[0].n);
  /** An entry stamped `days` ago, as if written then (inserting is what append-only allows). */
  const backdated = (days: number, action: string) =>
    sql(knex(), `insert into audit_log (at, actor, action, target) values (now() - make_interval(days => ${days}), 'test', '${action}', null)`);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'Root-Password-2026', AUDIT_RETENTION_DAYS: '365' });
    admin = bearer(await loginAs(t.http, 'root', 'Root-Password-2026'));
    await addUser(t.http, admin, 'audit-inspector', 'inspector');
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('exports the filtered entries, oldest first, as CSV with a BOM and as XLSX, formulas neutralised; the export is audited', async () => {
    const audit = t.app.get(AuditService);
    await audit.record('user:root', 'test.formula', '=HYPERLINK("http://evil.example","click")', { note: '+1' });
    await audit.record('user:root', 'test.formula', 'plain', null);
    const csv = await binary(t.http.get('/api/audit/export?format=csv&action=test.').set(admin)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('操作 Action');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines[2]).toContain(',plain,');
    expect(Number(lines[1].split(',')[0])).toBeLessThan(Number(lines[2].split(',')[0]));

    const xlsx = await binary(t.http.get('/api/audit/export?format=xlsx&action=test.').set(admin)).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(3);
    expect(String(sheet.getRow(2).getCell(5).value)).toBe(`'=HYPERLINK("http://evil.example","click")`);

    // A day range: nothing of those entries lies before this year.
    const none = await binary(t.http.get('/api/audit/export?format=csv&action=test.&to=2020-01-01').set(admin)).expect(200);
    expect((none.body as Buffer).toString('utf8').trim().split('\r\n')).toHaveLength(1);
    const page = (await t.http.get('/api/audit?action=audit.export').set(admin).expect(200)).body as Page<AuditEntryView>;
    expect(page.items.map((e) => e.detail?.format)).toEqual(['csv', 'xlsx', 'csv']);
  });

  it('lets inspectors read the log but only admins export it; bad filters are named', async () => {
    const inspector = bearer(await loginAs(t.http, 'audit-inspector', TEST_PASSWORD));
    await t.http.get('/api/audit').set(inspector).expect(200);
    await t.http.get('/api/audit/export?format=csv').set(inspector).expect(403);
    expect((await t.http.get('/api/audit/export?format=pdf').set(admin).expect(400)).body.message).toContain('format');
    expect((await t.http.get('/api/audit?from=2026-13-01').set(admin).expect(400)).body.message).toContain('from');
  });

  it('never changes or removes an entry younger than the retention, and purges the older ones daily', async () => {
    await backdated(400, 'test.old');
    await backdated(200, 'test.kept');
    await backdated(170, 'test.young');
    await expect(sql(knex(), `update audit_log set actor = 'x' where action = 'test.kept'`)).rejects.toThrow(/append-only/);
    await expect(sql(knex(), `delete from audit_log where action = 'test.old'`)).rejects.toThrow(/append-only/);
    await expect(sql(knex(), `truncate audit_log`)).rejects.toThrow(/append-only/);
    // Even a transaction declaring a shorter retention cannot reach below 180 days.
    await expect(
      knex().transaction(async (trx) => {
        await trx.raw(`select set_config('app.audit_retention_days', '30', true)`);
        await trx.raw(`delete from audit_log where action = 'test.young'`);
      }),
    ).rejects.toThrow(/append-only/);

    expect(await t.app.get(AuditService).purge()).toBe(1);
    expect(await count(`action = 'test.old'`)).toBe(0);
    expect(await count(`action in ('test.kept', 'test.young')`)).toBe(2);
    expect(await count(`action = 'audit.purged'`)).toBe(1);
  });
});
