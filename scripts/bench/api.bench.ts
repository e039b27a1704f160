import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { computeScores, formatPeriod, parsePeriodOrThrow, periodBounds, periodsBetween, type ScoreRecord } from '@app/scoring';
import { syntheticYear } from '../../libs/scoring/src/test-support/synthetic';
import { departmentsCsv, generateCity } from '../../apps/api/src/modules/demo/generator';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cli, freshDatabase, log, REPO_ROOT } from './bench-support';

const PERIOD = '2026-10';
const DURATION = Number(process.env.BENCH_API_SECONDS ?? 20);

export function startServer(script: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolvePromise, reject) => {
    // The product runs compiled (scripts/start.cjs); TypeScript helpers like the baseline run through the loader.
    const child = spawn(process.execPath, script.endsWith('.ts') ? ['-r', '@swc-node/register', script] : [script], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (ready.test(seen)) {
        child.stdout.removeListener('data', onData);
        child.stdout.resume();
        resolvePromise(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (seen += d.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}: ${seen.slice(-2000)}`)));
  });
}

function run(url: string, headers: Record<string, string>): Promise<autocannon.Result> {
  return new Promise((resolvePromise, reject) => {
    autocannon({ url, connections: 50, duration: DURATION, headers }, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolvePromise(result),
    );
  });
}

/**
 * Issue 5: the rankings endpoint (GET /api/scores) under autocannon with 100
 * departments and 36 months of snapshots, beside a minimal Express + pg
 * endpoint returning the same JSON from the same database in the same run.
 */
export async function benchApi(): Promise<Record<string, unknown>> {
  const db = await freshDatabase('bench_api');
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const children: ChildProcess[] = [];
  try {
    const city = generateCity({ seed: 5, departments: 100, resources: 2000 });
    writeFileSync(join(dir, 'departments.csv'), departmentsCsv(city));
    await cli(['import', 'departments', join(dir, 'departments.csv')], db.url);
    await cli(['user', 'add', '--username', 'bench', '--password', 'bench-password', '--role', 'leader'], db.url);

    // 36 monthly snapshots of a realistic 100-department record.
    const base = computeScores({
      ...syntheticYear({ updates: 100_000 }),
      departments: city.departments.map((d) => ({ code: d.code, name: d.name, active: true })),
    });
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ id: string | null }>('select max(id) as id from score_invalidation');
    const basis = Number(rows[0].id ?? 0);
    const months = periodsBetween('2023-11', PERIOD).map(formatPeriod);
    for (const period of months) {
      const record: ScoreRecord = {
        ...base.record,
        period,
        departments: base.record.departments.map((d, i) => ({ ...d, dept: city.departments[i % 100].code, name: city.departments[i % 100].name })),
      };
      await client.query(
        `insert into score_snapshot (period, period_end, record, findings, extras, as_of, provisional, scheme_version, basis_invalidation)
         values ($1, $2, $3, '{}', '{}', now(), false, 1, $4)`,
        [period, new Date(periodBounds(parsePeriodOrThrow(period), 'Asia/Shanghai').end), JSON.stringify(record), basis],
      );
    }
    await client.end();

    const apiPort = 3900 + Math.floor(Math.random() * 50);
    const basePort = apiPort + 50;
    children.push(
      await startServer(
        join(REPO_ROOT, 'scripts/start.cjs'),
        { DATABASE_URL: db.url, PORT: String(apiPort), DEMO_SEED: 'off', NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'info' },
        /Dashboard on/,
      ),
    );
    children.push(await startServer(join(REPO_ROOT, 'scripts/bench/baseline-server.ts'), { DATABASE_URL: db.url, PORT: String(basePort) }, /listening/));
    const login = await fetch(`http://127.0.0.1:${apiPort}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const apiUrl = `http://127.0.0.1:${apiPort}/api/scores?period=${PERIOD}`;
    const baseUrl = `http://127.0.0.1:${basePort}/scores?period=${PERIOD}`;
    const same =
      JSON.stringify(await (await fetch(apiUrl, { headers: { authorization: `Bearer ${accessToken}` } })).json()) ===
      JSON.stringify(await (await fetch(baseUrl)).json());
    log(`api: autocannon ${DURATION}s x 50 connections on the API, then the baseline`);
    const api = await run(apiUrl, { authorization: `Bearer ${accessToken}` });
    const baseline = await run(baseUrl, {});
    return {
      benchmark: `GET /api/scores (100 departments, 36 months of snapshots), autocannon 50 connections ${DURATION}s`,
      sameJson: same,
      apiRequestsPerSecond: Math.round(api.requests.average),
      baselineRequestsPerSecond: Math.round(baseline.requests.average),
      ratio: Math.round((api.requests.average / baseline.requests.average) * 1000) / 1000,
      apiLatencyP50Ms: api.latency.p50,
      apiLatencyP99Ms: api.latency.p99,
      baselineLatencyP50Ms: baseline.latency.p50,
      baselineLatencyP99Ms: baseline.latency.p99,
      apiErrors: api.errors + api.non2xx,
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
