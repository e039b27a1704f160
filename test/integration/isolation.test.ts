import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Test } from 'supertest';
import { apiErrorSchema } from '@app/contracts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { EXAMPLE_AS_OF } from './support/example';
import { loadExampleOverHttp } from './support/example-http';
import { startTestApp, type TestApp } from './support/test-app';
import {
  defaultParams,
  EMPTY_DEPT,
  exampleEventIds,
  fetchOperations,
  fillPath,
  leaksOf,
  PUBLIC_FIELDS,
  ROUTE_RULES,
  setUpPrincipals,
  UNKNOWN_DEPT,
  type Operation,
  type Principal,
  type RouteRule,
} from './support/api-surface';

/**
 * access.md, "Rules that always hold", proven on the server: every documented
 * route, called by every role and by department users of three departments
 * (two of the worked example and one without data), with each department
 * parameter set to the caller's own department, other existing departments
 * and a code that does not exist.
 */

const kinds = databaseKinds();
const DEPT_VALUES = ['CAB', 'MSA', 'PSB', EMPTY_DEPT, UNKNOWN_DEPT];

interface Expectation {
  status: number;
  /** The attempt must be in the audit log as access.denied. */
  audited?: boolean;
}

function expectation(rule: RouteRule, op: Operation, who: Principal, dept: string | undefined): Expectation {
  const fallback = (): number => {
    if (rule.expect !== undefined) return rule.expect;
    if (op.method !== 'GET') throw new Error(`${op.key}: classify the status the walk's request gets (expect)`);
    return 200;
  };
  if (rule.access === 'public') return { status: fallback() };
  if (rule.access === 'api-key') return { status: 401 };
  if (!who.token || !who.role) return { status: 401 };
  if (!rule.access.includes(who.role)) return { status: 403 };
  if (rule.dept?.requiredForDepartment && dept === undefined && who.role === 'department') return { status: 403, audited: true };
  if (rule.dept?.scope === 'master-data' && dept === UNKNOWN_DEPT) return { status: 404 };
  if (rule.dept && dept !== undefined && rule.dept.scope === 'own') {
    if (who.role === 'department' && dept !== who.dept) return { status: 403, audited: true };
    if (dept === UNKNOWN_DEPT) return { status: 404 };
  }
  return { status: fallback() };
}

