import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ScoringRepository } from '../../apps/api/src/modules/scoring/scoring.repository';
import { AppealsService } from '../../apps/api/src/modules/appeals/appeals.service';
import { RecomputeJob } from '../../apps/api/src/modules/scoring/recompute.job';
import { SnapshotsRepository } from '../../apps/api/src/modules/scoring/snapshots.repository';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { EXAMPLE_AS_OF, EXAMPLE_DIR, exampleJson, loadExampleThroughCli } from './support/example';
import { loginAs, runCli, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const kinds = databaseKinds();

describe.each(kinds)('the worked example on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  const token: Record<string, string> = {};
  const bearer = (who: string) => ({ Authorization: `Bearer ${token[who]}` });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await loadExampleThroughCli(db);
    for (const [user, role, dept] of [
      ['admin', 'admin'],
      ['inspector', 'inspector'],
      ['leader', 'leader'],
      ['cab', 'department', 'CAB'],
      ['msa', 'department', 'MSA'],
    ] as const) {
      const r = await runCli(db, ['user', 'add', '--username', user, '--password', TEST_PASSWORD, '--role', role, ...(dept ? ['--dept', dept] : [])]);
      expect(r.status, r.stderr).toBe(0);
    }
    t = await startTestApp(db);
    for (const user of ['admin', 'inspector', 'leader', 'cab', 'msa']) token[user] = await loginAs(t.http, user, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('quarantines exactly the expected lines', async () => {
    const res = await t.http.get('/api/quarantine').set(bearer('admin')).expect(200);
    const expected = exampleJson<{ source: string; line: number; text: string }[]>('expected-quarantine.json');
    expect(res.body.items.map((e: { source: string; line: number; raw: string }) => ({ source: e.source, line: e.line, text: e.raw }))).toEqual(
      expected.map(({ source, line, text }) => ({ source, line, text })),
    );
  });

  it('gives exactly the expected records from the API', async () => {
    for (const period of ['2026-10', '2026-Q4']) {
      const res = await t.http
        .get(`/api/scores?period=${period}&asOf=${encodeURIComponent(EXAMPLE_AS_OF)}`)
        .set(bearer('leader'))
        .expect(200);
      expect(res.body).toEqual(exampleJson(`expected-${period}.json`));
    }
  });

  it('gives exactly the expected records from the CLI, also while the server runs', async () => {
    const r = await runCli(db, ['score', '--period', '2026-10', '--as-of', EXAMPLE_AS_OF, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual([exampleJson('expected-2026-10.json')]);
  });

  it("returns CAB's findings as in the spec", async () => {
    const res = await t.http
      .get(`/api/departments/CAB/findings?period=2026-10&asOf=${encodeURIComponent(EXAMPLE_AS_OF)}`)
      .set(bearer('cab'))
      .expect(200);
    expect(res.body.dept).toBe('CAB');
    expect(res.body.asOf).toBe(EXAMPLE_AS_OF);
    const findings = res.body.findings as Record<string, unknown>[];
    expect(findings.map((f) => [f.kind, f.request ?? f.resource])).toEqual([
      ['late_request', 'RQ-3'],
      ['low_completeness', 'CAB-AID'],
      ['low_completeness', 'CAB-MAR'],
    ]);
    expect(findings[0]).toMatchObject({
      requester: 'PSB',
      submittedAt: '2026-10-08T09:00:00+08:00',
      deadline: '2026-10-22T00:00:00+08:00',
      answeredAt: null,
      workdaysLate: 11,
      eventIds: ['ex-0067'],
      appeal: null,
    });
    expect(findings[1]).toMatchObject({ records: 600, completeRecords: 490, completeness: 81.67 });
    expect(findings[2]).toMatchObject({ records: 500, completeRecords: 450, completeness: 90, eventIds: ['ex-0035'] });
  });

  it('shows a department user only its own detail and audits other attempts', async () => {
    const res = await t.http
      .get(`/api/scores?period=2026-10&asOf=${encodeURIComponent(EXAMPLE_AS_OF)}`)
      .set(bearer('cab'))
      .expect(200);
    const own = res.body.departments.find((d: { dept: string }) => d.dept === 'CAB');
    const other = res.body.departments.find((d: { dept: string }) => d.dept === 'PSB');
    expect(own.counts).toBeDefined();
    expect(Object.keys(other).sort()).toEqual(['dept', 'grade', 'name', 'rank', 'rankChange', 'total']);
    await t.http.get('/api/departments/PSB/findings?period=2026-10').set(bearer('cab')).expect(403);
    await t.http.get('/api/departments/NOPE/findings?period=2026-10').set(bearer('cab')).expect(403);
    await t.http.get('/api/departments/NOPE/findings?period=2026-10').set(bearer('leader')).expect(404);
    const audit = await t.http.get('/api/audit?action=access.denied').set(bearer('admin')).expect(200);
    expect(audit.body.items.map((e: { target: string }) => e.target).sort()).toEqual(['NOPE', 'PSB']);
  });

  it('names the bad parameter', async () => {
    const bad = await t.http.get('/api/scores?period=2026-13').set(bearer('leader')).expect(400);
    expect(bad.body.message).toMatch(/^period: /);
    const badAsOf = await t.http.get('/api/scores?period=2026-10&asOf=yesterday').set(bearer('leader')).expect(400);
    expect(badAsOf.body.message).toMatch(/^asOf: /);
  });

  it('freezes a published period against later events, scheme changes and accepted appeals; re-opening lets them in', async () => {
    const published = await t.http.post('/api/periods/2026-10/publish').set(bearer('inspector')).expect(200);
    const frozen = published.body;
    expect(frozen.provisional).toBe(false);
    await t.http.post('/api/periods/2026-10/publish').set(bearer('inspector')).expect(409);
    const listed = await t.http.get('/api/periods/published').set(bearer('cab')).expect(200);
    expect(listed.body.map((p: { period: string }) => p.period)).toEqual(['2026-10']);
    const status = await t.http.get('/api/periods/2026-10').set(bearer('leader')).expect(200);
    expect(status.body).toMatchObject({ period: '2026-10', origin: 'published', provisional: false, publishedBy: 'user:inspector' });
    const kept = await t.http.get('/api/reports/history').set(bearer('leader')).expect(200);
    expect(kept.body.map((r: { format: string }) => r.format).sort()).toEqual(['csv', 'pdf', 'xlsx', 'zip']);
    await t.http.post('/api/periods/2026-10/publish').set(bearer('leader')).expect(403);

    // A late event for October through the HTTP ingest endpoint.
    const source = await runCli(db, ['source', 'add', '--name', 'exchange']);
    const apiKey = (source.json[0] as { apiKey: string }).apiKey;
    const line = JSON.stringify({
      id: 'late-1',
      type: 'resource.updated',
      at: '2026-10-17T03:00:00+08:00',
      dept: 'PSB',
      resource: 'PSB-HH',
      records: 10,
      complete_records: 10,
    });
    const ingest = await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'application/x-ndjson').send(line).expect(200);
    expect(ingest.body).toMatchObject({ read: 1, accepted: 1, duplicates: 0, quarantined: 0 });

    // A scheme change and an accepted appeal, through the service layer.
    const scoringRepo = t.app.get(ScoringRepository);
    const current = await scoringRepo.currentScheme();
    const { version: _v, ...params } = current;
    await scoringRepo.addScheme({ ...params, weights: { timeliness: 0.2, completeness: 0.4, response: 0.4 } }, 'test', 'test');
    const cabFindings = await t.http.get('/api/departments/CAB/findings?period=2026-10').set(bearer('cab')).expect(200);
    expect(cabFindings.body.findings.some((f: { request?: string }) => f.request === 'RQ-3')).toBe(true);
    const appeal = await t.app
      .get(AppealsService)
      .file(
        { username: 'cab', role: 'department', dept: 'CAB' },
        { dept: 'CAB', period: '2026-Q4', kind: 'late_request', request: 'RQ-3', reason: 'answered by phone' },
      );
    await t.app.get(AppealsService).decide(appeal.id, 'accepted', 'confirmed', 'user:inspector');

    const after = await t.http.get('/api/scores?period=2026-10').set(bearer('leader')).expect(200);
    expect(after.body).toEqual(frozen);

    await t.http.post('/api/periods/2026-10/reopen').set(bearer('inspector')).send({ reason: 'x' }).expect(403);
    await t.http.post('/api/periods/2026-10/reopen').set(bearer('admin')).send({}).expect(400);
    await t.http
      .post('/api/periods/2026-10/reopen')
      .set(bearer('admin'))
      .send({ reason: 'appeal accepted' })
      .expect(200, { period: '2026-10', reopened: true });
    const reopened = await t.http.get('/api/scores?period=2026-10').set(bearer('leader')).expect(200);
    expect(reopened.body.schemeVersion).toBe(current.version + 1);
    const cab = reopened.body.departments.find((d: { dept: string }) => d.dept === 'CAB');
    expect(cab.counts.requestsOnTime).toBe(1);
    expect(cab.counts.requestsOverdueOpen).toBe(0);
    expect(reopened.body).not.toEqual(frozen);
    const audit = await t.http.get('/api/audit?action=period.').set(bearer('admin')).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['period.reopen', 'period.publish']);
  });

  it('ingests over HTTP: CSV, gzip, bad keys, oversized bodies', async () => {
    const source = await runCli(db, ['source', 'add', '--name', 'csv-sender']);
    const apiKey = (source.json[0] as { apiKey: string }).apiKey;
    const csv =
      'id,type,at,dept,resource,consumer,status,latency_ms\nh-1,api.called,2026-10-20 10:00:00,MSA,MSA-ENT,PSB,200,12\nh-2,api.called,2026-10-20 10:00:01,MSA,MSA-ENT,PSB,abc,12\n';
    const res = await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(res.body).toMatchObject({ read: 2, accepted: 1, duplicates: 0, quarantined: 1 });
    expect(res.body.rejected[0].line).toBe(3);
    const { gzipSync } = await import('node:zlib');
    const gz = await t.http
      .post('/api/ingest')
      .set('X-Api-Key', apiKey)
      .set('Content-Type', 'text/csv')
      .set('Content-Encoding', 'gzip')
      .send(gzipSync(Buffer.from(csv)))
      .expect(200);
    expect(gz.body).toMatchObject({ read: 2, accepted: 0, duplicates: 1, quarantined: 1 });
    await t.http.post('/api/ingest').set('Content-Type', 'text/csv').send(csv).expect(401);
    await t.http.post('/api/ingest').set('X-Api-Key', 'dsk_wrong').send(csv).expect(401);
    await t.http.post('/api/ingest').set('Authorization', `Bearer ${token.admin}`).send(csv).expect(401);
    const big = Buffer.alloc(65 * 1024 * 1024 + 10, 'a');
    const tooBig = await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'text/csv').send(big);
    expect(tooBig.status, JSON.stringify(tooBig.body)).toBe(413);
    await t.http.delete('/api/ingest/sources/csv-sender').set(bearer('admin')).expect(204);
    await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'text/csv').send(csv).expect(401);
  });

  it('replays quarantined lines once the master data is fixed', async () => {
    const source = await runCli(db, ['source', 'add', '--name', 'replay-src']);
    const apiKey = (source.json[0] as { apiKey: string }).apiKey;
    const line = JSON.stringify({
      id: 'new-1',
      type: 'resource.updated',
      at: '2026-10-09T10:00:00+08:00',
      dept: 'NEW',
      resource: 'NEW-R',
      records: 3,
      complete_records: 3,
    });
    const first = await t.http.post('/api/ingest').set('X-Api-Key', apiKey).send(line).expect(200);
    expect(first.body).toMatchObject({ read: 1, accepted: 0, duplicates: 0, quarantined: 1, rejected: [{ line: 1, reason: 'unknown department "NEW"' }] });
    const csv = 'records,id,type,at,dept,resource,complete_records\n4,new-2,resource.updated,2026-10-09 11:00:00,NEW,NEW-R,4\n';
    await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'text/csv').send(csv).expect(200);
    const upload = (kind: string, csv: string) =>
      t.http.post(`/api/master-data/${kind}`).set(bearer('admin')).set('Content-Type', 'text/csv').send(csv).expect(201);
    const depts = await upload('departments', 'code,name\nNEW,新部门\nbad code!,x\n');
    expect(depts.body).toEqual({
      read: 2,
      upserted: 1,
      rejected: 1,
      rejections: [{ line: 3, reason: expect.stringContaining('bad code!'), reasonMessage: { code: 'row.deptCode', params: { value: '"bad code!"' } } }],
    });
    await upload('catalog', 'code,name,dept,frequency\nNEW-R,新资源,NEW,daily\n');
    const headerless = await t.http.post('/api/master-data/catalog').set(bearer('admin')).set('Content-Type', 'text/csv').send('a,b\n1,2\n').expect(400);
    expect(headerless.body.message).toMatch(/code/);
    expect(headerless.body).toMatchObject({
      code: 'upload.missingColumns',
      params: { columns: '"code" (资源代码/资源编码), "name" (资源名称), "dept" (提供部门/部门代码), "frequency" (更新周期)' },
    });
    const replay = await runCli(db, ['quarantine', 'replay', '--source', 'replay-src']);
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.json).toEqual([{ replayed: 2, accepted: 2, duplicates: 0, quarantined: 0 }]);
    const list = await runCli(db, ['quarantine', 'list', '--source', 'replay-src']);
    expect(list.json).toEqual([
      expect.objectContaining({ line: 1, reason: 'unknown department "NEW"', replay: expect.objectContaining({ outcome: 'accepted' }) }),
      expect.objectContaining({ line: 2, reason: 'unknown department "NEW"', replay: expect.objectContaining({ outcome: 'accepted' }) }),
    ]);
    const again = await runCli(db, ['quarantine', 'replay', '--source', 'replay-src']);
    expect(again.json).toEqual([{ replayed: 0, accepted: 0, duplicates: 0, quarantined: 0 }]);
    const reingest = await runCli(db, ['ingest', join(EXAMPLE_DIR, 'events.ndjson')]);
    expect(reingest.json[0]).toMatchObject({ read: 127, accepted: 0, duplicates: 122, quarantined: 5 });
  });

  it('recomputes a snapshot made stale by new events in the background job', async () => {
    const status = await t.http.get('/api/periods/2026-Q4').set(bearer('leader')).expect(200);
    const source = await runCli(db, ['source', 'add', '--name', 'late-sender']);
    const apiKey = (source.json[0] as { apiKey: string }).apiKey;
    const line = JSON.stringify({
      id: 'bg-1',
      type: 'api.called',
      at: '2026-11-02T10:00:00+08:00',
      dept: 'MSA',
      resource: 'MSA-ENT',
      consumer: 'PSB',
      status: 500,
      latency_ms: 5,
    });
    await t.http.post('/api/ingest').set('X-Api-Key', apiKey).send(line).expect(200);
    const snapshots = t.app.get(SnapshotsRepository);
    expect((await snapshots.snapshot('2026-Q4'))!.stale).toBe(true);
    await t.app.get(RecomputeJob).run();
    const fresh = (await snapshots.snapshot('2026-Q4'))!;
    expect(fresh.stale).toBe(false);
    expect(fresh.computedAt > status.body.computedAt).toBe(true);
    expect(fresh.record.departments.find((d) => d.dept === 'MSA')!.counts.apiFailure).toBe(1);
  });
});
