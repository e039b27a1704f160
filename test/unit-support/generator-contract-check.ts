// A small, independent checker of the core rules of sharing-log.md, used by
// the generator's tests to verify what it writes (not the product's importer).

import type { City } from '../../apps/api/src/modules/demo/generator/types';

export type LineVerdict =
  | { ok: true; event: CheckedEvent }
  | { ok: false; category: 'invalid JSON' | 'unknown department' | 'complete_records > records' | 'invalid at' | 'other'; reason: string };

export interface CheckedEvent {
  id: string;
  type: string;
  /** Epoch milliseconds. */
  at: number;
  /** The `at` text as written. */
  atText: string;
  dept: string;
  fields: Record<string, unknown>;
  /** Type-specific content, `at` as an instant: equal keys mean the same content. */
  key: string;
}

const AT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const FIELDS: Record<string, readonly string[]> = {
  'resource.updated': ['resource', 'records', 'complete_records'],
  'request.submitted': ['request', 'resource', 'requester'],
  'request.answered': ['request', 'decision', 'reason'],
  'objection.raised': ['objection', 'resource', 'raised_by'],
  'objection.resolved': ['objection'],
  'api.called': ['resource', 'consumer', 'status', 'latency_ms'],
};

/** Epoch ms of a contract timestamp (local time taken as +08:00), or null when invalid. */
export function parseAt(text: string): number | null {
  const m = AT.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const dayMs = Date.UTC(y, mo - 1, d);
  const back = new Date(dayMs);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  const frac = m[7] ? Number(`0${m[7]}`) * 1000 : 0;
  let offsetMin = 8 * 60;
  if (m[8] === 'Z') offsetMin = 0;
  else if (m[8]) {
    const sign = m[8][0] === '-' ? -1 : 1;
    const [oh, om] = m[8].slice(1).split(':').map(Number);
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  return dayMs + ((h * 60 + mi) * 60 + s) * 1000 + Math.floor(frac) - offsetMin * 60_000;
}

const present = (v: unknown) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function makeChecker(city: City): (line: string) => LineVerdict {
  const depts = new Set(city.departments.map((d) => d.code));
  const resDept = new Map(city.resources.map((r) => [r.code, r.dept]));
  return (line: string): LineVerdict => {
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch {
      return { ok: false, category: 'invalid JSON', reason: 'invalid JSON' };
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return { ok: false, category: 'invalid JSON', reason: 'not an object' };
    const e = o as Record<string, unknown>;
    const other = (reason: string): LineVerdict => ({ ok: false, category: 'other', reason });
    for (const f of ['id', 'type', 'at', 'dept']) if (!present(e[f])) return other(`missing field "${f}"`);
    if (typeof e.id !== 'string' || e.id.length > 128) return other('bad id');
    const type = e.type as string;
    const fields = FIELDS[type];
    if (!fields) return other(`unknown type ${String(type)}`);
    if (typeof e.at !== 'string') return { ok: false, category: 'invalid at', reason: 'at not a string' };
    const at = parseAt(e.at);
    if (at === null) return { ok: false, category: 'invalid at', reason: `invalid at ${e.at}` };
    const dept = e.dept as string;
    if (typeof dept !== 'string' || !depts.has(dept)) return { ok: false, category: 'unknown department', reason: `unknown department ${String(dept)}` };
    const required = type === 'request.answered' ? ['request', 'decision'] : fields;
    for (const f of required) if (!present(e[f])) return other(`missing field "${f}"`);
    if (fields.includes('resource')) {
      if (typeof e.resource !== 'string' || !resDept.has(e.resource)) return other(`unknown resource ${String(e.resource)}`);
      if (resDept.get(e.resource) !== dept) return other(`resource ${e.resource} does not belong to ${dept}`);
    }
    switch (type) {
      case 'resource.updated':
        if (!isInt(e.records) || e.records < 0) return other('bad records');
        if (!isInt(e.complete_records) || e.complete_records < 0) return other('bad complete_records');
        if (e.complete_records > e.records) return { ok: false, category: 'complete_records > records', reason: 'complete_records > records' };
        break;
      case 'request.submitted':
        if (typeof e.request !== 'string') return other('bad request');
        if (typeof e.requester !== 'string' || !depts.has(e.requester)) return other('unknown requester');
        if (e.requester === dept) return other('requester = dept');
        break;
      case 'request.answered':
        if (typeof e.request !== 'string') return other('bad request');
        if (e.decision !== 'approved' && e.decision !== 'rejected') return other('bad decision');
        if (e.decision === 'rejected' && !present(e.reason)) return other('a rejected request needs a reason');
        break;
      case 'objection.raised':
        if (typeof e.raised_by !== 'string' || !depts.has(e.raised_by)) return other('unknown raised_by');
        break;
      case 'objection.resolved':
        if (typeof e.objection !== 'string') return other('bad objection');
        break;
      case 'api.called':
        if (typeof e.consumer !== 'string' || !depts.has(e.consumer)) return other('unknown consumer');
        if (!isInt(e.status) || e.status < 100 || e.status > 599) return other('bad status');
        if (typeof e.latency_ms !== 'number' || !(e.latency_ms >= 0)) return other('bad latency_ms');
        break;
    }
    const content = fields.map((f) => (present(e[f]) ? e[f] : null));
    const key = JSON.stringify([type, at, dept, ...content]);
    return { ok: true, event: { id: e.id, type, at, atText: e.at, dept, fields: e, key } };
  };
}

export interface IngestSimulation {
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  byCategory: Record<string, number>;
  conflicts: number;
  otherReasons: string[];
}

/**
 * What an importer following sharing-log.md does with the lines: accepted,
 * duplicate (same id, same content) or quarantined (invalid, or same id with
 * different content). `onAccepted` sees each stored event in order.
 */
export function simulateIngest(lines: Iterable<string>, city: City, onAccepted?: (e: CheckedEvent) => void): IngestSimulation {
  const check = makeChecker(city);
  const stored = new Map<string, string>();
  const r: IngestSimulation = { read: 0, accepted: 0, duplicates: 0, quarantined: 0, byCategory: {}, conflicts: 0, otherReasons: [] };
  for (const line of lines) {
    if (line.trim() === '') continue;
    r.read++;
    const v = check(line);
    if (!v.ok) {
      r.quarantined++;
      r.byCategory[v.category] = (r.byCategory[v.category] ?? 0) + 1;
      if (v.category === 'other' && r.otherReasons.length < 20) r.otherReasons.push(`${v.reason}: ${line}`);
      continue;
    }
    const prev = stored.get(v.event.id);
    if (prev === undefined) {
      stored.set(v.event.id, v.event.key);
      r.accepted++;
      onAccepted?.(v.event);
    } else if (prev === v.event.key) {
      r.duplicates++;
    } else {
      r.quarantined++;
      r.conflicts++;
    }
  }
  return r;
}
