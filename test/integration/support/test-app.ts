import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../../../apps/api/src/config/app-config';
import { createApp } from '../../../apps/api/src/main';
import type { TestDatabase } from './databases';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

export function testEnv(db: TestDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DEMO_SEED: 'off', ...db.env, ...extra };
}

/** The real HTTP application on the given database, listening on a free port. */
export async function startTestApp(db: TestDatabase, extra: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig(testEnv(db, extra));
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  return { app, http, close: () => app.close() };
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
  json: unknown[];
}

/**
 * Runs the real CLI in a child process, as `npm run --silent cli -- ...` does.
 * Asynchronous on purpose: with the embedded database the CLI talks to the
 * test's own server socket, which needs this process's event loop.
 */
export function runCli(db: TestDatabase, args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts/cli.cjs'), ...args], {
      cwd: REPO_ROOT,
      env: testEnv(db, extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const json = stdout
        .split('\n')
        .filter((line) => line.trim().startsWith('{') || line.trim().startsWith('['))
        .map((line) => JSON.parse(line) as unknown);
      resolvePromise({ status: status ?? -1, stdout, stderr, json });
    });
  });
}

export async function loginAs(http: TestApp['http'], username: string, password: string): Promise<string> {
  const res = await http.post('/api/auth/login').send({ username, password }).expect(200);
  return (res.body as { accessToken: string }).accessToken;
}

/** A password that passes the password rules for every username the tests use. */
export const TEST_PASSWORD = 'Test-Password-2026';
const FIRST_PASSWORD = 'First-Password-2026';

/**
 * Creates (or updates) a user through the admin API with TEST_PASSWORD; an
 * admin or inspector created there must change its first password, which
 * this does as the user would, so the account is ready to use.
 */
export async function addUser(http: TestApp['http'], admin: Record<string, string>, username: string, role: string, dept: string | null = null): Promise<void> {
  const forced = role === 'admin' || role === 'inspector';
  const res = await http
    .put(`/api/users/${username}`)
    .set(admin)
    .send({ password: forced ? FIRST_PASSWORD : TEST_PASSWORD, role, dept });
  if (res.status !== 200) throw new Error(`PUT /api/users/${username}: ${res.status} ${JSON.stringify(res.body)}`);
  if (!forced) return;
  const login = await http.post('/api/auth/login').send({ username, password: FIRST_PASSWORD }).expect(200);
  const { accessToken, user } = login.body as { accessToken: string; user: { mustChangePassword?: boolean } };
  if (user.mustChangePassword) {
    await http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ currentPassword: FIRST_PASSWORD, newPassword: TEST_PASSWORD })
      .expect(200);
  } else {
    await http.put(`/api/users/${username}`).set(admin).send({ password: TEST_PASSWORD, role, dept }).expect(200);
  }
}
