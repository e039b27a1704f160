import { describe, expect, it } from 'vitest';
import { ParseError, type EventValidationContext } from './types';
import { atWindowOf, validateEvent } from './validate-event';

const DEPTS = new Set(['PSB', 'CAB', 'MSA']);
const RESOURCES = new Map([
  ['PSB-HH', 'PSB'],
  ['CAB-MAR', 'CAB'],
  ['MSA-ENT', 'MSA'],
]);
const ctx: EventValidationContext = { timeZone: 'Asia/Shanghai', departments: (c) => DEPTS.has(c), resourceDept: (c) => RESOURCES.get(c) };

type Raw = Record<string, unknown>;
const at = '2026-10-09T10:00:00+08:00';
const RU: Raw = { id: 'e1', type: 'resource.updated', at, dept: 'PSB', resource: 'PSB-HH', records: 10, complete_records: 9 };
const RS: Raw = { id: 'e2', type: 'request.submitted', at, dept: 'PSB', request: 'RQ-1', resource: 'PSB-HH', requester: 'CAB' };
const RA: Raw = { id: 'e3', type: 'request.answered', at, dept: 'PSB', request: 'RQ-1', decision: 'approved' };
const OR: Raw = { id: 'e4', type: 'objection.raised', at, dept: 'PSB', objection: 'OB-1', resource: 'PSB-HH', raised_by: 'PSB' };
const OS: Raw = { id: 'e5', type: 'objection.resolved', at, dept: 'PSB', objection: 'OB-1' };
const AC: Raw = { id: 'e6', type: 'api.called', at, dept: 'MSA', resource: 'MSA-ENT', consumer: 'MSA', status: 200, latency_ms: 0 };

/** The CSV record a row with the same values would give: strings, empty cells left out. */
function asCsv(rec: Raw): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec)) if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  return out;
}

const reasonOf = (rec: unknown, source: 'json' | 'csv' = 'json') => {
  const v = validateEvent(rec, ctx, source);
  return v.ok ? 'ok' : v.reason;
};

const MISSING = undefined;

