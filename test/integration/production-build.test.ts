import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from './support/databases';
import { REPO_ROOT, testEnv } from './support/test-app';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no healthy /api/health within 90 s:\n${output()}`);
}

/** `npm start`'s own command, on the compiled JavaScript, as a user (or the container) runs it. */
describe('the production build (embedded database)', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let server: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    // The suite's command built everything; a first call here covers running this file alone.
    spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build.cjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
    db = await createTestDatabase('embedded');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(REPO_ROOT, 'scripts/start.cjs')], {
      cwd: REPO_ROOT,
      env: { ...testEnv(db), NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
    server.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
    await waitForHealth(base, server, () => output);
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
  });

  it('rebuilds nothing when nothing changed, and starts without compiling', () => {
    const again = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build.cjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(output).not.toContain('[build]');
    expect(readFileSync(join(REPO_ROOT, 'apps/api/dist/main.js'), 'utf8')).toContain('sourceMappingURL=main.js.map');
  });

  it('serves the hashed assets precompressed and immutable, and index.html revalidated', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    // A route of the app is index.html too, revalidated the same way.
    expect((await fetch(`${base}/rankings`)).headers.get('cache-control')).toBe('no-cache');

    const original = readFileSync(join(REPO_ROOT, 'apps/web/dist', script!));
    const fetchRaw = async (encoding: string) => {
      const { request } = await import('node:http');
      return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        request(`${base}${script}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    };
    const br = await fetchRaw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    const gz = await fetchRaw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await fetchRaw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('runs the compiled command line', () => {
    const version = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/cli.cjs'), '--version'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
    expect(version.stderr).toBe('');
  });
});
