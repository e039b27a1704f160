import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentScore, Finding, ScoreRecord, SchemeVersion } from '@app/contracts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { EXAMPLE_AS_OF } from './support/example';
import { loadExampleOverHttp } from './support/example-http';
import { pointsLostProblems, type SchemeWeights } from './support/points-lost-oracle';
import { addUser, loginAs, startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

// Every department's points lost (scoring.md "Points lost"), in a month, a
// quarter and a year, against what the oracle works out from the record's
// counts and the scheme with exact fractions — on the worked example and on a
// city built to hit the edge cases.

const kinds = databaseKinds();
const PERIODS = ['2026-10', '2026-Q4', '2026'];
const ROOT = { username: 'root', password: 'root-password' };
const APP_ENV = { ADMIN_USERNAME: ROOT.username, ADMIN_PASSWORD: ROOT.password };

type Http = TestApp['http'];

async function currentScheme(http: Http, token: string): Promise<SchemeVersion> {
  const res = await http
    .get('/api/schemes')
    .set({ Authorization: `Bearer ${token}` })
    .expect(200);
  const versions = res.body as SchemeVersion[];
  return versions.reduce((a, b) => (b.version > a.version ? b : a));
}

/** The problems of every department of a period's record, with the findings of each. */
async function problemsOf(
  http: Http,
  token: string,
  period: string,
  scheme: SchemeWeights,
  asOf?: string,
): Promise<{ record: ScoreRecord; problems: string[] }> {
  const auth = { Authorization: `Bearer ${token}` };
  const query = asOf ? `&asOf=${encodeURIComponent(asOf)}` : '';
  const record = (await http.get(`/api/scores?period=${period}${query}`).set(auth).expect(200)).body as ScoreRecord;
  const problems: string[] = [];
  for (const d of record.departments) {
    const findings = (await http.get(`/api/departments/${d.dept}/findings?period=${period}${query}`).set(auth).expect(200)).body.findings as Finding[];
    problems.push(...pointsLostProblems(d, findings, scheme).map((p) => `${period}: ${p}`));
  }
  return { record, problems };
}

describe.each(kinds)('points lost on the %s database', (kind) => {
  describe('the worked example', () => {
    let db: TestDatabase;
    let t: TestApp;
    let token: string;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      t = await startTestApp(db, APP_ENV);
      token = (await loadExampleOverHttp(t)).adminToken;
    });
    afterAll(async () => {
      await t?.close();
      await db?.drop();
    });

    it.each(PERIODS)('explains every total of %s exactly', async (period) => {
      const scheme = await currentScheme(t.http, token);
      const { record, problems } = await problemsOf(t.http, token, period, scheme, EXAMPLE_AS_OF);
      expect(problems).toEqual([]);
      expect(record.departments.filter((d) => d.pointsLost).length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('an edge-case city', () => {
    let db: TestDatabase;
    let t: TestApp;
    const tokens: Record<string, string> = {};
    const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      t = await startTestApp(db, APP_ENV);
      tokens.root = await loginAs(t.http, ROOT.username, ROOT.password);
      await loadEdgeCity(t.http, tokens.root);
      for (const [username, role, dept] of [
        ['insp', 'inspector', null],
        ['nat', 'department', 'NAT'],
      ] as const) {
        await addUser(t.http, as('root'), username, role, dept);
        tokens[username] = await loginAs(t.http, username, TEST_PASSWORD);
      }
      // One accepted appeal of each kind, through the routes a department and an inspector use.
      const findings = (await t.http.get('/api/departments/NAT/findings?period=2026-10').set(as('nat')).expect(200)).body.findings as Finding[];
      const window = findings.find((f) => f.kind === 'missed_window' && f.windowStart.startsWith('2026-10-05'));
      expect(window, 'the missed window of Oct 5').toBeDefined();
      const appeals = [
        { kind: 'missed_window', resource: 'NAT-D', windowStart: window!.kind === 'missed_window' ? window!.windowStart : '' },
        { kind: 'late_request', request: 'RQ-C' },
        { kind: 'late_objection', objection: 'OB-3' },
        { kind: 'low_completeness', resource: 'NAT-M' },
      ];
      for (const appeal of appeals) {
        const filed = await t.http
          .post('/api/appeals')
          .set(as('nat'))
          .send({ dept: 'NAT', period: '2026-10', reason: 'edge case', ...appeal })
          .expect(201);
        await t.http.post(`/api/appeals/${filed.body.id}/decision`).set(as('insp')).send({ status: 'accepted' }).expect(200);
      }
    });
    afterAll(async () => {
      await t?.close();
      await db?.drop();
    });

    it.each(PERIODS)('explains every total of %s exactly under the default scheme', async (period) => {
      const scheme = await currentScheme(t.http, tokens.root);
      const { record, problems } = await problemsOf(t.http, tokens.root, period, scheme);
      expect(problems).toEqual([]);
      const byDept = Object.fromEntries(record.departments.map((d) => [d.dept, d])) as Record<string, DepartmentScore>;
      // The cases the city is built for are really there.
      expect(byDept.NOT.timeliness).toBeNull();
      expect(byDept.NOT.pointsLost).toMatchObject({ timeliness: null, completeness: null, objections: null, interfaces: null });
      expect(byDept.NAT.pointsLost?.objections).not.toBeNull();
      expect(byDept.HALF.total).toBe(100);
      expect(byDept.HALF.pointsLost).toMatchObject({ total: 0, completeness: 0.01 });
      expect(byDept.OTH.total).toBeNull();
      expect(byDept.OTH.pointsLost).toBeNull();
      const natFindings = (await t.http.get(`/api/departments/NAT/findings?period=${period}`).set(as('root')).expect(200)).body.findings as Finding[];
      const accepted = natFindings.filter((f) => f.appeal?.status === 'accepted');
      expect(accepted.map((f) => f.kind).sort()).toEqual(['late_objection', 'late_request', 'low_completeness', 'missed_window']);
      expect(accepted.every((f) => f.pointsLost === 0)).toBe(true);
    });

    it('explains every total with a zero weight', async () => {
      const current = await currentScheme(t.http, tokens.root);
      const { version: _version, note: _note, createdBy: _by, createdAt: _at, ...params } = current;
      const draft = { ...params, weights: { ...params.weights, timeliness: 0 }, responseWeights: { ...params.responseWeights, objections: 0 } };
      await t.http.post('/api/schemes').set(as('root')).send({ scheme: draft, note: 'zero weights' }).expect(201);
      const scheme = await currentScheme(t.http, tokens.root);
      expect(scheme.weights.timeliness).toBe(0);
      for (const period of PERIODS) {
        const { record, problems } = await problemsOf(t.http, tokens.root, period, scheme);
        expect(problems).toEqual([]);
        const nat = record.departments.find((d) => d.dept === 'NAT')!;
        expect(nat.pointsLost).toMatchObject({ timeliness: 0, objections: 0 });
      }
    });
  });
});

const at = (day: number, hour = 10) => `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/**
 * NAT: every part, two missed daily windows, two incomplete resources, late and on-time requests and
 * objections, failing interface calls (appeals of each kind are filed by the test); NOT: timeliness and
 * completeness N/A, response from requests alone (sub-indicators N/A); HALF: a total of exactly 99.995;
 * OTH: a requester with no data.
 */
async function loadEdgeCity(http: Http, adminToken: string): Promise<void> {
  const admin = { Authorization: `Bearer ${adminToken}` };
  const upload = async (kind: string, csv: string) => {
    const res = await http.post(`/api/master-data/${kind}`).set(admin).set('Content-Type', 'text/csv').send(csv).expect(201);
    expect(res.body.rejected, kind).toBe(0);
  };
  await upload('departments', 'code,name\nNAT,市自然资源局\nNOT,市公证处\nHALF,市档案馆\nOTH,市统计局\n');
  await upload(
    'catalog',
    [
      'code,name,dept,frequency,active_from,active_to',
      'NAT-D,不动产登记信息,NAT,daily,2026-10-01,2026-10-31',
      'NAT-M,土地供应信息,NAT,monthly,2026-10-01,2026-10-31',
      'NOT-X,公证文书信息,NOT,on_demand,,',
      'HALF-X,档案目录信息,HALF,on_demand,,',
    ].join('\n'),
  );
  const events: Record<string, unknown>[] = [];
  for (let day = 1; day <= 31; day++) {
    if (day === 5 || day === 6) continue;
    events.push({
      id: `d-${day}`,
      type: 'resource.updated',
      at: at(day),
      dept: 'NAT',
      resource: 'NAT-D',
      records: 100,
      complete_records: day === 10 ? 50 : 100,
    });
  }
  events.push({ id: 'm-15', type: 'resource.updated', at: at(15), dept: 'NAT', resource: 'NAT-M', records: 1000, complete_records: 990 });
  const request = (id: string, dept: string, submitted: string, answered?: string) => {
    events.push({
      id: `${id}-s`,
      type: 'request.submitted',
      at: submitted,
      dept,
      resource: `${dept}-${dept === 'NAT' ? 'D' : 'X'}`,
      requester: 'OTH',
      request: id,
    });
    if (answered) events.push({ id: `${id}-a`, type: 'request.answered', at: answered, dept, request: id, decision: 'approved' });
  };
  request('RQ-A', 'NAT', at(8, 9), at(9));
  request('RQ-B', 'NAT', at(9, 9));
  request('RQ-C', 'NAT', at(12, 9));
  request('RQ-N1', 'NOT', at(8, 9), at(30));
  request('RQ-N2', 'NOT', at(13, 9), at(14));
  const objection = (id: string, raised: string, resolved?: string) => {
    events.push({ id: `${id}-r`, type: 'objection.raised', at: raised, dept: 'NAT', resource: 'NAT-D', raised_by: 'OTH', objection: id });
    if (resolved) events.push({ id: `${id}-s`, type: 'objection.resolved', at: resolved, dept: 'NAT', objection: id });
  };
  objection('OB-1', at(8, 9), at(9));
  objection('OB-2', at(12, 9));
  objection('OB-3', at(13, 9));
  [200, 200, 200, 200, 200, 200, 200, 503, 503, 503, 404].forEach((status, i) =>
    events.push({ id: `api-${i}`, type: 'api.called', at: at(20, 8 + i), dept: 'NAT', resource: 'NAT-D', consumer: 'OTH', status, latency_ms: 50 }),
  );
  events.push({ id: 'half-1', type: 'resource.updated', at: at(10), dept: 'HALF', resource: 'HALF-X', records: 20000, complete_records: 19999 });

  const source = await http.post('/api/ingest/sources').set(admin).send({ name: 'edge-city' }).expect(201);
  const ingest = await http
    .post('/api/ingest')
    .set('X-Api-Key', source.body.apiKey as string)
    .set('Content-Type', 'application/x-ndjson')
    .send(events.map((e) => JSON.stringify(e)).join('\n'))
    .expect(200);
  expect(ingest.body).toMatchObject({ read: events.length, accepted: events.length, quarantined: 0 });
}
