import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loginAs, runCli, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const kinds = databaseKinds();

describe.each(kinds)('foundation on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password', LOGIN_RATE_LIMIT_PER_MINUTE: '20' });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('answers health without a login', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('guards every other endpoint', async () => {
    for (const path of ['/api/system', '/api/auth/me', '/api/users', '/api/audit']) {
      const res = await t.http.get(path).expect(401);
      expect(res.body).toEqual({ statusCode: 401, message: 'not logged in', code: 'auth.notLoggedIn' });
    }
  });

  it('logs in with a cookie for the dashboard and a bearer token for scripts', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'root', password: 'root-password' }).expect(200);
    expect(res.body.user).toEqual({ username: 'root', role: 'admin', dept: null, mustChangePassword: false, twoFactor: false, mustEnrolTwoFactor: false });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('access_token='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    await t.http.get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('root');
    const system = await t.http.get('/api/system').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(system.body.database).toBe(kind);
  });

  it('rejects bad credentials and malformed login bodies with a reason', async () => {
    await t.http.post('/api/auth/login').send({ username: 'root', password: 'wrong' }).expect(401);
    const missing = await t.http.post('/api/auth/login').send({ username: 'root' }).expect(400);
    expect(missing.body.message).toMatch(/password/);
    const garbage = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{bad').expect(400);
    expect(garbage.body.statusCode).toBe(400);
  });

  it('checks the role declared beside each route', async () => {
    const token = await loginAs(t.http, 'root', 'root-password');
    await t.http.put('/api/users/mayor').set('Authorization', `Bearer ${token}`).send({ password: TEST_PASSWORD, role: 'leader' }).expect(200);
    const bad = await t.http.put('/api/users/clerk').set('Authorization', `Bearer ${token}`).send({ password: TEST_PASSWORD, role: 'department' }).expect(400);
    expect(bad.body.message).toMatch(/dept/);
    const leader = await loginAs(t.http, 'mayor', TEST_PASSWORD);
    await t.http.get('/api/users').set('Authorization', `Bearer ${leader}`).expect(403);
    await t.http.get('/api/audit').set('Authorization', `Bearer ${leader}`).expect(403);
    const users = await t.http.get('/api/users').set('Authorization', `Bearer ${token}`).expect(200);
    expect(users.body.map((u: { username: string }) => u.username)).toEqual(['mayor', 'root']);
    expect(JSON.stringify(users.body)).not.toMatch(/argon2/);
  });

  it('rejects forged and expired tokens', async () => {
    await t.http.get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
    const forged = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'root', role: 'admin', dept: null })).toString('base64url');
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${forged}.${body}.`).expect(401);
  });

  it('keeps an append-only audit log of user changes and logins', async () => {
    const token = await loginAs(t.http, 'root', 'root-password');
    const res = await t.http.get('/api/audit?limit=50').set('Authorization', `Bearer ${token}`).expect(200);
    const actions = res.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('user.create');
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
    if (kind === 'postgresql') {
      const client = new Client({ connectionString: db.env.DATABASE_URL });
      await client.connect();
      await expect(client.query(`update audit_log set actor = 'x'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
      await client.end();
    }
  });

  it('rate-limits login attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'nothing-here' });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/users/{username}']));
  });
});

describe.each(kinds)('CLI user add on the %s database', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());

  it('creates a user, then a department user needs --dept, and usage errors exit 1', async () => {
    const ok = await runCli(db, ['user', 'add', '--username', 'ops', '--password', TEST_PASSWORD, '--role', 'admin']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.json).toEqual([{ username: 'ops', role: 'admin' }]);
    const missingDept = await runCli(db, ['user', 'add', '--username', 'clerk', '--password', TEST_PASSWORD, '--role', 'department']);
    expect(missingDept.status).toBe(1);
    expect(missingDept.stderr).toMatch(/--dept/);
    expect(missingDept.stdout).toBe('');
    const unknown = await runCli(db, ['frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command/);
  });
});
