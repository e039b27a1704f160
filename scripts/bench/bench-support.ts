import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function print(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** A fresh database on the PostgreSQL server; dropped by the returned function. */
export async function freshDatabase(prefix: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A running process's resident memory (VmRSS) in MB, to a tenth. */
export function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

export interface Timed {
  seconds: number;
  maxRssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs a command under /usr/bin/time to get its wall time and peak resident memory. */
export function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '__TIME__ %e %M', command, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /__TIME__ ([\d.]+) (\d+)/.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`));
      resolvePromise({ seconds: Number(m[1]), maxRssMb: Math.round(Number(m[2]) / 1024), stdout, stderr });
    });
  });
}

/** The compiled command line; an empty `databaseUrl` means the embedded database (give DATA_DIR in `env`). */
export function cli(args: string[], databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  return timed(process.execPath, [join(REPO_ROOT, 'scripts/cli.cjs'), ...args], {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    DEMO_SEED: 'off',
    ...env,
  });
}

export function psql(databaseUrl: string, command: string): void {
  const r = spawnSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
}

export const COPY_COLUMNS = [
  'id',
  'type',
  'at',
  'dept',
  'resource',
  'records',
  'complete_records',
  'request',
  'requester',
  'decision',
  'reason',
  'objection',
  'raised_by',
  'consumer',
  'status',
  'latency_ms',
] as const;

const FIELD: Record<(typeof COPY_COLUMNS)[number], string> = {
  id: 'id',
  type: 'type',
  at: 'at',
  dept: 'dept',
  resource: 'resource',
  records: 'records',
  complete_records: 'complete_records',
  request: 'request',
  requester: 'requester',
  decision: 'decision',
  reason: 'reason',
  objection: 'objection',
  raised_by: 'raised_by',
  consumer: 'consumer',
  status: 'status',
  latency_ms: 'latency_ms',
};

function copyText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The same rows as COPY text, for the psql baseline (valid lines only, first of each id). */
export async function ndjsonToCopyFile(files: string[], out: string): Promise<number> {
  const seen = new Set<string>();
  const sink = createWriteStream(out);
  let rows = 0;
  for (const file of files) {
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      let e: Record<string, unknown>;
      try {
        e = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      const id = String(e.id);
      if (seen.has(id)) continue;
      seen.add(id);
      const ok = sink.write(COPY_COLUMNS.map((c) => copyText(e[FIELD[c]])).join('\t') + '\n');
      if (!ok) await new Promise<void>((r) => sink.once('drain', () => r()));
      rows++;
    }
  }
  await new Promise<void>((r) => sink.end(r));
  return rows;
}