// [label, base, patch, expected reason ('ok' when valid)]; checked for JSON and for the same values in CSV.
const cases: [string, Raw, Raw, string][] = [
  ['resource.updated', RU, {}, 'ok'],
  ['request.submitted', RS, {}, 'ok'],
  ['request.answered', RA, {}, 'ok'],
  ['objection.raised', OR, {}, 'ok'],
  ['objection.resolved', OS, {}, 'ok'],
  ['api.called', AC, {}, 'ok'],
  ['unknown fields are ignored', OS, { resource: 'NOPE', note: 'x' }, 'ok'],
  ['id missing', RU, { id: MISSING }, 'missing field "id"'],
  ['id null', RU, { id: null }, 'missing field "id"'],
  ['id empty', RU, { id: '' }, 'missing field "id"'],
  ['id 128 chars', RU, { id: 'x'.repeat(128) }, 'ok'],
  ['id 128 characters outside the BMP', RU, { id: '𠀀'.repeat(128) }, 'ok'],
  ['id 129 chars', RU, { id: 'x'.repeat(129) }, 'field "id" is longer than 128 characters'],
  ['type missing', RU, { type: MISSING }, 'missing field "type"'],
  ['type unknown', RU, { type: 'resource.deleted' }, 'unknown event type "resource.deleted"'],
  ['at missing', RU, { at: MISSING }, 'missing field "at"'],
  ['at local time', RU, { at: '2026-10-09 10:00:00' }, 'ok'],
  ['at UTC with fraction', RU, { at: '2026-10-09T02:00:00.123Z' }, 'ok'],
  ['at impossible date', RU, { at: '2026-09-31T10:00:00+08:00' }, 'field "at" is not an ISO-8601 timestamp: "2026-09-31T10:00:00+08:00"'],
  ['at impossible hour', RU, { at: '2026-10-09 25:00:00' }, 'field "at" is not an ISO-8601 timestamp: "2026-10-09 25:00:00"'],
  ['at without seconds', RU, { at: '2026-10-09T10:00' }, 'field "at" is not an ISO-8601 timestamp: "2026-10-09T10:00"'],
  ['dept missing', RU, { dept: MISSING }, 'missing field "dept"'],
  ['dept unknown', RU, { dept: 'XYZ' }, 'unknown department "XYZ"'],
  ['resource missing', RU, { resource: MISSING }, 'missing field "resource"'],
  ['resource unknown', RU, { resource: 'NOPE' }, 'unknown resource "NOPE"'],
  ['resource of another dept', RU, { resource: 'CAB-MAR' }, 'resource "CAB-MAR" does not belong to department "PSB"'],
  ['records missing', RU, { records: MISSING }, 'missing field "records"'],
  ['records negative', RU, { records: -1 }, 'field "records" must be an integer >= 0, not -1'],
  ['records fractional', RU, { records: 1.5 }, 'field "records" must be an integer >= 0, not 1.5'],
  ['records 0 of 0', RU, { records: 0, complete_records: 0 }, 'ok'],
  ['complete_records = records', RU, { complete_records: 10 }, 'ok'],
  ['complete_records > records', RU, { complete_records: 11 }, 'complete_records > records'],
  ['complete_records negative', RU, { complete_records: -1 }, 'field "complete_records" must be an integer >= 0, not -1'],
  ['complete_records missing', RU, { complete_records: MISSING }, 'missing field "complete_records"'],
  ['request missing', RS, { request: MISSING }, 'missing field "request"'],
  ['submitted resource of another dept', RS, { resource: 'MSA-ENT' }, 'resource "MSA-ENT" does not belong to department "PSB"'],
  ['requester missing', RS, { requester: MISSING }, 'missing field "requester"'],
  ['requester unknown', RS, { requester: 'XYZ' }, 'unknown department "XYZ" in field "requester"'],
  ['requester = dept', RS, { requester: 'PSB' }, 'field "requester" must be another department than "dept" ("PSB")'],
  ['answer request missing', RA, { request: MISSING }, 'missing field "request"'],
  ['decision missing', RA, { decision: MISSING }, 'missing field "decision"'],
  ['decision unknown', RA, { decision: 'maybe' }, 'field "decision" must be "approved" or "rejected", not "maybe"'],
  ['rejected with a reason', RA, { decision: 'rejected', reason: '涉及个人隐私' }, 'ok'],
  ['rejected without reason', RA, { decision: 'rejected' }, 'a rejected request needs a reason'],
  ['rejected with a blank reason', RA, { decision: 'rejected', reason: ' \t ' }, 'a rejected request needs a reason'],
  ['approved with a blank reason', RA, { reason: '  ' }, 'ok'],
  ['objection missing', OR, { objection: MISSING }, 'missing field "objection"'],
  ['raised on a resource of another dept', OR, { resource: 'CAB-MAR' }, 'resource "CAB-MAR" does not belong to department "PSB"'],
  ['raised_by another dept', OR, { raised_by: 'CAB' }, 'ok'],
  ['raised_by missing', OR, { raised_by: MISSING }, 'missing field "raised_by"'],
  ['raised_by unknown', OR, { raised_by: 'XYZ' }, 'unknown department "XYZ" in field "raised_by"'],
  ['resolved objection missing', OS, { objection: MISSING }, 'missing field "objection"'],
  ['resolved, dept unknown', OS, { dept: 'XYZ' }, 'unknown department "XYZ"'],
  ['api resource unknown', AC, { resource: 'NOPE' }, 'unknown resource "NOPE"'],
  ['consumer another dept', AC, { consumer: 'PSB' }, 'ok'],
  ['consumer missing', AC, { consumer: MISSING }, 'missing field "consumer"'],
  ['consumer unknown', AC, { consumer: 'XYZ' }, 'unknown department "XYZ" in field "consumer"'],
  ['status 100', AC, { status: 100 }, 'ok'],
  ['status 599', AC, { status: 599 }, 'ok'],
  ['status 99', AC, { status: 99 }, 'field "status" must be an integer from 100 to 599, not 99'],
  ['status 600', AC, { status: 600 }, 'field "status" must be an integer from 100 to 599, not 600'],
  ['status missing', AC, { status: MISSING }, 'missing field "status"'],
  ['latency fractional', AC, { latency_ms: 12.5 }, 'ok'],
  ['latency negative', AC, { latency_ms: -1 }, 'field "latency_ms" must be a number from 0 to 86400000 (one day), not -1'],
  ['latency missing', AC, { latency_ms: MISSING }, 'missing field "latency_ms"'],
  ['latency one day', AC, { latency_ms: 86400000 }, 'ok'],
  ['latency over one day', AC, { latency_ms: 86400000.5 }, 'field "latency_ms" must be a number from 0 to 86400000 (one day), not 86400000.5'],
];

