import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { z } from 'zod';
import * as api from '@app/contracts';
import type { Role } from '@app/contracts';
import { EXAMPLE_DIR } from './example';
import { addUser, loginAs, TEST_PASSWORD, type TestApp } from './test-app';

/**
 * The API surface as the running app documents it (GET /api/docs-json), and
 * what access.md says about each route. A route in the document that this
 * table does not classify fails the tests that walk the surface, so a new
 * endpoint cannot ship without someone deciding who may call it.
 */

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

export interface Operation {
  /** `GET /api/departments/{code}/findings` */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path template, `{name}` for path parameters. */
  path: string;
  parameters: OpenApiParameter[];
  /** Content types of the request body, empty when the route takes none. */
  bodyTypes: string[];
}

export async function fetchOperations(http: TestApp['http']): Promise<Operation[]> {
  const res = await http.get('/api/docs-json').expect(200);
  const doc = res.body as { paths: Record<string, Record<string, { parameters?: OpenApiParameter[]; requestBody?: { content?: Record<string, unknown> } }>> };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) continue;
      operations.push({ key: `${m} ${path}`, method: m, path, parameters: op.parameters ?? [], bodyTypes: Object.keys(op.requestBody?.content ?? {}) });
    }
  }
  expect(operations.length, 'the OpenAPI document lists no routes').toBeGreaterThan(20);
  return operations;
}

/** Which department a route reads, and whether access.md restricts it to the user's own. */
export interface DeptScope {
  in: 'path' | 'query' | 'body';
  name: string;
  /**
   * own: a department user may only ask for its own department (403 and
   * audited otherwise, whether or not the department exists); other roles
   * get 404 for an unknown department.
   * master-data: the city's shared catalogue, readable for any department
   * (an unknown department is a 404 for everyone).
   */
  scope: 'own' | 'master-data';
  /** The parameter may be left out (the walk calls the route both ways). */
  optional?: boolean;
  /** Left out by a department user, the answer is 403, audited with this target (the city's report is not its own). */
  requiredForDepartment?: string;
}

export interface RouteRule {
  /** public: no login (health, login, logout); api-key: ingest sources only (X-Api-Key). */
  access: 'public' | 'api-key' | readonly Role[];
  dept?: DeptScope;
  /** Values for this route's parameters where the defaults below do not fit. */
  params?: Record<string, string>;
  /** JSON body the walk sends; gets the department under test for body-scoped routes. */
  body?: (dept: string) => unknown;
  /** Status an allowed caller gets from the walk's request (GET routes default to 200). */
  expect?: number;
  /** The answer holds master data (codes and names of every department) rather than any department's results. */
  masterData?: boolean;
  /** The walk calls it without the caller's token (with one it would end the caller's sign-in). */
  anonymousOnly?: boolean;
  /** The libs/contracts schema a successful JSON answer must satisfy (by the caller's role where it differs). */
  response?: z.ZodType | ((role: Role) => z.ZodType);
}

const listOf = (item: z.ZodType) => z.array(item);