describe.each(kinds)('isolation on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let principals: Principal[];
  let apiKey: string;
  let operations: Operation[];
  const bearer = (who: Principal) => (who.token ? { Authorization: `Bearer ${who.token}` } : {});
  const user = (name: string) => principals.find((p) => p.name === name)!;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password', LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
    await loadExampleOverHttp(t);
    ({ principals, apiKey } = await setUpPrincipals(t));
    operations = await fetchOperations(t.http);

    // An appeal of each example department, so listing appeals has something to leak.
    await t.http
      .post('/api/appeals')
      .set(bearer(user('cab')))
      .send({ dept: 'CAB', period: '2026-10', kind: 'late_request', request: 'RQ-3', reason: 'answered by phone' })
      .expect(201);
    const msaFindings = await t.http
      .get('/api/departments/MSA/findings?period=2026-10')
      .set(bearer(user('msa')))
      .expect(200);
    const f = (msaFindings.body.findings as Record<string, string>[])[0];
    expect(f, 'the example gives MSA a finding').toBeDefined();
    await t.http
      .post('/api/appeals')
      .set(bearer(user('msa')))
      .send({
        dept: 'MSA',
        period: '2026-10',
        kind: f.kind,
        resource: f.resource,
        windowStart: f.windowStart,
        request: f.request,
        objection: f.objection,
        reason: 'please check',
      })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('classifies every route of the OpenAPI document', () => {
    const documented = operations.map((op) => op.key);
    const unclassified = documented.filter((key) => !(key in ROUTE_RULES));
    expect(unclassified, 'routes with no access rule in test/integration/support/api-surface.ts').toEqual([]);
    expect(
      Object.keys(ROUTE_RULES).filter((key) => !documented.includes(key)),
      'rules for routes that no longer exist',
    ).toEqual([]);
  });

  it('answers every route for every role and department as access.md says, and audits every refused department', async () => {
    const defaults = defaultParams();
    const failures: string[] = [];
    const expectedDenials: string[] = [];
    const before = await t.http
      .get('/api/audit?action=access.denied&limit=1')
      .set(bearer(user('root')))
      .expect(200);
    const lastIdBefore: number = before.body.items[0]?.id ?? 0;
    let calls = 0;

    for (const op of operations) {
      const rule = ROUTE_RULES[op.key];
      if (!rule) continue; // reported by the test above
      const values = (location: 'path' | 'query', name: string): string | undefined => rule.params?.[name] ?? defaults[`${location}:${name}`];
      const deptVariants: (string | undefined)[] = rule.dept ? [...DEPT_VALUES, ...(rule.dept.optional ? [undefined] : [])] : [undefined];

      for (const who of principals) {
        for (const dept of deptVariants) {
          const pathValues: Record<string, string> = {};
          const query = new URLSearchParams();
          let missing: string | null = null;
          for (const p of op.parameters) {
            if (p.in === 'header') continue;
            if (rule.dept && p.name === rule.dept.name && p.in === rule.dept.in) {
              if (dept === undefined) continue;
              if (p.in === 'path') pathValues[p.name] = dept;
              else query.set(p.name, dept);
              continue;
            }
            if (p.in !== 'path' && p.in !== 'query') continue;
            const value = values(p.in, p.name);
            if (value === undefined) {
              if (p.required) missing = `${p.in} parameter ${p.name}`;
              continue;
            }
            if (p.in === 'path') pathValues[p.name] = value;
            else query.set(p.name, value);
          }
          if (missing) {
            failures.push(`${op.key}: no value for the ${missing} (add one to defaultParams or the rule's params)`);
            continue;
          }
          const url = fillPath(op.path, pathValues) + (query.size ? `?${query}` : '');
          let req: Test = t.http[op.method.toLowerCase() as 'get'](url).set(rule.anonymousOnly ? {} : bearer(who));
          if (rule.body) req = req.send(rule.body(dept ?? who.dept ?? 'CAB') as object);
          const res = await req;
          calls++;
          const want = expectation(rule, op, who, dept);
          const label = `${who.name} ${op.method} ${url}${rule.dept?.in === 'body' ? ` (dept ${dept})` : ''}`;
          if (res.status !== want.status) failures.push(`${label}: expected ${want.status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          if (res.status < 300 && rule.response && /json/.test(String(res.headers['content-type']))) {
            const schema = typeof rule.response === 'function' ? rule.response(who.role ?? 'leader') : rule.response;
            const parsed = schema.safeParse(res.body);
            if (!parsed.success) failures.push(`${label}: the answer does not match its libs/contracts schema: ${parsed.error.message.slice(0, 300)}`);
          }
          if (res.status >= 400 && !(apiErrorSchema.safeParse(res.body).success && res.body.statusCode === res.status)) {
            failures.push(`${label}: error body is not {statusCode, message}: ${JSON.stringify(res.body).slice(0, 200)}`);
          }
          if (res.status === 403 && want.audited) expectedDenials.push(`user:${who.name} -> ${dept ?? rule.dept?.requiredForDepartment}`);
          if (res.status === 404 && dept === UNKNOWN_DEPT && !String(res.body?.message).includes(UNKNOWN_DEPT)) {
            failures.push(`${label}: the 404 does not name the department: ${res.body?.message}`);
          }
          if (res.status < 300 && who.role === 'department' && !rule.masterData) {
            const leaks = leaksOf(res.body, who.dept!);
            if (leaks.length) failures.push(`${label}: another department's data: ${leaks.slice(0, 5).join('; ')}`);
          }
          if (res.status < 300 && rule.dept?.scope === 'master-data' && dept !== undefined && Array.isArray(res.body)) {
            if ((res.body as { dept: string }[]).some((item) => item.dept !== dept)) failures.push(`${label}: items of other departments than ${dept}`);
          }
        }
      }
    }

    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(300);

    // Every refused department is in the audit log, once per attempt, with who asked.
    const audit = await t.http
      .get('/api/audit?action=access.denied&limit=500')
      .set(bearer(user('root')))
      .expect(200);
    const logged = (audit.body.items as { id: number; actor: string; target: string }[])
      .filter((e) => e.id > lastIdBefore)
      .map((e) => `${e.actor} -> ${e.target}`);
    expect(expectedDenials.length).toBeGreaterThanOrEqual(3 * 4 * 5);
    expect(logged.sort()).toEqual(expectedDenials.sort());
    for (const dept of [UNKNOWN_DEPT, 'PSB']) expect(logged).toContain(`user:cab -> ${dept}`);
  }, 300_000);

  it('lets only an ingest source use the ingest endpoint', async () => {
    const line = JSON.stringify({
      id: 'walk-1',
      type: 'api.called',
      at: '2026-10-20T10:00:00+08:00',
      dept: 'MSA',
      resource: 'MSA-ENT',
      consumer: 'PSB',
      status: 200,
      latency_ms: 5,
    });
    for (const who of principals) {
      await t.http.post('/api/ingest').set(bearer(who)).set('Content-Type', 'application/x-ndjson').send(line).expect(401);
    }
    const res = await t.http.post('/api/ingest').set('X-Api-Key', apiKey).set('Content-Type', 'application/x-ndjson').send(line).expect(200);
    expect(res.body).toMatchObject({ read: 1, accepted: 1 });
    // The key opens nothing else.
    await t.http.get('/api/scores?period=2026-10').set('X-Api-Key', apiKey).expect(401);
  });

  it('shows department users the other departments in /api/scores with the public ranking fields only', async () => {
    for (const period of ['2026-10', '2026-Q4', '2026']) {
      for (const asOf of [undefined, EXAMPLE_AS_OF]) {
        const query = `period=${period}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;
        const full = await t.http
          .get(`/api/scores?${query}`)
          .set(bearer(user('leader')))
          .expect(200);
        for (const name of ['cab', 'msa', 'edu']) {
          const who = user(name);
          const res = await t.http.get(`/api/scores?${query}`).set(bearer(who)).expect(200);
          const departments = res.body.departments as Record<string, unknown>[];
          expect(departments.map((d) => d.dept)).toEqual((full.body.departments as { dept: string }[]).map((d) => d.dept));
          for (const d of departments) {
            const reference = (full.body.departments as Record<string, unknown>[]).find((x) => x.dept === d.dept)!;
            if (d.dept === who.dept) expect(d).toEqual(reference);
            else expect(d, `${name} sees ${String(d.dept)} in ${query}`).toEqual(Object.fromEntries(PUBLIC_FIELDS.map((k) => [k, reference[k]])));
          }
          expect(leaksOf(res.body, who.dept!)).toEqual([]);
        }
      }
    }
  });

  it("gives a department user its own findings, detail, events, appeals and trends, and never another's", async () => {
    const ids = exampleEventIds();
    const allIds = Object.values(ids).flat().join(',');
    for (const name of ['cab', 'msa', 'edu']) {
      const who = user(name);
      const own = who.dept!;
      const findings = await t.http.get(`/api/departments/${own}/findings?period=2026-10`).set(bearer(who)).expect(200);
      expect(findings.body.dept).toBe(own);
      const summary = await t.http.get(`/api/departments/${own}/summary?period=2026-10`).set(bearer(who)).expect(200);
      expect(summary.body.department.code).toBe(own);
      const events = await t.http.get(`/api/departments/${own}/events?ids=${allIds}`).set(bearer(who)).expect(200);
      expect((events.body as { dept: string; id: string }[]).map((e) => e.id).sort()).toEqual([...(ids[own] ?? [])].sort());
      const appeals = await t.http.get('/api/appeals').set(bearer(who)).expect(200);
      expect(new Set((appeals.body as { dept: string }[]).map((a) => a.dept))).toEqual(new Set(own === EMPTY_DEPT ? [] : [own]));
      const trends = await t.http.get('/api/trends?from=2026-08&to=2026-10').set(bearer(who)).expect(200);
      expect((trends.body.departments as { dept: string }[]).map((d) => d.dept)).toEqual([own]);
      for (const other of ['PSB', 'CAB', 'MSA', EMPTY_DEPT, UNKNOWN_DEPT].filter((d) => d !== own)) {
        for (const path of [
          `/api/departments/${other}/findings?period=2026-10`,
          `/api/departments/${other}/summary?period=2026-10`,
          `/api/departments/${other}/events?ids=${allIds}`,
          `/api/appeals?dept=${other}`,
          `/api/trends?from=2026-08&to=2026-10&dept=${other}`,
        ]) {
          const res = await t.http.get(path).set(bearer(who)).expect(403);
          expect(res.body).toMatchObject({ statusCode: 403, message: expect.any(String) });
          expect(JSON.stringify(res.body)).not.toMatch(/unknown department|does not exist/);
        }
      }
    }
    // Leadership sees both example departments' appeals; an unknown department is a 404 for them.
    const all = await t.http
      .get('/api/appeals')
      .set(bearer(user('inspector')))
      .expect(200);
    expect(new Set((all.body as { dept: string }[]).map((a) => a.dept))).toEqual(new Set(['CAB', 'MSA']));
    for (const name of ['leader', 'inspector', 'root']) {
      await t.http
        .get(`/api/departments/${UNKNOWN_DEPT}/summary?period=2026-10`)
        .set(bearer(user(name)))
        .expect(404);
      await t.http
        .get(`/api/trends?from=2026-08&to=2026-10&dept=${UNKNOWN_DEPT}`)
        .set(bearer(user(name)))
        .expect(404);
    }
  });
});
