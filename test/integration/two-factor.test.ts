import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { type AuditEntryView, type Page, type LoginResponse, type TwoFactorConfirmResponse, type TwoFactorEnrolment } from '@app/contracts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { addUser, loginAs, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

/**
 * The optional TOTP second factor (issue #16), required for admins here
 * (REQUIRE_ADMIN_2FA=true): enrolment with a QR code, a code at login, each
 * code once, recovery codes, removal and an admin's reset, all audited.
 */

const kinds = databaseKinds();
const ROOT_PASSWORD = 'Root-Password-2026';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
/** The code of the 30-second step `steps` after the current one (the server accepts one step either side). */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe.each(kinds)('two-factor sign-in on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let root: { Authorization: string };
  let rootSecret: string;
  let rootRecovery: string[];

  const login = (username: string, password: string, code?: string) => t.http.post('/api/auth/login').send({ username, password, code });

  /** Sets up the second factor with the signed-in token: the secret and the confirmation's answer. */
  async function enrol(token: string): Promise<{ secret: string; confirmed: TwoFactorConfirmResponse }> {
    const enrolment = (await t.http.post('/api/auth/two-factor/enrolment').set(bearer(token)).expect(200)).body as TwoFactorEnrolment;
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    const confirmed = (
      await t.http
        .post('/api/auth/two-factor/confirmation')
        .set(bearer(token))
        .send({ code: await codeAt(enrolment.secret) })
        .expect(200)
    ).body as TwoFactorConfirmResponse;
    return { secret: enrolment.secret, confirmed };
  }

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: ROOT_PASSWORD, REQUIRE_ADMIN_2FA: 'true' });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('holds an admin without a second factor to the enrolment, then signs it in anew with ten recovery codes', async () => {
    const first = (await login('root', ROOT_PASSWORD).expect(200)).body as LoginResponse;
    expect(first.user.mustEnrolTwoFactor).toBe(true);
    const pending = bearer(first.accessToken);
    const refused = await t.http.get('/api/users').set(pending).expect(403);
    expect(refused.body.message).toContain('two-factor');
    expect((await t.http.get('/api/auth/me').set(pending).expect(200)).body).toMatchObject({ username: 'root', mustEnrolTwoFactor: true, twoFactor: false });
    expect((await t.http.get('/api/auth/two-factor').set(pending).expect(200)).body).toMatchObject({ enabled: false, required: true });

    // A wrong first code leaves it pending.
    await t.http.post('/api/auth/two-factor/enrolment').set(pending).expect(200);
    await t.http.post('/api/auth/two-factor/confirmation').set(pending).send({ code: '000000' }).expect(400);
    const { secret, confirmed } = await enrol(first.accessToken);
    rootSecret = secret;
    rootRecovery = confirmed.recoveryCodes;
    expect(rootRecovery).toHaveLength(10);
    expect(new Set(rootRecovery).size).toBe(10);
    expect(confirmed.user).toMatchObject({ twoFactor: true, mustEnrolTwoFactor: false });
    // The pending sign-in ended with the change; the new one reaches everything.
    await t.http.get('/api/auth/me').set(pending).expect(401);
    root = bearer(confirmed.accessToken);
    await t.http.get('/api/users').set(root).expect(200);
    expect((await t.http.get('/api/auth/two-factor').set(root).expect(200)).body).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: true });
    // A second device needs the first removed.
    await t.http.post('/api/auth/two-factor/enrolment').set(root).expect(409);
  });

  it('asks for the code after the right password, takes each code once, and counts wrong codes towards the lockout', async () => {
    const missing = await login('root', ROOT_PASSWORD).expect(401);
    expect(missing.body).toMatchObject({ statusCode: 401, code: 'auth.codeRequired' });
    // The code of the step just confirmed was used: it does not work again.
    expect((await login('root', ROOT_PASSWORD, await codeAt(rootSecret)).expect(401)).body.code).toBe('auth.badCode');
    const next = await codeAt(rootSecret, 1);
    const signedIn = (await login('root', ROOT_PASSWORD, next).expect(200)).body as LoginResponse;
    expect(signedIn.user.twoFactor).toBe(true);
    await login('root', ROOT_PASSWORD, next).expect(401);
    // The right password with a wrong code is not a sign-in; five in a row lock the username.
    for (let i = 0; i < 3; i++) await login('root', ROOT_PASSWORD, '123456').expect(401);
    const locked = await login('root', ROOT_PASSWORD, '654321').expect(429);
    expect(locked.headers['retry-after']).toBeDefined();
    await t.http.delete('/api/auth/lockouts/root').set(root).expect(200);
  });

  it('signs in with a recovery code once, and the status counts what is left', async () => {
    await login('root', ROOT_PASSWORD, rootRecovery[0].toLowerCase()).expect(200);
    await login('root', ROOT_PASSWORD, rootRecovery[0]).expect(401);
    expect((await t.http.get('/api/auth/two-factor').set(root).expect(200)).body).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it('lets a user turn the optional factor on and off with the password; an admin may not while it is required', async () => {
    await addUser(t.http, root, 'duty-inspector', 'inspector');
    const token = await loginAs(t.http, 'duty-inspector', TEST_PASSWORD);
    const { secret } = await enrol(token);
    await login('duty-inspector', TEST_PASSWORD).expect(401);
    const again = (await login('duty-inspector', TEST_PASSWORD, await codeAt(secret, 1)).expect(200)).body as LoginResponse;
    await t.http.post('/api/auth/two-factor/removal').set(bearer(again.accessToken)).send({ password: 'Wrong-Password-2026' }).expect(400);
    expect((await t.http.post('/api/auth/two-factor/removal').set(bearer(again.accessToken)).send({ password: TEST_PASSWORD }).expect(200)).body).toEqual({
      username: 'duty-inspector',
      removed: true,
    });
    await login('duty-inspector', TEST_PASSWORD).expect(200);
    await t.http.post('/api/auth/two-factor/removal').set(root).send({ password: ROOT_PASSWORD }).expect(403);
  });

  it("lets an admin reset another user's factor (a lost device), ending that user's sign-ins; all of it audited", async () => {
    const token = await loginAs(t.http, 'duty-inspector', TEST_PASSWORD);
    const { confirmed } = await enrol(token);
    const reset = await t.http.delete('/api/users/duty-inspector/two-factor').set(root).expect(200);
    expect(reset.body).toEqual({ username: 'duty-inspector', removed: true });
    await t.http.get('/api/auth/me').set(bearer(confirmed.accessToken)).expect(401);
    await login('duty-inspector', TEST_PASSWORD).expect(200);
    await t.http.delete('/api/users/nobody-here/two-factor').set(root).expect(404);

    const audit = (await t.http.get('/api/audit?limit=200').set(root).expect(200)).body as Page<AuditEntryView>;
    const actions = audit.items.map((e) => `${e.action} ${e.target}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.2fa_enrolled root',
        'auth.2fa_enrolled duty-inspector',
        'auth.2fa_removed duty-inspector',
        'auth.2fa_recovery_code_used root',
        'auth.login_failed root',
      ]),
    );
  });
});
