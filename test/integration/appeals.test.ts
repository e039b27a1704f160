import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealView, Finding } from '@app/contracts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loadExampleThroughCli } from './support/example';
import { addUser, loginAs, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const kinds = databaseKinds();

type MissedWindow = Extract<Finding, { kind: 'missed_window' }>;

describe.each(kinds)('appeals on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  const token: Record<string, string> = {};
  const bearer = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  let windows: MissedWindow[];

  const fileWindow = async (f: MissedWindow, reason: string): Promise<AppealView> =>
    (
      await t.http
        .post('/api/appeals')
        .set(bearer('msa'))
        .send({ dept: 'MSA', period: '2026-10', kind: f.kind, resource: f.resource, windowStart: f.windowStart, reason })
        .expect(201)
    ).body as AppealView;
  const listed = async (): Promise<AppealView[]> => (await t.http.get('/api/appeals?dept=MSA&period=2026-10').set(bearer('inspector')).expect(200)).body;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await loadExampleThroughCli(db);
    t = await startTestApp(db, { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'admin-password' });
    token.admin = await loginAs(t.http, 'admin', 'admin-password');
    for (const [user, role, dept] of [
      ['inspector', 'inspector', null],
      ['msa', 'department', 'MSA'],
      ['cab', 'department', 'CAB'],
    ] as const) {
      await addUser(t.http, bearer('admin'), user, role, dept);
      token[user] = await loginAs(t.http, user, TEST_PASSWORD);
    }
    const findings = (await t.http.get('/api/departments/MSA/findings?period=2026-10').set(bearer('msa')).expect(200)).body.findings as Finding[];
    const missed = findings.filter((f): f is MissedWindow => f.kind === 'missed_window');
    // The example's MSA misses many daily windows of one resource: two of them are two appeals on one resource.
    const resource = missed[0]?.resource;
    windows = missed.filter((f) => f.resource === resource);
    expect(windows.length, 'MSA misses two windows of one resource in the example').toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('names the missed window of each appeal, so two appeals on one resource read apart', async () => {
    const [first, second] = [await fileWindow(windows[0], 'outage'), await fileWindow(windows[1], 'outage')];
    expect(first.target.resource).toBe(second.target.resource);
    expect([first.windowStart, second.windowStart]).toEqual([windows[0].windowStart, windows[1].windowStart]);
    expect(first.windowStart).not.toBe(second.windowStart);
    const byId = new Map((await listed()).map((a) => [a.id, a]));
    expect(byId.get(first.id)?.windowStart).toBe(windows[0].windowStart);
    expect(byId.get(second.id)?.windowStart).toBe(windows[1].windowStart);
    // Other kinds name their request or objection in the target; they have no window.
    const request = await t.http
      .post('/api/appeals')
      .set(bearer('cab'))
      .send({ dept: 'CAB', period: '2026-10', kind: 'late_request', request: 'RQ-3', reason: 'answered by phone' })
      .expect(201);
    expect(request.body).toMatchObject({ target: { request: 'RQ-3' }, windowStart: null, takesEffectOnReopen: false });
  });

  it('says an appeal of a published period takes effect only when an admin re-opens it, filed before or after the publication', async () => {
    const before = await listed();
    expect(before.map((a) => a.status)).toEqual(['pending', 'pending']);
    for (const a of before) expect(a.takesEffectOnReopen).toBe(false);
    // Accepted before the publication, an appeal is in the frozen record: nothing waits.
    const early = before[1];
    await t.http.post(`/api/appeals/${early.id}/decision`).set(bearer('inspector')).send({ status: 'accepted' }).expect(200);

    await t.http.post('/api/periods/2026-10/publish').set(bearer('inspector')).expect(200);
    const published = new Map((await listed()).map((a) => [a.id, a.takesEffectOnReopen]));
    expect(published.get(early.id)).toBe(false);
    expect(published.get(before[0].id)).toBe(true);
    const frozenBefore = (await t.http.get('/api/departments/MSA/findings?period=2026-10').set(bearer('msa')).expect(200)).body.findings as Finding[];
    expect(frozenBefore.find((f) => f.kind === 'missed_window' && f.windowStart === early.windowStart)?.appeal).toMatchObject({ status: 'accepted' });
    const after = await fileWindow(windows[2], 'outage, filed after publication');
    expect(after.takesEffectOnReopen).toBe(true);
    const rejectedLater = await fileWindow(windows[3], 'weak reason');

    // Accepted, it still waits for the re-opening; rejected, there is nothing to wait for.
    const accepted = await t.http.post(`/api/appeals/${after.id}/decision`).set(bearer('inspector')).send({ status: 'accepted' }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', takesEffectOnReopen: true });
    const rejected = await t.http.post(`/api/appeals/${rejectedLater.id}/decision`).set(bearer('inspector')).send({ status: 'rejected' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', takesEffectOnReopen: false });
    // The department sees the same flag on its own list.
    const own = (await t.http.get('/api/appeals?period=2026-10').set(bearer('msa')).expect(200)).body as AppealView[];
    expect(own.find((a) => a.id === after.id)?.takesEffectOnReopen).toBe(true);
    // The published record did not move.
    const frozen = (await t.http.get('/api/departments/MSA/findings?period=2026-10').set(bearer('msa')).expect(200)).body.findings as Finding[];
    expect(frozen.find((f) => f.kind === 'missed_window' && f.windowStart === windows[2].windowStart)?.appeal).toBeNull();

    await t.http.post('/api/periods/2026-10/reopen').set(bearer('admin')).send({ reason: 'appeals accepted' }).expect(200);
    for (const a of await listed()) expect(a.takesEffectOnReopen, `appeal ${a.id}`).toBe(false);
    const reopened = (await t.http.get('/api/departments/MSA/findings?period=2026-10').set(bearer('msa')).expect(200)).body.findings as Finding[];
    expect(reopened.find((f) => f.kind === 'missed_window' && f.windowStart === windows[2].windowStart)?.appeal).toMatchObject({ status: 'accepted' });
  });
});
