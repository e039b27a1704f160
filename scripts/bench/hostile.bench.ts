import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from './api.bench';
import { freshDatabase, log, REPO_ROOT, rssMb } from './bench-support';

const BODIES = 8;
const TARGET_MB = 50;

/** One unauthenticated POST /api/ingest with the whole body; resolves with the status, or the error when the server closed first. */
function post(port: number, body: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/ingest',
        agent: false,
        headers: { 'Content-Type': 'application/x-ndjson', 'Content-Encoding': 'gzip', 'Content-Length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode)));
        res.on('error', (e) => resolve(e.message));
      },
    );
    req.on('error', (e) => resolve((e as NodeJS.ErrnoException).code ?? e.message));
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 17: the server's RSS before, at its peak during and after 8 concurrent unauthenticated
 * gzip bodies of 60 MB of zeros (268 KB each on the wire). Target: within 50 MB of the start.
 */
export async function benchHostile(): Promise<Record<string, unknown>> {
  const db = await freshDatabase('bench_hostile');
  let child: ChildProcess | undefined;
  try {
    const port = 3990 + Math.floor(Math.random() * 9);
    child = await startServer(
      join(REPO_ROOT, 'scripts/start.cjs'),
      { DATABASE_URL: db.url, PORT: String(port), DEMO_SEED: 'off', NODE_ENV: 'production', LOG_LEVEL: 'info' },
      /Dashboard on/,
    );
    const pid = child.pid!;
    const body = gzipSync(Buffer.alloc(60 * 1024 * 1024), { level: 1 });
    // Warm the route once so lazily loaded code is not counted as the attack's.
    await post(port, body);
    await sleep(1000);
    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
    const statuses = await Promise.all(Array.from({ length: BODIES }, () => post(port, body)));
    await sleep(2000);
    clearInterval(sampler);
    const after = rssMb(pid);
    peak = Math.max(peak, after);
    const counts: Record<string, number> = {};
    for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
    log(`hostile: ${BODIES} × ${body.length} bytes, answers ${JSON.stringify(counts)}`);
    return {
      benchmark: 'hostile',
      bodies: BODIES,
      bodyBytes: body.length,
      inflatedBytesEach: 60 * 1024 * 1024,
      answers: counts,
      rssBeforeMb: before,
      rssPeakMb: peak,
      rssAfterMb: after,
      peakGrowthMb: Math.round((peak - before) * 10) / 10,
      targetMb: TARGET_MB,
      withinTarget: peak - before <= TARGET_MB,
    };
  } finally {
    child?.kill('SIGTERM');
    await db.drop();
  }
}