describe('validateEvent bounds', () => {
  it('refuses a latency of 1e308 (it would overflow the rollup sums) with the bound as the reason', () => {
    expect(reasonOf({ ...AC, latency_ms: 1e308 })).toBe('field "latency_ms" must be a number from 0 to 86400000 (one day), not 1e+308');
    expect(reasonOf(asCsv({ ...AC, latency_ms: '1' + '0'.repeat(308) }), 'csv')).toMatch(/^field "latency_ms" must be a number from 0 to 86400000 \(one day\)/);
  });

  const received = Date.parse('2026-10-09T12:00:00Z');
  const windowed: EventValidationContext = { ...ctx, atWindow: atWindowOf('2000-01-01', 24, received) };
  const windowReason = (a: string) => {
    const v = validateEvent({ ...RU, at: a }, windowed);
    return v.ok ? 'ok' : v.reason;
  };

  it('keeps events inside the plausible window and quarantines the rest', () => {
    expect(windowReason('2000-01-01T00:00:00Z')).toBe('ok');
    expect(windowReason('2026-10-10T11:59:59Z')).toBe('ok');
    const outside = 'field "at" is outside the plausible window 2000-01-01T00:00:00.000Z to 2026-10-10T12:00:00.000Z: ';
    expect(windowReason('1999-12-31T23:59:59Z')).toBe(`${outside}"1999-12-31T23:59:59Z"`);
    expect(windowReason('1970-01-01T00:00:00Z')).toBe(`${outside}"1970-01-01T00:00:00Z"`);
    expect(windowReason('2026-10-10T12:00:00Z')).toBe(`${outside}"2026-10-10T12:00:00Z"`);
    expect(windowReason('2999-01-01T00:00:00Z')).toBe(`${outside}"2999-01-01T00:00:00Z"`);
  });

  it('without a window only the storable range applies', () => {
    expect(reasonOf({ ...RU, at: '1970-01-01T00:00:00Z' })).toBe('ok');
  });
});

describe('validateEvent', () => {
  it.each(cases)('%s', (_label, base, patch, expected) => {
    const rec = { ...base, ...patch };
    expect(reasonOf(rec, 'json')).toBe(expected);
    expect(reasonOf(asCsv(rec), 'csv')).toBe(expected.replace(/, not (-?[\d.]+)$/, ', not "$1"'));
  });

  it.each([
    ['records', { records: '12' }, 'field "records" must be an integer >= 0, not "12"'],
    ['records', { records: true }, 'field "records" must be an integer >= 0, not true'],
    ['records', { records: 1e300 }, 'field "records" must be an integer >= 0, not 1e+300'],
    ['status', { status: '200' }, 'field "status" must be an integer from 100 to 599, not "200"'],
    ['latency_ms', { latency_ms: '80' }, 'field "latency_ms" must be a number from 0 to 86400000 (one day), not "80"'],
    ['id', { id: 42 }, 'field "id" must be a string, not 42'],
    ['dept', { dept: ['PSB'] }, 'field "dept" must be a string, not ["PSB"]'],
    ['at', { at: 1791511200000 }, 'field "at" must be a string, not 1791511200000'],
  ])('JSON: %s %j is invalid', (_f, patch, expected) => {
    const base = 'latency_ms' in patch || 'status' in patch ? AC : RU;
    expect(reasonOf({ ...base, ...patch })).toBe(expected);
  });

  it('JSON: an integral value written 12.0 is an integer', () => {
    expect(
      reasonOf(
        JSON.parse('{"id":"e","type":"resource.updated","at":"2026-10-09 10:00:00","dept":"PSB","resource":"PSB-HH","records":12.0,"complete_records":1.0}'),
      ),
    ).toBe('ok');
  });

  it.each([
    ['records', '12', 'ok'],
    ['records', '007', 'ok'],
    ['records', '+12', 'field "records" must be an integer >= 0, not "+12"'],
    ['records', ' 12', 'field "records" must be an integer >= 0, not " 12"'],
    ['records', '12.0', 'field "records" must be an integer >= 0, not "12.0"'],
    ['records', '1e1', 'field "records" must be an integer >= 0, not "1e1"'],
    ['records', '-3', 'field "records" must be an integer >= 0, not "-3"'],
    ['status', '404', 'ok'],
    ['status', '2OO', 'field "status" must be an integer from 100 to 599, not "2OO"'],
    ['latency_ms', '80.25', 'ok'],
    ['latency_ms', '.5', 'field "latency_ms" must be a number from 0 to 86400000 (one day), not ".5"'],
    ['latency_ms', '1e3', 'field "latency_ms" must be a number from 0 to 86400000 (one day), not "1e3"'],
  ])('CSV: %s %j', (field, value, expected) => {
    const base = field === 'records' ? RU : AC;
    expect(reasonOf({ ...asCsv(base), [field]: value, ...(field === 'records' ? { complete_records: '0' } : {}) }, 'csv')).toBe(expected);
  });

  it('refuses what is not an object and passes a ParseError on', () => {
    expect(reasonOf([RU])).toBe('invalid JSON');
    expect(reasonOf(null)).toBe('invalid JSON');
    expect(reasonOf('x')).toBe('invalid JSON');
    expect(reasonOf(new ParseError('invalid CSV: unterminated quoted field'))).toBe('invalid CSV: unterminated quoted field');
  });

  it('normalizes each type to its contract fields', () => {
    const norm = (rec: Raw) => {
      const v = validateEvent({ ...rec, extra: 1 }, ctx, 'json');
      if (!v.ok) throw new Error(v.reason);
      return v.event;
    };
    const ms = Date.UTC(2026, 9, 9, 2);
    const common = { at: ms, atText: at, dept: 'PSB' };
    expect(norm(RU)).toEqual({ id: 'e1', type: 'resource.updated', ...common, resource: 'PSB-HH', records: 10, completeRecords: 9 });
    expect(norm(RS)).toEqual({ id: 'e2', type: 'request.submitted', ...common, request: 'RQ-1', resource: 'PSB-HH', requester: 'CAB' });
    expect(norm({ ...RA, decision: 'rejected', reason: '不予共享' })).toEqual({
      id: 'e3',
      type: 'request.answered',
      ...common,
      request: 'RQ-1',
      decision: 'rejected',
      reason: '不予共享',
    });
    expect(norm(OR)).toEqual({ id: 'e4', type: 'objection.raised', ...common, objection: 'OB-1', resource: 'PSB-HH', raisedBy: 'PSB' });
    expect(norm(OS)).toEqual({ id: 'e5', type: 'objection.resolved', ...common, objection: 'OB-1' });
    expect(norm(AC)).toEqual({ id: 'e6', type: 'api.called', ...common, dept: 'MSA', resource: 'MSA-ENT', consumer: 'MSA', status: 200, latencyMs: 0 });
    expect(norm({ ...RU, at: '2026-10-09 10:00:00' }).at).toBe(ms);
    expect(validateEvent({ ...RU, at: '2026-10-09 10:00:00' }, { ...ctx, timeZone: 'UTC' }, 'json')).toMatchObject({ event: { at: ms + 8 * 3600_000 } });
  });
});

