import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loadExampleOverHttp } from './support/example-http';
import { startTestApp, type TestApp } from './support/test-app';
import { defaultParams, fetchOperations, ROUTE_RULES, setUpPrincipals, type Operation, type Principal, type RouteRule } from './support/api-surface';
import { bodyCases, garbageString, valuesFor } from './support/garbage';
import { errorShapeProblem, pct, portOf, send, type RawRequest, type RawResponse } from './support/raw-http';

/**
 * access.md and issue 5: bad input gets a 4xx naming the problem, never a
 * 500. Every route of the OpenAPI document gets generated garbage: unknown
 * period formats and departments, wrong types, malformed and oversized
 * bodies, odd content types and encodings, junk query parameters and broken
 * percent-encoding. Bounded: GARBAGE_RUNS requests per route (default 20).
 */

const kinds = databaseKinds();
const RUNS = Number(process.env.GARBAGE_RUNS ?? 20);
/** The ingest body limit the app under test runs with (INGEST_MAX_BODY_MB). */
const INGEST_LIMIT_MB = 1;
const RAW_LIMITS: Record<string, number> = {
  'POST /api/ingest': INGEST_LIMIT_MB * 1024 * 1024,
  'POST /api/master-data/{kind}': 32 * 1024 * 1024,
};

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}

