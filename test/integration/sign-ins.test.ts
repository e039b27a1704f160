import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Test } from 'supertest';
import type { Role } from '@app/contracts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loadExampleOverHttp } from './support/example-http';
import { loginAs, runCli, startTestApp, type TestApp } from './support/test-app';
import { defaultParams, fetchOperations, fillPath, ROUTE_RULES, type Operation } from './support/api-surface';

/**
 * access.md on sign-ins (issue #16): a token is only as good as its sign-in on
 * the server; cookie-carried changes must come from the product's origin;
 * failed logins lock the username, not the address.
 */

const kinds = databaseKinds();
const PASSWORD = 'Correct-Horse-42';
const OTHER_PASSWORD = 'Battery-Staple-77';
const FIRST_PASSWORD = 'Given-By-Admin-2026';

describe.each(kinds)('sign-ins on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: { Authorization: string };
  let operations: Operation[];
  let origin: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const created = new Set<string>();
  /** Creates or updates a user; a new admin or inspector first changes the password it was given, as it must. */
  async function putUser(username: string, role: Role, dept: string | null = null, password = PASSWORD): Promise<void> {
    const first = !created.has(username) && (role === 'admin' || role === 'inspector');
    created.add(username);
    await t.http
      .put(`/api/users/${username}`)
      .set(admin)
      .send({ password: first ? FIRST_PASSWORD : password, role, dept })
      .expect(200);
    if (!first) return;
    const token = await loginAs(t.http, username, FIRST_PASSWORD);
    await t.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: FIRST_PASSWORD, newPassword: password }).expect(200);
  }
  const cookieOf = (res: { headers: Record<string, unknown> }) =>
    (res.headers['set-cookie'] as string[]).find((c) => c.startsWith('access_token='))!.split(';')[0];

  /** Every authenticated route of the OpenAPI document, called with the token: the statuses that are not 401. */
  async function notRefused(token: string): Promise<string[]> {
    const defaults = defaultParams();
    const wrong: string[] = [];
    for (const op of operations) {
      const rule = ROUTE_RULES[op.key];
      if (!rule || rule.access === 'public' || rule.access === 'api-key') continue;
      const values: Record<string, string> = {};
      for (const p of op.parameters) if (p.in === 'path') values[p.name] = rule.params?.[p.name] ?? defaults[`path:${p.name}`] ?? 'x';
      const query = new URLSearchParams();
      for (const p of op.parameters) if (p.in === 'query' && p.required) query.set(p.name, rule.params?.[p.name] ?? defaults[`query:${p.name}`] ?? 'x');
      const url = fillPath(op.path, values) + (query.size ? `?${query}` : '');
      let req: Test = t.http[op.method.toLowerCase() as 'get'](url).set(bearer(token));
      if (rule.body) req = req.send(rule.body('CAB') as object);
      const res = await req;
      if (res.status !== 401) wrong.push(`${op.method} ${url}: ${res.status}`);
    }
    return wrong;
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password', LOGIN_ADDRESS_FAILURE_LIMIT: '6' });
    ({ adminToken: admin } = await loadExampleOverHttp(t).then((r) => ({ adminToken: bearer(r.adminToken) })));
    operations = await fetchOperations(t.http);
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('ends the sign-in on logout: the old token gets 401 on every authenticated route (repro 1)', async () => {
    await putUser('logout-admin', 'admin');
    const token = await loginAs(t.http, 'logout-admin', PASSWORD);
    await t.http.get('/api/departments/PSB/findings?period=2026-10').set(bearer(token)).expect(200);
    await t.http.post('/api/auth/logout').set(bearer(token)).expect(204);
    await t.http.get('/api/departments/PSB/findings?period=2026-10').set(bearer(token)).expect(401);
    expect(await notRefused(token)).toEqual([]);
    // Another sign-in of the same user is untouched by that logout.
    const second = await loginAs(t.http, 'logout-admin', PASSWORD);
    await t.http.get('/api/auth/me').set(bearer(second)).expect(200);
    const audit = await t.http.get('/api/audit?action=auth.logout').set(admin).expect(200);
    expect(audit.body.items.map((e: { target: string }) => e.target)).toContain('logout-admin');
  });

  it('ends the sign-in of a cookie on logout', async () => {
    await putUser('cookie-leader', 'leader');
    const res = await t.http.post('/api/auth/login').send({ username: 'cookie-leader', password: PASSWORD }).expect(200);
    const cookie = cookieOf(res);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(200);
    await t.http.post('/api/auth/logout').set('Cookie', cookie).set('Origin', origin).expect(204);
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it.each([
    ['disable', async (u: string) => void (await t.http.delete(`/api/users/${u}`).set(admin).expect(204))],
    ['role change', (u: string) => putUser(u, 'inspector')],
    ['department change', (u: string) => putUser(u, 'department', 'MSA')],
    ['password change', (u: string) => putUser(u, 'department', 'CAB', OTHER_PASSWORD)],
    [
      'own password change',
      async (u: string) => {
        const token = await loginAs(t.http, u, PASSWORD);
        const res = await t.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: PASSWORD, newPassword: OTHER_PASSWORD }).expect(200);
        // The change answers with a new sign-in of its own, which works.
        await t.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
        await t.http.get('/api/auth/me').set(bearer(token)).expect(401);
      },
    ],
  ])('ends every sign-in of the user after a %s', async (change, apply) => {
    const username = `changed-${change.replaceAll(' ', '-')}`;
    await putUser(username, 'department', 'CAB');
    const tokens = [await loginAs(t.http, username, PASSWORD), await loginAs(t.http, username, PASSWORD)];
    for (const token of tokens) await t.http.get('/api/departments/CAB/findings?period=2026-10').set(bearer(token)).expect(200);
    await apply(username);
    for (const token of tokens) expect(await notRefused(token), change).toEqual([]);
    const audit = await t.http.get('/api/audit?action=auth.sign_ins_ended').set(admin).expect(200);
    expect(audit.body.items.map((e: { target: string }) => e.target)).toContain(username);
  });

  it('stops a demoted admin from creating an admin with its old token', async () => {
    await putUser('demoted', 'admin');
    const token = await loginAs(t.http, 'demoted', PASSWORD);
    await t.http.get('/api/users').set(bearer(token)).expect(200);
    await putUser('demoted', 'leader');
    await t.http.put('/api/users/sneaky').set(bearer(token)).send({ password: PASSWORD, role: 'admin' }).expect(401);
    const users = await t.http.get('/api/users').set(admin).expect(200);
    expect(users.body.map((u: { username: string }) => u.username)).not.toContain('sneaky');
  });

  it('ends the sign-ins at once when `cli user disable` disables the user', { timeout: 300_000 }, async () => {
    await putUser('cli-disabled', 'leader');
    const token = await loginAs(t.http, 'cli-disabled', PASSWORD);
    await t.http.get('/api/auth/me').set(bearer(token)).expect(200);
    const result = await runCli(db, ['user', 'disable', '--username', 'cli-disabled']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.json).toEqual([{ username: 'cli-disabled', disabled: true }]);
    await t.http.get('/api/auth/me').set(bearer(token)).expect(401);
    const unknown = await runCli(db, ['user', 'disable', '--username', 'nobody-here']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/nobody-here/);
  });

  it('ends a sign-in left idle; background refreshes do not count as activity', async () => {
    await putUser('idler', 'leader');
    const kept = await loginAs(t.http, 'idler', PASSWORD);
    const idle = await loginAs(t.http, 'idler', PASSWORD);
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      vi.setSystemTime(start + 20 * 60_000);
      await t.http.get('/api/auth/me').set(bearer(kept)).expect(200);
      await t.http.get('/api/auth/me').set(bearer(idle)).set('X-Background', '1').expect(200);
      vi.setSystemTime(start + 35 * 60_000);
      await t.http.get('/api/auth/me').set(bearer(kept)).expect(200);
      await t.http.get('/api/auth/me').set(bearer(idle)).set('X-Background', '1').expect(401);
      await t.http.get('/api/auth/me').set(bearer(idle)).expect(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a user its open sign-ins and lets it end one; an admin ends all of another user', async () => {
    await putUser('many-places', 'leader');
    const first = await loginAs(t.http, 'many-places', PASSWORD);
    const second = await loginAs(t.http, 'many-places', PASSWORD);
    const third = await loginAs(t.http, 'many-places', PASSWORD);
    const list = await t.http.get('/api/auth/sign-ins').set(bearer(first)).expect(200);
    expect(list.body).toHaveLength(3);
    expect(list.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.body.find((s: { current: boolean }) => !s.current) as { id: string };
    await t.http.delete(`/api/auth/sign-ins/${other.id}`).set(bearer(first)).expect(200, { id: other.id, ended: true });
    await t.http.delete(`/api/auth/sign-ins/${other.id}`).set(bearer(first)).expect(404);
    const statuses = await Promise.all([first, second, third].map(async (tk) => (await t.http.get('/api/auth/me').set(bearer(tk))).status));
    expect(statuses.filter((st) => st === 401)).toHaveLength(1);
    // Another user's sign-in cannot be ended, nor even confirmed to exist.
    await putUser('bystander', 'leader');
    const bystander = await loginAs(t.http, 'bystander', PASSWORD);
    await t.http
      .delete(`/api/auth/sign-ins/${(list.body[0] as { id: string }).id}`)
      .set(bearer(bystander))
      .expect(404);
    // The admin's view and the admin ending them all.
    const adminView = await t.http.get('/api/users/many-places/sign-ins').set(admin).expect(200);
    expect(adminView.body).toHaveLength(2);
    await t.http.delete('/api/users/many-places/sign-ins').set(admin).expect(200, { username: 'many-places', ended: 2 });
    for (const tk of [first, second, third]) await t.http.get('/api/auth/me').set(bearer(tk)).expect(401);
    await t.http.get('/api/auth/me').set(bearer(bystander)).expect(200);
    await t.http.get('/api/users/nobody-at-all/sign-ins').set(admin).expect(404);
  });

  describe('cookie-carried changes must come from the product origin', () => {
    let inspectorCookie: string;
    let inspectorToken: string;
    beforeAll(async () => {
      await putUser('csrf-inspector', 'inspector');
      const res = await t.http.post('/api/auth/login').send({ username: 'csrf-inspector', password: PASSWORD }).expect(200);
      inspectorCookie = cookieOf(res);
      inspectorToken = (res.body as { accessToken: string }).accessToken;
    });

    it('refuses a cookie publication from another port of the same host (repro 2)', async () => {
      const otherPort = origin.replace(/:(\d+)$/, (_, p: string) => `:${Number(p) + 1}`);
      const res = await t.http.post('/api/periods/2026-10/publish').set('Cookie', inspectorCookie).set('Origin', otherPort).expect(403);
      expect(res.body.message).toMatch(/origin/);
      const status = await t.http.get('/api/periods/2026-10').set(bearer(inspectorToken)).expect(200);
      expect(status.body.publishedAt).toBeNull();
    });

    it('refuses a cookie change with no Origin and no Referer, with Origin: null, or a foreign Referer', async () => {
      const post = () => t.http.post('/api/periods/2099-01/publish').set('Cookie', inspectorCookie);
      await post().expect(403);
      await post().set('Origin', 'null').expect(403);
      await post().set('Origin', 'http://evil.example').expect(403);
      await post().set('Referer', 'http://evil.example/page').expect(403);
      await post().set('Origin', 'null').set('Referer', `${origin}/admin`).expect(403);
    });

    it('lets the dashboard itself change state with the cookie, by Origin or by Referer', async () => {
      // 409: the period has not ended; what matters is that the origin check let it through.
      await t.http.post('/api/periods/2099-01/publish').set('Cookie', inspectorCookie).set('Origin', origin).expect(409);
      await t.http.post('/api/periods/2099-01/publish').set('Cookie', inspectorCookie).set('Referer', `${origin}/admin?x=1`).expect(409);
      await t.http.get('/api/auth/me').set('Cookie', inspectorCookie).expect(200);
    });

    it('judges a Bearer request by the token alone, wherever it comes from', async () => {
      await t.http.post('/api/periods/2099-01/publish').set(bearer(inspectorToken)).set('Origin', 'http://evil.example').expect(409);
      await t.http.post('/api/periods/2099-01/publish').set(bearer(inspectorToken)).set('Origin', 'null').expect(409);
      await t.http.post('/api/periods/2099-01/publish').set(bearer(inspectorToken)).expect(409);
    });
  });

  describe('password rules and the first password change', () => {
    it.each([
      ['Short-1a', /at least 12 characters/],
      ['alllowercaseletters', /three of/],
      ['lowercase-and-symbols', /three of/],
      ['Xweak-user-2026', /username/],
    ])('refuses %s on the admin page, saying why', async (password, reason) => {
      const res = await t.http.put('/api/users/weak-user').set(admin).send({ password, role: 'leader' }).expect(400);
      expect(res.body.message).toMatch(reason);
    });

    it('refuses a weak password in `cli user add` with exit 1 and the reason', { timeout: 300_000 }, async () => {
      const weak = await runCli(db, ['user', 'add', '--username', 'cli-weak', '--password', 'password12345', '--role', 'leader']);
      expect(weak.status).toBe(1);
      expect(weak.stderr).toMatch(/--password must mix three of/);
      expect(weak.stdout).toBe('');
    });

    it('makes an admin created on the admin page change the first password before anything else', async () => {
      await t.http.put('/api/users/fresh-admin').set(admin).send({ password: FIRST_PASSWORD, role: 'admin' }).expect(200);
      const login = await t.http.post('/api/auth/login').send({ username: 'fresh-admin', password: FIRST_PASSWORD }).expect(200);
      expect(login.body.user.mustChangePassword).toBe(true);
      const token = login.body.accessToken as string;
      expect((await t.http.get('/api/auth/me').set(bearer(token)).expect(200)).body.mustChangePassword).toBe(true);
      const blocked = await t.http.get('/api/users').set(bearer(token)).expect(403);
      expect(blocked.body.message).toMatch(/new password/);
      const wrong = await t.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'Not-The-One-2026', newPassword: PASSWORD }).expect(400);
      expect(wrong.body.message).toMatch(/currentPassword/);
      const weak = await t.http
        .post('/api/auth/password')
        .set(bearer(token))
        .send({ currentPassword: FIRST_PASSWORD, newPassword: 'fresh-admin-Pass1' })
        .expect(400);
      expect(weak.body.message).toMatch(/username/);
      const changed = await t.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: FIRST_PASSWORD, newPassword: PASSWORD }).expect(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      expect(cookieOf(changed)).toMatch(/^access_token=/);
      await t.http.get('/api/users').set(bearer(changed.body.accessToken)).expect(200);
      await t.http.get('/api/users').set(bearer(token)).expect(401);
      const relogin = await t.http.post('/api/auth/login').send({ username: 'fresh-admin', password: PASSWORD }).expect(200);
      expect(relogin.body.user.mustChangePassword).toBe(false);
      const audit = await t.http.get('/api/audit?action=auth.password_change').set(admin).expect(200);
      expect(audit.body.items.map((e: { target: string }) => e.target)).toContain('fresh-admin');
    });

    it('does not force a change on a leader created on the admin page, nor on the ADMIN_PASSWORD admin', async () => {
      await t.http.put('/api/users/fresh-leader').set(admin).send({ password: FIRST_PASSWORD, role: 'leader' }).expect(200);
      expect((await t.http.post('/api/auth/login').send({ username: 'fresh-leader', password: FIRST_PASSWORD }).expect(200)).body.user.mustChangePassword).toBe(
        false,
      );
      expect((await t.http.get('/api/auth/me').set(admin).expect(200)).body.mustChangePassword).toBe(false);
    });
  });

  describe('wrong passwords lock the username, not the address', () => {
    const attempt = (username: string, password: string) => t.http.post('/api/auth/login').send({ username, password });

    it('locks a username after five wrong passwords in a row, a known one and an unknown one alike (repro 3)', async () => {
      await putUser('locked-user', 'leader');
      await putUser('neighbour', 'leader');
      const answers: Record<string, { statuses: number[]; message: string; retryAfter: number }> = {};
      for (const username of ['locked-user', 'ghost-user']) {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await attempt(username, 'Wrong-Password-1')).status);
        const fifth = await attempt(username, 'Wrong-Password-1');
        statuses.push(fifth.status);
        answers[username] = { statuses, message: fifth.body.message, retryAfter: Number(fifth.headers['retry-after']) };
      }
      expect(answers['locked-user'].statuses).toEqual([401, 401, 401, 401, 429]);
      expect(answers['ghost-user']).toEqual(answers['locked-user']);
      expect(answers['locked-user'].message).toMatch(/locked for 15 minutes/);
      expect(answers['locked-user'].retryAfter).toBeGreaterThan(14 * 60);
      expect(answers['locked-user'].retryAfter).toBeLessThanOrEqual(15 * 60);
      // Locked: even the right password is refused, with the time left.
      const refused = await attempt('locked-user', PASSWORD).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Ten failures from this address did not lock anyone else behind it.
      await loginAs(t.http, 'neighbour', PASSWORD);
      const audit = await t.http.get('/api/audit?action=auth.lockout').set(admin).expect(200);
      expect(audit.body.items.map((e: { target: string }) => e.target)).toEqual(expect.arrayContaining(['locked-user', 'ghost-user']));
    });

    it('lets an admin see and lift a lockout, audited', async () => {
      const locks = await t.http.get('/api/auth/lockouts').set(admin).expect(200);
      expect(locks.body.map((l: { username: string }) => l.username)).toContain('locked-user');
      await t.http.delete('/api/auth/lockouts/locked-user').set(admin).expect(200, { username: 'locked-user', unlocked: true });
      await loginAs(t.http, 'locked-user', PASSWORD);
      await t.http.delete('/api/auth/lockouts/locked-user').set(admin).expect(404);
      const audit = await t.http.get('/api/audit?action=auth.unlock').set(admin).expect(200);
      expect(audit.body.items.map((e: { target: string }) => e.target)).toContain('locked-user');
    });

    it('lifts a lockout by itself after 15 minutes', async () => {
      await attempt('ghost-user', 'Wrong-Password-1').expect(429);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 16 * 60_000 });
      try {
        await attempt('ghost-user', 'Wrong-Password-1').expect(401);
      } finally {
        vi.useRealTimers();
      }
    });

    it('holds back an address spraying many usernames, but not a user who signed in from it before', async () => {
      await putUser('office-worker', 'leader');
      await putUser('newcomer', 'leader');
      await loginAs(t.http, 'office-worker', PASSWORD);
      const statuses: number[] = [];
      for (let i = 1; i <= 6; i++) statuses.push((await attempt(`spray-${i}`, 'Wrong-Password-1')).status);
      expect(statuses).toContain(429);
      const held = await attempt('newcomer', PASSWORD).expect(429);
      expect(held.body.message).toMatch(/address/);
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
      await loginAs(t.http, 'office-worker', PASSWORD);
      await loginAs(t.http, 'neighbour', PASSWORD);
    });
  });
});