describe('contentHash', () => {
  const hashOf = (rec: unknown, source: 'json' | 'csv' = 'json') => {
    const v = validateEvent(rec, ctx, source);
    if (!v.ok) throw new Error(v.reason);
    return v.contentHash;
  };
  const h = hashOf(RU);

  it('is a hex digest', () => {
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores key order, spacing, unknown fields, other types' fields and the number notation", () => {
    const text =
      '{ "complete_records" : 9.0, "records": 1e1, "resource":"PSB-HH", "dept":"PSB", "at":"2026-10-09T10:00:00+08:00", "type":"resource.updated", "id":"e1", "consumer":"CAB", "note":{"a":1} }';
    expect(hashOf(JSON.parse(text))).toBe(h);
  });

  it('compares at as an instant', () => {
    expect(hashOf({ ...RU, at: '2026-10-09T02:00:00Z' })).toBe(h);
    expect(hashOf({ ...RU, at: '2026-10-09 10:00:00' })).toBe(h);
    expect(hashOf({ ...RU, at: '2026-10-09T10:00:00.000+08:00' })).toBe(h);
    expect(hashOf({ ...RU, at: '2026-10-09T10:00:01+08:00' })).not.toBe(h);
  });

  it('is the same from CSV', () => {
    for (const rec of [RU, RS, RA, OR, OS, AC, { ...RA, decision: 'rejected', reason: 'x, "y"' }]) {
      expect(hashOf(asCsv(rec), 'csv')).toBe(hashOf(rec));
    }
    expect(hashOf({ ...asCsv(RU), records: '0010' }, 'csv')).toBe(h);
    expect(hashOf({ ...asCsv(AC), latency_ms: '0.0' }, 'csv')).toBe(hashOf(AC));
  });

  it('differs when a contract field differs', () => {
    expect(hashOf({ ...RU, records: 11 })).not.toBe(h);
    expect(hashOf({ ...RU, id: 'e1b' })).not.toBe(h);
    expect(hashOf({ ...RA, reason: 'because' })).not.toBe(hashOf(RA));
    expect(hashOf({ ...RA, reason: '   ' })).toBe(hashOf(RA));
    expect(hashOf({ ...AC, latency_ms: 0.5 })).not.toBe(hashOf(AC));
  });
});
