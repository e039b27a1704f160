import { connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../apps/api/src/database/db';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loadExampleOverHttp } from './support/example-http';
import { portOf } from './support/raw-http';
import { addUser, loginAs, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

/**
 * Issue 17 and access.md: no body is read before its sender is authenticated and allowed to
 * use the route; refused requests have their connection closed without the rest being read;
 * bodies have sent and inflated limits and a cap on how many are read at once. Driven over
 * raw sockets, measuring what the server itself read.
 */

const kinds = databaseKinds();
/** How much of a refused request's body the server may have read (one socket read's worth). */
const READ_LIMIT = 64 * 1024;
const CHUNK = 16 * 1024;

interface HostileAnswer {
  status: number;
  head: string;
  body: string;
  /** Body bytes the server read from this connection (all it read less the request head). */
  serverRead: number;
  /** Body bytes the client managed to write before the answer came. */
  written: number;
  closedByServer: boolean;
}

/** A gzip body of 60 MB of zeros (about 60 KB on the wire). */
const ZEROS_GZIP = gzipSync(Buffer.alloc(60 * 1024 * 1024));

/**
 * Sends the head, then the body in paced chunks until the server answers; resolves when the
 * server has closed the connection (or fails after the deadline).
 */
function hostileUpload(t: TestApp, path: string, headers: Record<string, string>, body: Buffer, deadlineMs = 15_000): Promise<HostileAnswer> {
  const server = t.app.getHttpServer();
  return new Promise((resolve, reject) => {
    let serverSocket: Socket | undefined;
    const client = connect(portOf(t), '127.0.0.1');
    const onConnection = (s: Socket) => {
      if (s.remotePort === client.localPort) serverSocket = s;
    };
    server.on('connection', onConnection);
    const received: Buffer[] = [];
    let written = 0;
    let headBytes = 0;
    let answered = false;
    let closedByServer = false;
    const timer = setTimeout(() => {
      client.destroy();
      reject(new Error(`${path}: no close within ${deadlineMs} ms (answered: ${answered}, written ${written})`));
    }, deadlineMs);
    const pump = () => {
      while (!answered && !client.destroyed && written < body.length) {
        const chunk = body.subarray(written, written + CHUNK);
        written += chunk.length;
        if (!client.write(chunk)) {
          client.once('drain', () => setTimeout(pump, 1));
          return;
        }
        setTimeout(pump, 2);
        return;
      }
    };
    client.on('connect', () => {
      const lines = [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', `Content-Length: ${body.length}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      headBytes = Buffer.byteLength(`${lines.join('\r\n')}\r\n\r\n`);
      client.write(`${lines.join('\r\n')}\r\n\r\n`);
      pump();
    });
    client.on('data', (d: Buffer) => {
      answered = true;
      received.push(d);
    });
    client.on('end', () => (closedByServer = true));
    client.on('error', () => (closedByServer = true));
    client.on('close', () => {
      clearTimeout(timer);
      server.off('connection', onConnection);
      const text = Buffer.concat(received).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: rest.join('\r\n\r\n'), serverRead: serverSocket ? serverSocket.bytesRead - headBytes : -1, written, closedByServer });
    });
  });
}

/** The 60 MB-of-zeros gzip body repeated up to about `bytes` on the wire, so the client has plenty left to send. */
function bigGzipBody(bytes = 1024 * 1024): Buffer {
  const copies = Math.ceil(bytes / ZEROS_GZIP.length);
  return Buffer.concat(new Array<Buffer>(copies).fill(ZEROS_GZIP));
}

const expectRefusedEarly = (answer: HostileAnswer, status: number) => {
  expect(answer.status, answer.head + answer.body).toBe(status);
  expect(answer.head.toLowerCase()).toContain('connection: close');
  expect(answer.closedByServer).toBe(true);
  expect(answer.serverRead).toBeGreaterThanOrEqual(0);
  expect(answer.serverRead).toBeLessThanOrEqual(READ_LIMIT);
};

describe.each(kinds)('hostile bodies (%s)', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let adminToken: string;
  let apiKey: string;
  let leader: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, {
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'root-password',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      INGEST_MAX_INFLATED_MB: '8',
      UPLOAD_CONCURRENCY: '2',
    });
    ({ adminToken, apiKey } = await loadExampleOverHttp(t));
    await addUser(t.http, { Authorization: `Bearer ${adminToken}` }, 'leader', 'leader');
    leader = await loginAs(t.http, 'leader', TEST_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('answers an unauthenticated 60 MB gzip ingest body 401 after at most 64 KiB read, and closes the connection', async () => {
    const answer = await hostileUpload(t, '/api/ingest', { 'Content-Type': 'application/x-ndjson', 'Content-Encoding': 'gzip' }, bigGzipBody());
    expectRefusedEarly(answer, 401);
    const wrongKey = await hostileUpload(t, '/api/ingest', { 'X-Api-Key': 'dsk_wrong', 'Content-Encoding': 'gzip' }, bigGzipBody());
    expectRefusedEarly(wrongKey, 401);
  });

  it('answers a master-data upload by a leader 403 the same way, and an anonymous one 401', async () => {
    const forbidden = await hostileUpload(
      t,
      '/api/master-data/departments',
      { Authorization: `Bearer ${leader}`, 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip' },
      bigGzipBody(),
    );
    expectRefusedEarly(forbidden, 403);
    const anonymous = await hostileUpload(t, '/api/master-data/catalog', { 'Content-Type': 'text/csv' }, bigGzipBody());
    expectRefusedEarly(anonymous, 401);
  });

  it('refuses a JSON body on an authenticated route before reading it', async () => {
    const answer = await hostileUpload(t, '/api/ingest/sources', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, bigGzipBody());
    expectRefusedEarly(answer, 401);
  });

  it('inflates an authorised gzip body under its decompressed limit (413) and stops reading', async () => {
    const answer = await hostileUpload(
      t,
      '/api/ingest',
      { 'X-Api-Key': apiKey, 'Content-Type': 'application/x-ndjson', 'Content-Encoding': 'gzip' },
      ZEROS_GZIP,
    );
    expect(answer.status, answer.body).toBe(413);
    expect(answer.body).toContain('INGEST_MAX_INFLATED_MB');
    expect(answer.closedByServer).toBe(true);
  });

  it('takes at most 4 KiB of login body, never compressed', async () => {
    const big = await hostileUpload(
      t,
      '/api/auth/login',
      { 'Content-Type': 'application/json' },
      Buffer.from(JSON.stringify({ username: 'x'.repeat(8000), password: 'y' })),
    );
    expect(big.status, big.body).toBe(413);
    const gz = await hostileUpload(
      t,
      '/api/auth/login',
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      gzipSync(JSON.stringify({ username: 'root', password: 'root-password' })),
    );
    expect(gz.status, gz.body).toBe(415);
    await t.http.post('/api/auth/login').send({ username: 'root', password: 'root-password' }).expect(200);
  });

  it('reads at most UPLOAD_CONCURRENCY bodies at once: beyond it 503 with Retry-After', async () => {
    // Two authorised uploads whose bodies never finish hold both places.
    const holders = [0, 1].map(() => {
      const s = connect(portOf(t), '127.0.0.1');
      s.on('error', () => undefined);
      s.write(
        `POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: ${apiKey}\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000000\r\n\r\n{"id":`,
      );
      return s;
    });
    try {
      const deadline = Date.now() + 10_000;
      let answer: HostileAnswer;
      do {
        await new Promise((r) => setTimeout(r, 100));
        answer = await hostileUpload(t, '/api/ingest', { 'X-Api-Key': apiKey, 'Content-Type': 'application/x-ndjson' }, bigGzipBody(256 * 1024));
      } while (answer.status !== 503 && Date.now() < deadline);
      expectRefusedEarly(answer, 503);
      expect(answer.head).toMatch(/retry-after: \d+/i);
    } finally {
      for (const s of holders) s.destroy();
    }
    // The places are given back when the holders go away.
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      const line = JSON.stringify({
        id: 'after-cap',
        type: 'api.called',
        at: '2026-10-20T10:00:00+08:00',
        dept: 'MSA',
        resource: 'MSA-ENT',
        consumer: 'PSB',
        status: 200,
        latency_ms: 5,
      });
      status = (await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'application/x-ndjson').send(`${line}\n`)).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });

  const ingest = async (lines: object[]) => {
    const res = await t.http
      .post('/api/ingest')
      .set('X-Api-Key', apiKey)
      .set('Content-Type', 'application/x-ndjson')
      .send(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    return res;
  };
  const quarantineReasons = async (): Promise<Map<string, string>> => {
    const res = await t.http
      .get('/api/quarantine?limit=500')
      .set({ Authorization: `Bearer ${adminToken}` })
      .expect(200);
    const items = (res.body as { items: { raw: string; reason: string }[] }).items;
    return new Map(items.map((i) => [i.raw, i.reason]));
  };

  it('quarantines two 1e308 latencies with the bound as the reason and stores the valid line beside them', async () => {
    const call = { type: 'api.called', at: '2026-10-22T10:00:00+08:00', dept: 'MSA', resource: 'MSA-ENT', consumer: 'PSB', status: 200 };
    const res = await ingest([
      { ...call, id: 'huge-1', latency_ms: 1e308 },
      { ...call, id: 'huge-2', latency_ms: 1e308 },
      { ...call, id: 'huge-ok', latency_ms: 12 },
    ]);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ read: 3, accepted: 1, duplicates: 0, quarantined: 2 });
    const reasons = [...(await quarantineReasons()).entries()].filter(([raw]) => raw.includes('"huge-'));
    expect(reasons).toHaveLength(2);
    for (const [, reason] of reasons) expect(reason).toBe('field "latency_ms" must be a number from 0 to 86400000 (one day), not 1e+308');
    // The reason's code and parameters, for the dashboard to say it in the user's language.
    const page = (
      await t.http
        .get('/api/quarantine?limit=500')
        .set({ Authorization: `Bearer ${adminToken}` })
        .expect(200)
    ).body as {
      items: { raw: string; reasonMessage: unknown }[];
    };
    expect(page.items.find((i) => i.raw.includes('"huge-1"'))!.reasonMessage).toEqual({
      code: 'line.notLatency',
      params: { field: 'latency_ms', max: '86400000', value: '1e+308' },
    });
  });

  it('quarantines the one line the database refuses and stores the other lines of its body', async () => {
    // A value the contract allows but a constraint (added for the test) rejects: the database fails on that line alone.
    const sql = t.app.get(Db);
    await sql.execute(`alter table event add constraint hostile_poison check (request is distinct from 'RQ-POISON')`);
    try {
      const submitted = { type: 'request.submitted', at: '2026-10-22T10:00:00+08:00', dept: 'MSA', resource: 'MSA-ENT', requester: 'PSB' };
      const lines = Array.from({ length: 9 }, (_, i) => ({ ...submitted, id: `iso-${i}`, request: i === 5 ? 'RQ-POISON' : `RQ-ISO-${i}` }));
      lines.push({ ...submitted, id: 'iso-9', request: 'RQ-ISO-9', requester: 'PSB' });
      const res = await ingest(lines);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ read: 10, accepted: 9, duplicates: 0, quarantined: 1 });
      const rejected = (res.body as { rejected: { line: number; reason: string }[] }).rejected;
      expect(rejected).toEqual([{ line: 6, reason: expect.stringMatching(/^the database refused the line \(23514\): .*hostile_poison/) }]);
      const stored = await sql.many<{ id: string }>(`select id from event where id like 'iso-%' order by id`);
      expect(stored.map((r) => r.id)).toEqual(['iso-0', 'iso-1', 'iso-2', 'iso-3', 'iso-4', 'iso-6', 'iso-7', 'iso-8', 'iso-9']);
      const keys = await sql.many<{ id: string }>(`select id from event_key where id = 'iso-5'`);
      expect(keys).toEqual([]);
      expect([...(await quarantineReasons()).keys()].some((raw) => raw.includes('"iso-5"'))).toBe(true);
    } finally {
      await sql.execute('alter table event drop constraint hostile_poison');
    }
    // The quarantined line reserved nothing: sent again without the constraint, it is accepted.
    const again = await ingest([
      { type: 'request.submitted', at: '2026-10-22T10:00:00+08:00', dept: 'MSA', resource: 'MSA-ENT', requester: 'PSB', id: 'iso-5', request: 'RQ-POISON' },
    ]);
    expect(again.body).toMatchObject({ accepted: 1 });
  });

  it('quarantines events stamped in 1970 or 2999 with the window as the reason', async () => {
    const base = { type: 'resource.updated', dept: 'MSA', resource: 'MSA-ENT', records: 1, complete_records: 1 };
    const res = await ingest([
      { ...base, id: 'far-2999', at: '2999-01-01T00:00:00Z' },
      { ...base, id: 'far-1970', at: '1970-01-01T00:00:00Z' },
      { ...base, id: 'near-ok', at: '2026-10-22T10:00:00+08:00' },
    ]);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ read: 3, accepted: 1, quarantined: 2 });
    const reasons = [...(await quarantineReasons()).entries()].filter(([raw]) => raw.includes('"far-'));
    expect(reasons).toHaveLength(2);
    for (const [, reason] of reasons) expect(reason).toMatch(/^field "at" is outside the plausible window 2000-01-01T00:00:00.000Z to /);
  });
});
