import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { ChannelView, DeliveryView, ScoreRecord } from '@app/contracts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loadExampleThroughCli } from './support/example';
import { loginAs, runCli, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const AS_OF = '2026-10-29T10:00:00+08:00';
const ORIGIN = 'https://kpi.example.gov.cn';
const DEPARTMENTS = ['CAB', 'MSA', 'PSB'];

/** scoring.md, To-do and early warnings: the worked example's CAB as of Oct 29 10:00. */
const CAB_OCT_29 = {
  dept: 'CAB',
  asOf: AS_OF,
  overdue: [
    { kind: 'request', id: 'RQ-3', resource: 'CAB-MAR', counterpart: 'PSB', deadline: '2026-10-22T00:00:00+08:00', workdaysOverdue: 6, eventIds: ['ex-0067'] },
  ],
  atRisk: [
    { kind: 'window', resource: 'CAB-MAR', windowStart: '2026-10-01T00:00:00+08:00', windowEnd: '2026-11-01T00:00:00+08:00', workdaysLeft: 1, eventIds: [] },
  ],
};

interface Received {
  path: string;
  url: string;
  body: Record<string, unknown>;
  at: number;
}

/** A local receiver for robot and webhook calls: records every call; `/flaky…` answers 500 to its first two. */
class Receiver {
  readonly calls: Received[] = [];
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res) => {
      let data = '';
      req.setEncoding('utf8').on('data', (d: string) => (data += d));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        this.calls.push({ path: url.pathname, url: req.url ?? '', body: JSON.parse(data) as Record<string, unknown>, at: Date.now() });
        const flakyCalls = this.on(url.pathname).length;
        if (url.pathname.startsWith('/flaky') && flakyCalls <= 2) {
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`busy, try ${flakyCalls}`);
          return;
        }
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(url.pathname.startsWith('/feishu') ? '{"code":0,"msg":"success"}' : '{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  on(path: string): Received[] {
    return this.calls.filter((c) => c.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / ?Q?) in a header, as nodemailer writes a Chinese subject. */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

interface Mail {
  to: string[];
  user: string | undefined;
  raw: string;
  subject: string;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that accepts the user "kpi" with the password given. */
async function startSmtp(password: string): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'kpi' && auth.password === password) callback(null, { user: auth.username });
      else callback(new Error('invalid credentials'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8').on('data', (d: string) => (raw += d));
      stream.on('end', () => {
        const header = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
        const subject = /^Subject: (.*)$/im.exec(header)?.[1] ?? '';
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, raw, subject: decodeHeader(subject) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(databaseKinds())('notifications on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let env: Record<string, string>;
  const receiver = new Receiver();
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const token: Record<string, string> = {};
  const bearer = (who: string) => ({ Authorization: `Bearer ${token[who]}` });

  const cli = async (args: string[]) => {
    const r = await runCli(db, args, env);
    expect(r.status, r.stderr).toBe(0);
    return r.json[0];
  };
  const send = (...extra: string[]) => cli(['notify', 'send', '--what', 'warnings', '--as-of', AS_OF, ...extra]);
  const addChannel = (name: string, kindName: string, target: string, ...rest: string[]) =>
    cli(['notify', 'channel', 'add', '--name', name, '--kind', kindName, '--target', target, ...rest]);
  const deliveries = async (): Promise<DeliveryView[]> =>
    (await t.http.get('/api/notifications/deliveries').set(bearer('admin')).expect(200)).body as DeliveryView[];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await receiver.start();
    smtp = await startSmtp('smtp-pass-秘密');
    env = {
      PUBLIC_ORIGIN: ORIGIN,
      SMTP_URL: `smtp://kpi@127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'kpi@example.gov.cn',
      NOTIFY_RETRY_ATTEMPTS: '3',
      NOTIFY_RETRY_DELAYS_MS: '50,100',
    };
    await loadExampleThroughCli(db);
    for (const [user, role] of [
      ['admin', 'admin'],
      ['inspector', 'inspector'],
    ]) {
      const r = await runCli(db, ['user', 'add', '--username', user, '--password', TEST_PASSWORD, '--role', role]);
      expect(r.status, r.stderr).toBe(0);
    }
    t = await startTestApp(db, env);
    for (const user of ['admin', 'inspector']) token[user] = await loginAs(t.http, user, TEST_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await receiver.close();
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
    await db?.drop();
  });

  it("sends CAB's to-do as one WeCom message naming RQ-3 and CAB-MAR, and nothing the second time", async () => {
    expect(await addChannel('cab-wecom', 'wecom', receiver.url('/wecom/cab'), '--dept', 'CAB')).toEqual({ name: 'cab-wecom', kind: 'wecom' });
    expect(await send()).toEqual({ sent: 1, skipped: 0, failed: 0 });
    const [call, ...more] = receiver.on('/wecom/cab');
    expect(more).toHaveLength(0);
    expect(call.body.msgtype).toBe('markdown');
    const content = (call.body.markdown as { content: string }).content;
    expect(content).toContain('【待办提醒】市民政局（CAB）2026-10-29 待办 2 项');
    expect(content).toContain('共享申请 RQ-3（资源 CAB-MAR，申请方 PSB）已逾期 6 个工作日');
    expect(content).toContain('更新窗口 CAB-MAR（2026-10-01 00:00 至 2026-11-01 00:00）剩余 1 个工作日');
    expect(content).toContain(`${ORIGIN}/departments/CAB`);

    expect(await send()).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(receiver.on('/wecom/cab')).toHaveLength(1);
  }, 120_000);

  it('signs a DingTalk URL and a Feishu body so that the signatures verify', async () => {
    await addChannel('cab-dingtalk', 'dingtalk', `${receiver.url('/dingtalk')}?access_token=tok-1`, '--secret', 'SEC-dingtalk-secret', '--dept', 'CAB');
    await addChannel('cab-feishu', 'feishu', receiver.url('/feishu/hook'), '--secret', 'feishu-secret', '--dept', 'CAB');
    const before = Date.now();
    expect(await send()).toEqual({ sent: 2, skipped: 1, failed: 0 });

    const [ding] = receiver.on('/dingtalk');
    const url = new URL(ding.url, 'http://127.0.0.1');
    expect(url.searchParams.get('access_token')).toBe('tok-1');
    const ts = url.searchParams.get('timestamp')!;
    expect(Number(ts)).toBeGreaterThanOrEqual(before);
    expect(Number(ts)).toBeLessThanOrEqual(ding.at);
    const dingSign = createHmac('sha256', 'SEC-dingtalk-secret').update(`${ts}\nSEC-dingtalk-secret`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(dingSign);
    expect(ding.url).toContain(`sign=${encodeURIComponent(dingSign)}`);
    expect(ding.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '【待办提醒】市民政局（CAB）2026-10-29 待办 2 项' } });
    expect((ding.body.markdown as { text: string }).text).toContain('RQ-3');

    const [feishu] = receiver.on('/feishu/hook');
    const fts = feishu.body.timestamp as string;
    expect(Number(fts)).toBeGreaterThanOrEqual(Math.floor(before / 1000));
    expect(Number(fts)).toBeLessThanOrEqual(Math.floor(feishu.at / 1000));
    expect(feishu.body.sign).toBe(createHmac('sha256', `${fts}\nfeishu-secret`).update('').digest('base64'));
    expect(feishu.body.msg_type).toBe('text');
    expect((feishu.body.content as { text: string }).text).toContain('已逾期 6 个工作日');

    const channels = (await t.http.get('/api/notifications/channels').set(bearer('admin')).expect(200)).body as ChannelView[];
    expect(JSON.stringify(channels)).not.toContain('SEC-dingtalk-secret');
    expect(JSON.stringify(channels)).not.toContain('feishu-secret');
    expect(channels.find((c) => c.name === 'cab-dingtalk')).toMatchObject({ kind: 'dingtalk', hasSecret: true, dept: 'CAB', role: null });
    expect(channels.find((c) => c.name === 'cab-wecom')).toMatchObject({ hasSecret: false });
  }, 120_000);

  it('retries a receiver that answers 500 twice: the message arrives on the third try and the log shows all three', async () => {
    await addChannel('cab-webhook', 'webhook', receiver.url('/flaky/cab'), '--dept', 'CAB');
    expect(await send()).toEqual({ sent: 1, skipped: 3, failed: 0 });
    const calls = receiver.on('/flaky/cab');
    expect(calls).toHaveLength(3);
    // The generic webhook gets the to-do document itself, the same on every try.
    for (const c of calls) expect(c.body).toEqual(CAB_OCT_29);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(45);
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(95);

    const log = (await deliveries()).find((d) => d.channelName === 'cab-webhook')!;
    expect(log).toMatchObject({ kind: 'todo', itemKey: 'CAB:2026-10-29', status: 'sent' });
    expect(log.attempts.map((a) => a.ok)).toEqual([false, false, true]);
    expect(log.attempts[0].answer).toBe('HTTP 500 busy, try 1');
    expect(log.attempts[1].answer).toBe('HTTP 500 busy, try 2');
    expect(log.attempts[2].answer).toBe('HTTP 200 {"errcode":0,"errmsg":"ok"}');
    expect(await send()).toEqual({ sent: 0, skipped: 4, failed: 0 });
    expect(receiver.on('/flaky/cab')).toHaveLength(3);
  }, 120_000);

  it('sends an email with a Chinese subject through SMTP, the password kept encrypted with the channel', async () => {
    await addChannel('cab-mail', 'email', 'cab@example.gov.cn', '--secret', 'smtp-pass-秘密', '--dept', 'CAB');
    expect(await send()).toEqual({ sent: 1, skipped: 4, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.to).toEqual(['cab@example.gov.cn']);
    expect(mail.user).toBe('kpi');
    expect(mail.subject).toBe('【待办提醒】市民政局（CAB）2026-10-29 待办 2 项');
    expect(await send()).toEqual({ sent: 0, skipped: 5, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
  }, 120_000);

  it('sends the digest of overdue items to a role channel once, and nothing on a day off', async () => {
    await addChannel('inspectors', 'webhook', receiver.url('/role/inspector'), '--role', 'inspector');
    expect(await send()).toEqual({ sent: 1, skipped: 5, failed: 0 });
    const [digest] = receiver.on('/role/inspector');
    const departments = (digest.body as { departments: { dept: string; overdue: { id: string }[] }[] }).departments;
    expect(departments.find((d) => d.dept === 'CAB')?.overdue.map((i) => i.id)).toEqual(['RQ-3']);
    // 2026-10-31 is a Saturday.
    expect(await cli(['notify', 'send', '--what', 'warnings', '--as-of', '2026-10-31T10:00:00+08:00'])).toEqual({ sent: 0, skipped: 0, failed: 0 });
  }, 120_000);

  it('sends a test message in the background from the admin routes and shows it in the log', async () => {
    const channels = (await t.http.get('/api/notifications/channels').set(bearer('admin')).expect(200)).body as ChannelView[];
    const wecom = channels.find((c) => c.name === 'cab-wecom')!;
    const queued = await t.http.post(`/api/notifications/channels/${wecom.id}/test`).set(bearer('admin')).expect(202);
    const id = (queued.body as { deliveryId: number }).deliveryId;
    const sent = await until('the test message', async () => (await deliveries()).find((d) => d.id === id && d.status === 'sent'));
    expect(sent.kind).toBe('test');
    const last = receiver.on('/wecom/cab').at(-1)!;
    expect((last.body.markdown as { content: string }).content).toContain('【测试消息】');
    await t.http.post(`/api/notifications/channels/${wecom.id}/test`).set(bearer('inspector')).expect(403);
    await t.http.post('/api/notifications/channels').set(bearer('admin')).send({ name: 'x', kind: 'wecom', target: 'not a url', dept: 'CAB' }).expect(400);
    await t.http
      .post('/api/notifications/channels')
      .set(bearer('admin'))
      .send({ name: 'x', kind: 'wecom', target: receiver.url('/x'), dept: 'CAB', role: 'leader' })
      .expect(400);
    await t.http
      .post('/api/notifications/channels')
      .set(bearer('admin'))
      .send({ name: 'x', kind: 'wecom', target: receiver.url('/x'), dept: 'NOPE' })
      .expect(404);
    await t.http
      .post('/api/notifications/channels')
      .set(bearer('admin'))
      .send({ name: 'cab-wecom', kind: 'wecom', target: receiver.url('/x'), dept: 'CAB' })
      .expect(409);
  }, 120_000);

  /** The result messages a department's webhook received (publishing a notice also opens rectification cases, sent there too). */
  const resultsTo = (dept: string) => receiver.on(`/results/${dept}`).filter((c) => typeof c.body === 'object' && c.body !== null && 'department' in c.body);

  it("publishing 2026-10 through the dashboard sends each department's result once", async () => {
    for (const dept of DEPARTMENTS) {
      await t.http
        .post('/api/notifications/channels')
        .set(bearer('admin'))
        .send({ name: `results-${dept}`, kind: 'webhook', target: receiver.url(`/results/${dept}`), dept })
        .expect(201);
    }
    const published = await t.http.post('/api/periods/2026-10/publish').set(bearer('inspector')).expect(200);
    const record = published.body as ScoreRecord;
    await until('every result', () => DEPARTMENTS.every((d) => resultsTo(d).length === 1));
    // CAB's other channels and the role's get theirs too; wait until the background send has logged all.
    await until(
      'the results logged',
      async () =>
        (await deliveries()).filter((d) => d.kind === 'result' || d.kind === 'summary').every((d) => d.status === 'sent') &&
        (await deliveries()).filter((d) => d.kind === 'result').length === DEPARTMENTS.length + 5,
    );
    for (const dept of DEPARTMENTS) {
      const [call] = resultsTo(dept);
      const entry = record.departments.find((d) => d.dept === dept);
      expect(call.body).toEqual({ period: '2026-10', department: entry, report: `${ORIGIN}/api/reports/2026-10.pdf?dept=${dept}` });
    }
    const cabWecom = receiver.on('/wecom/cab').at(-1)!;
    const cab = record.departments.find((d) => d.dept === 'CAB')!;
    expect((cabWecom.body.markdown as { content: string }).content).toContain(
      `【考核结果】市民政局（CAB）2026年10月：${cab.total} 分，排名 ${cab.rank}/3，等级 ${cab.grade}`,
    );
    const summary = receiver.on('/role/inspector').at(-1)!;
    expect(summary.body).toMatchObject({ period: '2026-10', provisional: false });
    expect(smtp.mails.at(-1)!.subject).toContain('【考核结果】市民政局（CAB）2026年10月');

    const again = await cli(['notify', 'send', '--what', 'results', '--period', '2026-10']);
    expect(again).toEqual({ sent: 0, skipped: DEPARTMENTS.length + 5 + 1, failed: 0 });
    for (const dept of DEPARTMENTS) expect(resultsTo(dept)).toHaveLength(1);
  }, 120_000);

  it('publishing through the CLI waits for the results and sends each once; sending the latest results again sends nothing', async () => {
    const published = await runCli(db, ['publish', '--period', '2026-09'], env);
    expect(published.status, published.stderr).toBe(0);
    const record = published.json[0] as ScoreRecord;
    // No waiting here: the command returned after its sends.
    for (const dept of DEPARTMENTS) {
      const calls = resultsTo(dept);
      expect(calls).toHaveLength(2);
      expect(calls[1].body).toMatchObject({ period: '2026-09', department: record.departments.find((d) => d.dept === dept) });
    }
    expect(await cli(['notify', 'send', '--what', 'results'])).toEqual({ sent: 0, skipped: DEPARTMENTS.length + 5 + 1, failed: 0 });
    for (const dept of DEPARTMENTS) expect(resultsTo(dept)).toHaveLength(2);
  }, 120_000);
});
