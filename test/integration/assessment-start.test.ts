import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingsResponse, PeriodStatus, SchemeVersion } from '@app/contracts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { EXAMPLE_AS_OF, loadExampleThroughCli } from './support/example';
import { addUser, loginAs, runCli, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const kinds = databaseKinds();
const AS_OF = encodeURIComponent(EXAMPLE_AS_OF);

// scoring.md "Time" (assessment start) and cli.md `findings`, on the worked example.
describe.each(kinds)('the assessment start and cli findings on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  const token: Record<string, string> = {};
  const bearer = (who: string) => ({ Authorization: `Bearer ${token[who]}` });

  const currentParams = async () => {
    const [current] = (await t.http.get('/api/schemes').set(bearer('admin')).expect(200)).body as SchemeVersion[];
    const { version: _v, note: _n, createdBy: _b, createdAt: _c, ...params } = current;
    return params;
  };
  const saveScheme = async (changes: Record<string, unknown>, note: string) =>
    t.http
      .post('/api/schemes')
      .set(bearer('admin'))
      .send({ scheme: { ...(await currentParams()), ...changes }, note })
      .expect(201);
  const computedAt = async (period: string) => ((await t.http.get(`/api/periods/${period}`).set(bearer('leader')).expect(200)).body as PeriodStatus).computedAt;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await loadExampleThroughCli(db);
    t = await startTestApp(db, { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'admin-password' });
    token.admin = await loginAs(t.http, 'admin', 'admin-password');
    for (const [user, role] of [
      ['inspector', 'inspector'],
      ['leader', 'leader'],
    ] as const) {
      await addUser(t.http, bearer('admin'), user, role);
      token[user] = await loginAs(t.http, user, TEST_PASSWORD);
    }
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('prints the findings document from the CLI as the API gives it to a leader, each finding with its points', async () => {
    const api = (await t.http.get(`/api/departments/CAB/findings?period=2026-10&asOf=${AS_OF}`).set(bearer('leader')).expect(200)).body as FindingsResponse;
    const r = await runCli(db, ['findings', '--dept', 'CAB', '--period', '2026-10', '--as-of', EXAMPLE_AS_OF, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual([api]);
    expect(api.findings.find((f) => f.kind === 'late_request' && f.request === 'RQ-3')?.pointsLost).toBe(30);
    const unknown = await runCli(db, ['findings', '--dept', 'NOPE', '--period', '2026-10']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('NOPE');
  }, 120_000);

  it('keeps snapshots current across a change of score-neutral params only, and not across one that scores differently', async () => {
    await t.http.get('/api/scores?period=2026-10').set(bearer('leader')).expect(200);
    const before = await computedAt('2026-10');
    expect(before).not.toBeNull();
    await saveScheme({ warnWorkdays: 3 }, 'warn earlier');
    expect(await computedAt('2026-10')).toBe(before);
    await saveScheme({ requestSlaWorkdays: 11 }, 'longer request deadline');
    expect(await computedAt('2026-10')).not.toBe(before);
    await saveScheme({ requestSlaWorkdays: 10 }, 'back to 10');
  });

  it('refuses an unpublished period ending by the assessment start everywhere (404, CLI exit 1), and keeps a published one', async () => {
    await t.http.post('/api/periods/2026-09/publish').set(bearer('inspector')).expect(200);
    const frozen = (await t.http.get('/api/scores?period=2026-09').set(bearer('leader')).expect(200)).body;
    await saveScheme({ assessmentStart: '2026-10' }, 'assessed from October');

    const reason = '2026-08 is not assessed: it ends at or before the assessment start 2026-10';
    for (const url of [
      '/api/scores?period=2026-08',
      `/api/scores?period=2026-08&asOf=${AS_OF}`,
      '/api/departments/CAB/findings?period=2026-08',
      '/api/departments/CAB/summary?period=2026-08',
      '/api/periods/2026-08',
      '/api/reports/2026-08.xlsx',
      '/api/reports/2026-08.pdf?dept=CAB',
    ]) {
      const res = await t.http.get(url).set(bearer('leader'));
      expect(res.status, url).toBe(404);
      expect(res.body.message, url).toBe(reason);
    }
    await t.http.post('/api/periods/2026-08/publish').set(bearer('inspector')).expect(404);
    for (const args of [
      ['score', '--period', '2026-08', '--json'],
      ['findings', '--dept', 'CAB', '--period', '2026-08', '--json'],
      ['report', '--period', '2026-08', '--format', 'csv', '--out', '/dev/null'],
    ]) {
      const r = await runCli(db, args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(reason);
    }

    // Published before the start: its frozen record still answers; the first assessed month is scored.
    expect((await t.http.get('/api/scores?period=2026-09').set(bearer('leader')).expect(200)).body).toEqual(frozen);
    const october = (await t.http.get(`/api/scores?period=2026-10&asOf=${AS_OF}`).set(bearer('leader')).expect(200)).body as {
      departments: { total: number | null }[];
    };
    expect(october.departments.some((d) => d.total !== null)).toBe(true);
  }, 300_000);
});
