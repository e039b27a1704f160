import { DEFAULT_TIME_ZONE } from '@app/scoring';
import { contentHash } from './content-hash';
import { createTimestampParser, type TimestampParser } from './fast-timestamp';
import { InvalidEvent, charLength, fail, optionalString, requiredInteger, requiredNumber, requiredString, show, type RawRecord } from './field-readers';
import { EVENT_TYPES, ParseError, type EventType, type EventValidation, type EventValidationContext, type NormalizedEvent } from './types';

const MAX_ID_CHARS = 128;
/** sharing-log.md: a call lasts at most one day. */
export const MAX_LATENCY_MS = 86_400_000;
/**
 * The instants the database can hold with their local day in any time zone:
 * year 0000 does not exist and five-digit years do not parse.
 */
const FIRST_STORABLE_AT = Date.parse('0001-01-02T00:00:00Z');
const END_STORABLE_AT = Date.parse('9999-12-31T00:00:00Z');
const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/** The plausible event times for a batch received at `receivedAt`: from the earliest day (UTC) to `aheadHours` after receipt. */
export function atWindowOf(earliestDay: string, aheadHours: number, receivedAt: number): { from: number; to: number } {
  return { from: Date.parse(`${earliestDay}T00:00:00Z`), to: receivedAt + aheadHours * 3_600_000 };
}

/** parseTimestamp, sped up, one per time zone. */
const timestampParsers = new Map<string, TimestampParser>();

function timestampParser(timeZone: string): TimestampParser {
  let parser = timestampParsers.get(timeZone);
  if (parser === undefined) {
    parser = createTimestampParser(timeZone);
    timestampParsers.set(timeZone, parser);
  }
  return parser;
}

function department(rec: RawRecord, name: string, ctx: EventValidationContext): string {
  const code = requiredString(rec, name);
  if (!ctx.departments(code)) fail(name === 'dept' ? `unknown department ${show(code)}` : `unknown department ${show(code)} in field "${name}"`);
  return code;
}

function resourceOf(rec: RawRecord, dept: string, ctx: EventValidationContext): string {
  const code = requiredString(rec, 'resource');
  const owner = ctx.resourceDept(code);
  if (owner === undefined) fail(`unknown resource ${show(code)}`);
  if (owner !== dept) fail(`resource ${show(code)} does not belong to department ${show(dept)}`);
  return code;
}

function normalize(rec: RawRecord, ctx: EventValidationContext, csv: boolean): NormalizedEvent {
  const id = requiredString(rec, 'id');
  if (id.length > MAX_ID_CHARS && charLength(id) > MAX_ID_CHARS) fail(`field "id" is longer than ${MAX_ID_CHARS} characters`);
  const type = requiredString(rec, 'type');
  if (!TYPES.has(type)) fail(`unknown event type ${show(type)}`);
  const atText = requiredString(rec, 'at');
  const at = timestampParser(ctx.timeZone ?? DEFAULT_TIME_ZONE)(atText);
  if (at === null) fail(`field "at" is not an ISO-8601 timestamp: ${show(atText)}`);
  if (at < FIRST_STORABLE_AT || at >= END_STORABLE_AT) fail(`field "at" is outside the supported range 0001-01-02 to 9999-12-30: ${show(atText)}`);
  const window = ctx.atWindow;
  if (window && (at < window.from || at >= window.to)) {
    fail(`field "at" is outside the plausible window ${new Date(window.from).toISOString()} to ${new Date(window.to).toISOString()}: ${show(atText)}`);
  }
  const dept = department(rec, 'dept', ctx);
  const e: NormalizedEvent = { id, type: type as EventType, at, atText, dept };

  switch (e.type) {
    case 'resource.updated': {
      e.resource = resourceOf(rec, dept, ctx);
      e.records = requiredInteger(rec, 'records', csv, 'an integer >= 0', (n) => n >= 0);
      e.completeRecords = requiredInteger(rec, 'complete_records', csv, 'an integer >= 0', (n) => n >= 0);
      if (e.completeRecords > e.records) fail('complete_records > records');
      break;
    }
    case 'request.submitted': {
      e.request = requiredString(rec, 'request');
      e.resource = resourceOf(rec, dept, ctx);
      e.requester = department(rec, 'requester', ctx);
      if (e.requester === dept) fail(`field "requester" must be another department than "dept" (${show(dept)})`);
      break;
    }
    case 'request.answered': {
      e.request = requiredString(rec, 'request');
      const decision = requiredString(rec, 'decision');
      if (decision !== 'approved' && decision !== 'rejected') fail(`field "decision" must be "approved" or "rejected", not ${show(decision)}`);
      e.decision = decision;
      const reason = optionalString(rec, 'reason');
      const hasReason = reason !== undefined && reason.trim() !== '';
      if (decision === 'rejected' && !hasReason) fail('a rejected request needs a reason');
      if (hasReason) e.reason = reason;
      break;
    }
    case 'objection.raised': {
      e.objection = requiredString(rec, 'objection');
      e.resource = resourceOf(rec, dept, ctx);
      e.raisedBy = department(rec, 'raised_by', ctx);
      break;
    }
    case 'objection.resolved': {
      e.objection = requiredString(rec, 'objection');
      break;
    }
    case 'api.called': {
      e.resource = resourceOf(rec, dept, ctx);
      e.consumer = department(rec, 'consumer', ctx);
      e.status = requiredInteger(rec, 'status', csv, 'an integer from 100 to 599', (n) => n >= 100 && n <= 599);
      e.latencyMs = requiredNumber(rec, 'latency_ms', csv, `a number from 0 to ${MAX_LATENCY_MS} (one day)`, (n) => n >= 0 && n <= MAX_LATENCY_MS);
      break;
    }
  }
  return e;
}

/**
 * Checks one record against every rule of sharing-log.md and normalizes it. `record` is a
 * parsed NDJSON object (source 'json') or a CSV record of strings (source 'csv'), or the
 * ParseError of a line that could not be parsed. Checks run id, type, at, dept, then the
 * type's fields in the contract's order; the first violation is the reason.
 */
export function validateEvent(record: unknown, ctx: EventValidationContext, source: 'json' | 'csv' = 'json'): EventValidation {
  if (record instanceof ParseError) return { ok: false, reason: record.reason };
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { ok: false, reason: 'invalid JSON' };
  try {
    const event = normalize(record as RawRecord, ctx, source === 'csv');
    return { ok: true, event, contentHash: contentHash(event) };
  } catch (err) {
    if (err instanceof InvalidEvent) return { ok: false, reason: err.reason };
    throw err;
  }
}
