import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { formatPeriod, periodContaining, previousPeriod } from '@app/scoring';
import { cli, freshDatabase, log, REPO_ROOT, rssMb, timed } from './bench-support';

/** The runtime issue's targets, printed beside each figure. */
const TARGETS = {
  secondStartSeconds: '< 5',
  cliVersionSeconds: '< 0.4',
  cliScoreSeconds: '< 0.6',
  idleRssMb: '< 250',
  zipPeakRssMb: '< 400',
  embeddedToPostgresSize: '<= 1.5',
};

const INSPECTOR_PASSWORD = 'Ducha-Demo-2026';

/**
 * What `npm start` runs, read from package.json so the server's own process is started exactly so
 * (its memory is then read without npm's): the environment it sets and node's arguments.
 */
function npmStartCommand(): { env: Record<string, string>; args: string[] } {
  const script = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = script.split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((w) => w.split('=') as [string, string]));
  return { env, args: words.slice(node + 1).map((w) => (w.startsWith('-') ? w : join(REPO_ROOT, w))) };
}

/** Samples a process's resident memory every 100 ms while `work` runs; returns the peak. */
async function peakRssDuring(pid: number, work: () => Promise<unknown>): Promise<number> {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, rssMb(pid));
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const healthy = (base: string) => async () => (await fetch(`${base}/api/health`)).ok;
const seeded = (base: string) => async () => ((await (await fetch(`${base}/api/system/seeding`)).json()) as { state: string }).state === 'done';

function start(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: 'ignore',
    detached: true,
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  // The process group: `npm start` runs the server under npm and a shell.
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

async function fastestOf(times: number, run: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < times; i++) best = Math.min(best, await run());
  return Math.round(best * 1000) / 1000;
}

function duMb(dir: string): number {
  const r = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return Math.round(Number(r.stdout.split('\t')[0]) / 1024);
}

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * The product as a user runs it (`npm start` on the embedded database with the demo city): start
 * times, the server's memory idle and while zipping every department's PDF, the command line's
 * start-up, and the embedded database's size beside PostgreSQL's for the same demo city.
 */
export async function benchRuntime(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-runtime-'));
  const port = 3700 + Math.floor(Math.random() * 100);
  const base = `http://127.0.0.1:${port}`;
  const npmStart = npmStartCommand();
  const env = { ...npmStart.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), DEMO_SEED: 'auto' };
  const period = formatPeriod(previousPeriod(periodContaining('month', Date.now(), 'Asia/Shanghai')));
  const pg = await freshDatabase('bench_runtime');
  const result: Record<string, unknown> = { benchmark: 'runtime', targets: TARGETS };
  try {
    // The server's own process (what `npm start` runs), so its memory is read without npm's.
    log('runtime: first start, seeding the demo city on the embedded database');
    let server = start(process.execPath, npmStart.args, env);
    await waitFor('the first start', healthy(base), 120_000);
    const seedPeak = await peakRssDuring(server.pid!, () => waitFor('the demo seeding', seeded(base), 600_000));
    await new Promise((r) => setTimeout(r, 15_000));
    result.seedingPeakRssMb = seedPeak;
    result.idleRssMb = rssMb(server.pid!);

    log('runtime: zipping every department PDF');
    const token = await login(base, 'inspector', INSPECTOR_PASSWORD);
    let zipBytes = 0;
    result.zipPeakRssMb = await peakRssDuring(server.pid!, async () => {
      const res = await fetch(`${base}/api/reports/${period}/departments.zip`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`zip: ${res.status} ${await res.text()}`);
      zipBytes = (await res.arrayBuffer()).byteLength;
    });
    result.zipMb = Math.round(zipBytes / 1048576);
    result.idleAfterZipRssMb = rssMb(server.pid!);

    log('runtime: the command line, through the running server');
    result.cliScoreThroughServerSeconds = await fastestOf(
      5,
      async () => (await cli(['score', '--period', period, '--json'], '', { DATA_DIR: dataDir })).seconds,
    );
    await stop(server);
    result.embeddedMb = duMb(join(dataDir, 'pglite'));
    result.embeddedWalMb = duMb(join(dataDir, 'pglite', 'pg_wal'));

    log('runtime: the command line on the database files');
    result.cliScoreSeconds = await fastestOf(5, async () => (await cli(['score', '--period', period, '--json'], '', { DATA_DIR: dataDir })).seconds);
    result.cliVersionSeconds = await fastestOf(5, async () => (await timed('npm', ['run', '--silent', 'cli', '--', '--version'])).seconds);
    result.cliVersionNodeSeconds = await fastestOf(5, async () => (await timed(process.execPath, [join(REPO_ROOT, 'scripts/cli.cjs'), '--version'])).seconds);

    // What the seeding leaves behind: the same data, served by a process that did not seed it.
    log('runtime: idle on the seeded data after a restart');
    server = start(process.execPath, npmStart.args, env);
    await waitFor('the restart', healthy(base), 120_000);
    await new Promise((r) => setTimeout(r, 15_000));
    result.idleRestartedRssMb = rssMb(server.pid!);
    await stop(server);

    log('runtime: a second `npm start`, nothing changed');
    const started = Date.now();
    server = start('npm', ['start'], env);
    await waitFor('the second start', healthy(base), 120_000);
    result.secondStartSeconds = (Date.now() - started) / 1000;
    await stop(server);

    log('runtime: the same demo city on PostgreSQL, for its size');
    server = start(process.execPath, npmStart.args, {
      ...env,
      DATABASE_URL: pg.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-runtime-pg-')),
    });
    await waitFor('the PostgreSQL start', healthy(base), 120_000);
    await waitFor('the demo seeding on PostgreSQL', seeded(base), 600_000);
    await stop(server);
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    const { rows } = await client.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
    await client.end();
    result.postgresMb = Math.round(Number(rows[0].bytes) / 1048576);
    result.embeddedToPostgresSize = Math.round(((result.embeddedMb as number) / (result.postgresMb as number)) * 100) / 100;
    return result;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await pg.drop();
  }
}