/** The top-level field names of a route's JSON body, from its schema in the document. */
function bodyFieldNames(doc: OpenApiDoc, op: Operation): string[] {
  const ref = doc.paths[op.path]?.[op.method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema?.$ref;
  const schema = ref ? doc.components?.schemas?.[ref.split('/').pop()!] : undefined;
  return Object.keys(schema?.properties ?? {});
}

interface GarbageRequest {
  label: string;
  request: RawRequest;
}

describe.each(kinds)('garbage on the %s database', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let port: number;
  let principals: Principal[];
  let apiKey: string;
  let operations: Operation[];
  let doc: OpenApiDoc;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, {
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'root-password',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      INGEST_MAX_BODY_MB: String(INGEST_LIMIT_MB),
      ...(process.env.GARBAGE_LOG ? { LOG_LEVEL: process.env.GARBAGE_LOG } : {}),
    });
    port = portOf(t);
    await loadExampleOverHttp(t);
    ({ principals, apiKey } = await setUpPrincipals(t));
    operations = await fetchOperations(t.http);
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDoc;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const authHeaders = (who: Principal): Record<string, string> => (who.token ? { Authorization: `Bearer ${who.token}` } : {});

  function allowed(rule: RouteRule): Principal[] {
    if (rule.access === 'public' || rule.access === 'api-key') return principals;
    const roles = rule.access;
    return principals.filter((p) => p.role !== null && roles.includes(p.role));
  }

  function garbageRequests(op: Operation, rule: RouteRule): fc.Arbitrary<GarbageRequest> {
    const defaults = defaultParams();
    const validOf = (where: 'path' | 'query', name: string) => rule.params?.[name] ?? defaults[`${where}:${name}`];
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const callers = allowed(rule);
    const who = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...callers) }, { weight: 1, arbitrary: fc.constantFrom(...principals) });
    const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, valuesFor(p.name, validOf('path', p.name))])));
    const query = fc.record(
      Object.fromEntries(
        queryParams.map((p) => {
          const values = valuesFor(p.name, validOf('query', p.name));
          return [
            p.name,
            fc.option(fc.oneof({ weight: 4, arbitrary: values.map((v) => [v]) }, { weight: 1, arbitrary: fc.array(values, { minLength: 2, maxLength: 3 }) }), {
              freq: 4,
            }),
          ];
        }),
      ),
    );
    const extraQuery = fc.dictionary(fc.oneof(garbageString, fc.constantFrom('period', 'dept', 'asOf', 'limit', '__proto__', 'constructor')), garbageString, {
      maxKeys: 3,
    });
    const sometimes = <T>(arb: fc.Arbitrary<T>, weight: number) => fc.oneof({ weight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
    const rawTrick = sometimes(fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%2F..%2F..', '%u0041', '..', '.'), 8);
    const rawQueryTrick = sometimes(
      fc.constantFrom('&&&', '=&=', 'a[b]=c', 'period[]=2026-10', 'period[x]=1', '%zz=%zz', 'a=%', '__proto__[x]=1', 'dept=CAB&dept=MSA'),
      6,
    );
    const body = bodyCases(bodyFieldNames(doc, op), RAW_LIMITS[op.key]);
    const key = fc.oneof(
      { weight: 4, arbitrary: fc.constant(apiKey) },
      { weight: 1, arbitrary: fc.constantFrom('', 'dsk_wrong', 'x'.repeat(2000), apiKey.slice(0, -1), `${apiKey} `) },
    );
    const accept = fc.constantFrom(undefined, 'application/json', 'text/html', '*/*', 'image/png');

    return fc
      .record({ who, path, query, extraQuery, rawTrick, rawQueryTrick, body: op.method === 'GET' ? sometimes(body, 6) : body, key, accept })
      .map(({ who, path, query, extraQuery, rawTrick, rawQueryTrick, body, key, accept }) => {
        // A raw trick (broken percent-encoding, dot segments) replaces the first path parameter, or ends the path.
        let url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => (rawTrick && name === pathParams[0]?.name ? rawTrick : pct(path[name])));
        if (rawTrick && !pathParams.length) url += rawTrick;
        const pairs: string[] = [];
        for (const [name, values] of Object.entries(query)) for (const v of values ?? []) pairs.push(`${pct(name)}=${pct(v)}`);
        for (const [name, v] of Object.entries(extraQuery)) pairs.push(`${pct(name)}=${pct(v)}`);
        if (rawQueryTrick) pairs.push(rawQueryTrick);
        if (pairs.length) url += `?${pairs.join('&')}`;
        // Logout really ends the sign-in it is sent with: the garbage walk sends it anonymously, as the access walk does.
        const headers: Record<string, string> = { ...(rule.anonymousOnly ? {} : authHeaders(who)) };
        if (rule.access === 'api-key' && key) headers['X-Api-Key'] = key;
        if (accept) headers.Accept = accept;
        const b = body;
        if (b?.contentType) headers['Content-Type'] = b.contentType;
        if (b?.contentEncoding) headers['Content-Encoding'] = b.contentEncoding;
        return {
          label: `${who.name} ${op.method} ${url.length > 300 ? `${url.slice(0, 300)}…(${url.length} chars)` : url}${b ? ` [${b.label}, ${b.contentType ?? 'no content type'}${b.contentEncoding ? `, ${b.contentEncoding}` : ''}, ${b.bytes.length} bytes]` : ''}`,
          request: { method: op.method, path: url, headers, body: b?.bytes },
        };
      });
  }

  function problemOf(res: RawResponse): string | null {
    if (res.status >= 500) return `answered ${res.status}: ${res.text.slice(0, 300)}`;
    if (res.status >= 400) return errorShapeProblem(res);
    if (res.status < 200) return `answered ${res.status}`;
    return null;
  }

  it(
    'never answers 500 (nor hangs) to garbage on any route, and every refusal is a {statusCode, message}',
    async () => {
      const failures: string[] = [];
      let requests = 0;
      const statuses = new Map<number, number>();
      const started = Date.now();
      const only = process.env.GARBAGE_ONLY ? new RegExp(process.env.GARBAGE_ONLY) : null;
      const seed = Number(process.env.GARBAGE_SEED ?? Date.now() % 2 ** 31);
      for (const op of operations) {
        if (only && !only.test(op.key)) continue;
        const rule = ROUTE_RULES[op.key];
        if (!rule) {
          failures.push(`${op.key}: not classified in test/integration/support/api-surface.ts`);
          continue;
        }
        const routeStarted = Date.now();
        const details = await fc.check(
          fc.asyncProperty(garbageRequests(op, rule), async ({ label, request }) => {
            requests++;
            let res: RawResponse;
            try {
              res = await send(port, request, 10_000);
            } catch (error) {
              // The server may refuse an oversized body and close before it is all written.
              if (request.body && request.body.length > 1024 * 1024 && /EPIPE|ECONNRESET/.test(String((error as Error).message))) return;
              throw new Error(`${label}: ${(error as Error).message}`, { cause: error });
            }
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (process.env.GARBAGE_VERBOSE && /^invalid input:/.test(String((res.json as { message?: string })?.message))) {
              process.stdout.write(`safety net (the database refused a value): ${label.slice(0, 300)} -> ${res.text}\n`);
            }
            if (process.env.GARBAGE_VERBOSE === '2') process.stdout.write(`${res.status} ${label.slice(0, 160)} -> ${res.text.slice(0, 100)}\n`);
            const problem = problemOf(res);
            if (problem)
              throw new Error(
                `${label}: ${problem}${request.body ? ` (body ${JSON.stringify(Buffer.from(request.body).subarray(0, 300).toString('latin1'))})` : ''}`,
              );
          }),
          { numRuns: RUNS, seed },
        );
        if (process.env.GARBAGE_VERBOSE)
          process.stdout.write(
            `${op.key}: ${details.numRuns} runs, ${details.numShrinks} shrinks, ${Date.now() - routeStarted} ms${details.failed ? ' FAILED' : ''}\n`,
          );
        if (details.failed)
          failures.push(
            `${op.key} (seed ${details.seed}, path ${details.counterexamplePath}): ${(details.errorInstance as Error | undefined)?.message ?? 'failed'}`,
          );
      }
      const summary = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      process.stdout.write(
        `garbage (${kind}, GARBAGE_SEED=${seed}): ${requests} requests on ${operations.length} routes in ${Date.now() - started} ms: ${summary}\n`,
      );
      expect(failures).toEqual([]);
    },
    60_000 + RUNS * 2_000,
  );

  /** For each parameter, values that are certainly invalid: the 400 must name the parameter. */
  const INVALID: Record<string, string[]> = {
    period: ['2026-13', '2026-Q5', '26-10', '2026/10', 'abc', '0000', '0001-01', '9999-12'],
    from: ['2026-13', 'abc'],
    to: ['2026-13', 'abc'],
    asOf: ['yesterday', '2026-13-01T00:00:00Z', '2026-11-05T25:00:00+08:00', '2026-11-05T00:00:00+25:00', '0001-01-01T00:00:00Z'],
    code: ['bad code!', 'A'.repeat(33), 'C/AB'],
    dept: ['bad code!', 'A'.repeat(33)],
    limit: ['-1', '0', 'abc', '1.5', '1e400'],
    offset: ['-1', 'abc', '1.5'],
    id: ['0', '-1', 'abc', '1.5'],
    username: ['bad name!', 'x'.repeat(65)],
    name: ['bad name!', 'x'.repeat(101)],
    date: ['2026-02-30', '2026-13-01', 'x', '0000-01-01'],
    kind: ['bogus'],
    locale: ['fr'],
    status: ['maybe'],
    open: ['yes'],
    state: ['bogus'],
    format: ['pdf', 'exe', ''],
    file: ['2026-13.csv', '2026-10.exe', 'x'],
    ids: ['', Array.from({ length: 501 }, (_, i) => `x${i}`).join(',')],
    action: ['x'.repeat(101)],
    actor: ['x'.repeat(201)],
    source: ['x'.repeat(501)],
    reason: ['x'.repeat(201)],
  };

  /** A valid body for the routes that take JSON, so a bad parameter is the only problem of the request. */
  const VALID_BODIES: Record<string, unknown> = {
    'PUT /api/users/{username}': { password: 'Garbage-Password-2026', role: 'leader' },
    'PUT /api/calendar/{date}': { kind: 'holiday' },
    'POST /api/periods/{period}/reopen': { reason: 'garbage' },
    'POST /api/appeals/{id}/decision': { status: 'accepted', comment: 'garbage' },
  };

  it('names the parameter it rejects', async () => {
    const defaults = defaultParams();
    const failures: string[] = [];
    for (const op of operations) {
      const rule = ROUTE_RULES[op.key];
      if (!rule || rule.access === 'public' || rule.access === 'api-key') continue;
      const roles = rule.access;
      const who = ['root', 'inspector', 'leader', 'cab'].map((n) => principals.find((p) => p.name === n)!).find((p) => roles.includes(p.role!))!;
      const base: Record<string, string> = {};
      for (const p of op.parameters) {
        if (p.in !== 'path' && p.in !== 'query') continue;
        const v = rule.params?.[p.name] ?? defaults[`${p.in}:${p.name}`];
        if (v !== undefined) base[`${p.in}:${p.name}`] = v;
      }
      for (const p of op.parameters) {
        if (p.in !== 'path' && p.in !== 'query') continue;
        const bad = INVALID[p.name];
        if (!bad) {
          failures.push(`${op.key}: no invalid values for parameter ${p.name} in garbage.test.ts`);
          continue;
        }
        for (const value of bad) {
          const values = { ...base, [`${p.in}:${p.name}`]: value };
          const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => pct(values[`path:${name}`]));
          const query = Object.entries(values)
            .filter(([k]) => k.startsWith('query:'))
            .map(([k, v]) => `${pct(k.slice(6))}=${pct(v)}`)
            .join('&');
          const url = query ? `${path}?${query}` : path;
          const json = op.key in VALID_BODIES ? VALID_BODIES[op.key] : rule.body?.(who.dept ?? 'CAB');
          const body = json === undefined ? undefined : JSON.stringify(json);
          const res = await send(port, {
            method: op.method,
            path: url,
            headers: { Authorization: `Bearer ${who.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
            body,
          });
          const label = `${who.name} ${op.method} ${url.slice(0, 200)}`;
          if (res.status !== 400)
            failures.push(`${label}: expected 400 for ${p.name}=${JSON.stringify(value.slice(0, 40))}, got ${res.status} ${res.text.slice(0, 200)}`);
          else if (!String((res.json as { message?: string })?.message).includes(p.name))
            failures.push(`${label}: the message does not name ${p.name}: ${res.text.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('names the body field it rejects', async () => {
    const admin = principals.find((p) => p.name === 'root')!;
    const inspector = principals.find((p) => p.name === 'inspector')!;
    const cab = principals.find((p) => p.name === 'cab')!;
    const [current] = (await t.http.get('/api/schemes').set('Authorization', `Bearer ${admin.token}`).expect(200)).body as Record<string, unknown>[];
    const schemeKeys = ['weights', 'responseWeights', 'requestSlaWorkdays', 'objectionSlaWorkdays', 'updateGraceHours', 'gradeThresholds', 'commendTopN'];
    const scheme = Object.fromEntries(schemeKeys.map((k) => [k, current[k]]));
    // The unchanged scheme is a valid draft.
    await t.http.post('/api/schemes/preview').set('Authorization', `Bearer ${admin.token}`).send({ scheme, period: '2026-10' }).expect(200);
    const cases: { who: Principal; method: string; path: string; body: Record<string, unknown> }[] = [
      { who: admin, method: 'POST', path: '/api/auth/login', body: { username: 'root', password: 'root-password' } },
      { who: admin, method: 'PUT', path: '/api/users/garbage-user', body: { password: 'Garbage-Password-2026', role: 'leader' } },
      { who: admin, method: 'PUT', path: '/api/calendar/2031-01-02', body: { kind: 'holiday' } },
      { who: admin, method: 'POST', path: '/api/ingest/sources', body: { name: 'garbage-source' } },
      { who: admin, method: 'POST', path: '/api/periods/2099-01/reopen', body: { reason: 'x' } },
      { who: cab, method: 'POST', path: '/api/appeals', body: { dept: 'CAB', period: '2026-10', kind: 'late_request', request: 'RQ-none', reason: 'x' } },
      { who: inspector, method: 'POST', path: '/api/appeals/999999/decision', body: { status: 'accepted', comment: 'x' } },
      { who: admin, method: 'POST', path: '/api/schemes/preview', body: { scheme, period: '2026-10' } },
    ];
    const wrongTypes = (valid: unknown): unknown[] =>
      typeof valid === 'string'
        ? [12, true, [], {}, ['x']]
        : typeof valid === 'number'
          ? ['12', true, [], {}, -1e308, 1e308]
          : typeof valid === 'object' && valid !== null
            ? ['x', 1, [], null]
            : ['x', {}, []];
    const failures: string[] = [];
    for (const c of cases) {
      const fields: [string[], unknown][] = [];
      for (const [k, v] of Object.entries(c.body)) {
        fields.push([[k], v]);
        if (v && typeof v === 'object') for (const [k2, v2] of Object.entries(v)) fields.push([[k, k2], v2]);
      }
      for (const [path, valid] of fields) {
        for (const wrong of wrongTypes(valid)) {
          const body = structuredClone(c.body);
          let target = body;
          for (const k of path.slice(0, -1)) target = target[k] as Record<string, unknown>;
          target[path[path.length - 1]] = wrong;
          const res = await send(port, {
            method: c.method,
            path: c.path,
            headers: { Authorization: `Bearer ${c.who.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          const label = `${c.method} ${c.path} with ${path.join('.')}=${JSON.stringify(wrong)}`;
          if (res.status !== 400) failures.push(`${label}: expected 400, got ${res.status} ${res.text.slice(0, 200)}`);
          else if (!String((res.json as { message?: string })?.message).includes(path.join('.')))
            failures.push(`${label}: the message does not name ${path.join('.')}: ${res.text.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