const ALL: readonly Role[] = ['leader', 'inspector', 'department', 'admin'];
const LEADERSHIP: readonly Role[] = ['leader', 'inspector', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

export const ROUTE_RULES: Record<string, RouteRule> = {
  'POST /api/auth/login': { access: 'public', body: () => ({}), expect: 400 },
  // Logout ends the token's sign-in and clears the cookie; it must work with an expired session, so it is public.
  'POST /api/auth/logout': { access: 'public', expect: 204, anonymousOnly: true },
  'GET /api/auth/me': { access: ALL, response: api.currentUserSchema },
  // The walk's empty body is refused before any password is checked or changed.
  'POST /api/auth/password': { access: ALL, body: () => ({}), expect: 400 },
  'GET /api/auth/sign-ins': { access: ALL, response: listOf(api.signInViewSchema) },
  'DELETE /api/auth/sign-ins/{id}': { access: ALL, params: { id: '00000000-0000-4000-8000-000000000000' }, expect: 404 },
  'GET /api/auth/lockouts': { access: ADMIN, response: listOf(api.lockoutViewSchema) },
  'GET /api/auth/two-factor': { access: ALL, response: api.twoFactorStatusSchema },
  // A pending secret only: nothing changes for the user until a code confirms it.
  'POST /api/auth/two-factor/enrolment': { access: ALL, expect: 200, response: api.twoFactorEnrolmentSchema },
  'POST /api/auth/two-factor/confirmation': { access: ALL, body: () => ({}), expect: 400 },
  'POST /api/auth/two-factor/removal': { access: ALL, body: () => ({}), expect: 400 },
  'DELETE /api/users/{username}/two-factor': { access: ADMIN, expect: 404 },
  'DELETE /api/auth/lockouts/{username}': { access: ADMIN, expect: 404 },
  'GET /api/health': { access: 'public', response: api.healthResponseSchema },
  'GET /api/system': { access: ALL, response: api.systemInfoSchema },
  'GET /api/system/seeding': { access: 'public', response: api.seedingProgressSchema },
  'GET /api/audit': { access: ['inspector', 'admin'], params: { from: '2026-09-01', to: '2026-10-31' }, response: api.auditPageSchema },
  'GET /api/audit/export': { access: ADMIN, params: { format: 'csv', from: '2026-09-01', to: '2026-10-31' } },
  'GET /api/users': { access: ADMIN, response: listOf(api.userViewSchema) },
  'PUT /api/users/{username}': { access: ADMIN, body: () => ({}), expect: 400 },
  'DELETE /api/users/{username}': { access: ADMIN, expect: 404 },
  'GET /api/users/{username}/sign-ins': { access: ADMIN, expect: 404 },
  'DELETE /api/users/{username}/sign-ins': { access: ADMIN, expect: 404 },
  'POST /api/master-data/{kind}': { access: ADMIN, body: () => ({}), expect: 400 },
  'GET /api/master-data/templates/{file}': { access: ADMIN, params: { file: 'catalog.xlsx' } },
  'GET /api/departments': { access: ALL, masterData: true, response: listOf(api.departmentViewSchema) },
  'GET /api/catalog': {
    access: ALL,
    masterData: true,
    response: listOf(api.resourceViewSchema),
    dept: { in: 'query', name: 'dept', scope: 'master-data', optional: true },
  },
  'PUT /api/calendar/{date}': { access: ADMIN, body: () => ({}), expect: 400 },
  'DELETE /api/calendar/{date}': { access: ADMIN, expect: 404 },
  'GET /api/calendar': { access: ALL, response: listOf(api.calendarEntrySchema) },
  'POST /api/ingest': { access: 'api-key' },
  'GET /api/ingest/sources': { access: ADMIN, response: listOf(api.sourceViewSchema) },
  'POST /api/ingest/sources': { access: ADMIN, body: () => ({}), expect: 400 },
  'DELETE /api/ingest/sources/{name}': { access: ADMIN, expect: 404 },
  'GET /api/ingest/ledger': { access: ADMIN, response: listOf(api.ledgerEntrySchema) },
  'GET /api/quarantine': { access: ADMIN, response: api.quarantinePageSchema },
  'POST /api/quarantine/replay': { access: ADMIN, body: () => ({ source: 'walk-no-such-source' }), expect: 200, response: api.replayResultSchema },
  'GET /api/scores': { access: ALL, response: (role) => (role === 'department' ? api.departmentViewRecordSchema : api.scoreRecordSchema) },
  'GET /api/departments/{code}/findings': { access: ALL, response: api.findingsResponseSchema, dept: { in: 'path', name: 'code', scope: 'own' } },
  'GET /api/departments/{code}/todo': {
    access: ['leader', 'inspector', 'department'],
    response: api.departmentTodoSchema,
    dept: { in: 'path', name: 'code', scope: 'own' },
  },
  'GET /api/todo': { access: ['leader', 'inspector'], response: listOf(api.departmentTodoSchema) },
  'GET /api/todo.xlsx': {
    access: ['leader', 'inspector'],
    params: { kind: 'request', state: 'overdue' },
    dept: { in: 'query', name: 'dept', scope: 'own', optional: true },
  },
  'GET /api/notifications/channels': { access: ADMIN, response: listOf(api.channelViewSchema) },
  'POST /api/notifications/channels': { access: ADMIN, body: () => ({}), expect: 400 },
  'DELETE /api/notifications/channels/{id}': { access: ADMIN, expect: 404 },
  'POST /api/notifications/channels/{id}/test': { access: ADMIN, expect: 404 },
  'GET /api/notifications/deliveries': { access: ADMIN, params: { status: 'failed', limit: '20' }, response: listOf(api.deliveryViewSchema) },
  'GET /api/periods/published': { access: ALL, response: listOf(api.publishedPeriodSchema) },
  // A period that has not ended: never published by the walk.
  'POST /api/periods/{period}/publish': { access: ['inspector'], params: { period: '2099-01' }, expect: 409 },
  'POST /api/periods/{period}/reopen': { access: ADMIN, params: { period: '2099-01' }, body: () => ({}), expect: 400 },
  'GET /api/rectification': {
    access: ['leader', 'inspector', 'department'],
    response: listOf(api.rectificationCaseSchema),
    dept: { in: 'query', name: 'dept', scope: 'own', optional: true },
  },
  'GET /api/rectification/{id}': { access: ['leader', 'inspector', 'department'], expect: 404 },
  'POST /api/rectification/{id}/submit': { access: ['department'], body: () => ({}), expect: 400 },
  'POST /api/rectification/{id}/decision': { access: ['inspector'], body: () => ({}), expect: 400 },
  'GET /api/appeals': { access: ALL, response: listOf(api.appealViewSchema), dept: { in: 'query', name: 'dept', scope: 'own', optional: true } },
  // A well-formed appeal naming no real finding: 404 for the own department, 403 for any other.
  'POST /api/appeals': {
    access: ['department'],
    dept: { in: 'body', name: 'dept', scope: 'own' },
    body: (dept) => ({ dept, period: '2026-10', kind: 'late_request', request: 'RQ-walk-none', reason: 'walk' }),
    expect: 404,
  },
  'POST /api/appeals/{id}/decision': { access: ['inspector'], body: () => ({}), expect: 400 },
  'GET /api/schemes': { access: ALL, response: listOf(api.schemeVersionSchema) },
  'POST /api/schemes': { access: ADMIN, body: () => ({}), expect: 400 },
  'POST /api/schemes/preview': { access: ['admin', 'inspector'], body: () => ({}), expect: 400 },
  'GET /api/method': { access: ALL, response: api.schemeDescriptionSchema },
  'GET /api/periods/{period}': { access: ALL, response: api.periodStatusSchema },
  'GET /api/overview': { access: LEADERSHIP, response: api.overviewResponseSchema },
  'GET /api/trends': { access: ALL, response: api.trendsResponseSchema, dept: { in: 'query', name: 'dept', scope: 'own', optional: true } },
  'GET /api/departments/{code}/summary': { access: ALL, response: api.departmentSummarySchema, dept: { in: 'path', name: 'code', scope: 'own' } },
  'GET /api/departments/{code}/events': { access: ALL, response: listOf(api.eventViewSchema), dept: { in: 'path', name: 'code', scope: 'own' } },
  'GET /api/network': { access: LEADERSHIP, response: api.networkResponseSchema },
  'GET /api/reports/history': { access: LEADERSHIP, response: listOf(api.reportHistoryEntrySchema) },
  'GET /api/reports/files/{id}': { access: LEADERSHIP, expect: 404 },
  'GET /api/reports/{period}/departments.zip': { access: ['inspector'] },
  'GET /api/reports/{file}': {
    access: ['inspector', 'leader', 'department'],
    params: { file: '2026-10.csv' },
    dept: { in: 'query', name: 'dept', scope: 'own', optional: true, requiredForDepartment: '(city)' },
  },
};

/** Every event id of the worked example, by department. */
export function exampleEventIds(): Record<string, string[]> {
  const byDept: Record<string, string[]> = {};
  for (const line of readFileSync(join(EXAMPLE_DIR, 'events.ndjson'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as { id?: unknown; dept?: unknown };
      if (typeof e.id === 'string' && typeof e.dept === 'string') (byDept[e.dept] ??= []).push(e.id);
    } catch {
      // the example's deliberately broken lines
    }
  }
  return byDept;
}

/** A valid value for each parameter the surface uses, by `in:name`. */
export function defaultParams(): Record<string, string> {
  return {
    'path:username': 'walk-nobody',
    'path:kind': 'departments',
    'path:date': '2031-01-02',
    'path:name': 'walk-nobody',
    'path:period': '2026-10',
    'path:id': '999999',
    'path:code': 'CAB',
    'query:period': '2026-10',
    'query:from': '2026-09',
    'query:to': '2026-10',
    'query:kind': 'month',
    'query:ids': Object.values(exampleEventIds()).flat().join(','),
  };
}

/** Fills a path template. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(values[name]);
  });
}

export interface Principal {
  name: string;
  role: Role | null;
  dept: string | null;
  token: string | null;
}

/** A department of the city with no resources and no events. */
export const EMPTY_DEPT = 'EDU';
export const UNKNOWN_DEPT = 'NOPE';

/**
 * On an app loaded with the worked example and started with ADMIN_USERNAME
 * root: adds a department without data, one user per role (department users
 * of CAB, MSA and the empty department) and an ingest source.
 */
export async function setUpPrincipals(t: TestApp): Promise<{ principals: Principal[]; apiKey: string }> {
  const rootToken = await loginAs(t.http, 'root', 'root-password');
  const admin = { Authorization: `Bearer ${rootToken}` };
  await t.http.post('/api/master-data/departments').set(admin).set('Content-Type', 'text/csv').send(`code,name\n${EMPTY_DEPT},市教育局\n`).expect(201);
  const users: [string, Role, string | null][] = [
    ['leader', 'leader', null],
    ['inspector', 'inspector', null],
    ['cab', 'department', 'CAB'],
    ['msa', 'department', 'MSA'],
    ['edu', 'department', EMPTY_DEPT],
  ];
  for (const [username, role, dept] of users) {
    await addUser(t.http, admin, username, role, dept);
  }
  const principals: Principal[] = [
    { name: 'anonymous', role: null, dept: null, token: null },
    { name: 'root', role: 'admin', dept: null, token: rootToken },
  ];
  for (const [username, role, dept] of users) {
    principals.push({ name: username, role, dept, token: await loginAs(t.http, username, TEST_PASSWORD) });
  }
  const source = await t.http.post('/api/ingest/sources').set(admin).send({ name: 'walk-source' }).expect(201);
  return { principals, apiKey: (source.body as { apiKey: string }).apiKey };
}

/** The fields another department may be seen with (the public ranking table). */
export const PUBLIC_FIELDS = ['dept', 'grade', 'name', 'rank', 'rankChange', 'total'];

/**
 * Places in an answer to a department user that carry another department's
 * data beyond the public ranking fields: any object naming another
 * department (`dept`) with more than those fields.
 */
export function leaksOf(body: unknown, ownDept: string, path = '$'): string[] {
  const found: string[] = [];
  if (Array.isArray(body)) body.forEach((item, i) => found.push(...leaksOf(item, ownDept, `${path}[${i}]`)));
  else if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    if (typeof record.dept === 'string' && record.dept !== ownDept) {
      const extra = Object.keys(record).filter((k) => !PUBLIC_FIELDS.includes(k));
      if (extra.length) found.push(`${path} (${record.dept}: ${extra.join(', ')})`);
    }
    for (const [k, v] of Object.entries(record)) found.push(...leaksOf(v, ownDept, `${path}.${k}`));
  }
  return found;
}
