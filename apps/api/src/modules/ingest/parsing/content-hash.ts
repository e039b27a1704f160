import { hash } from 'node:crypto';
import type { NormalizedEvent } from './types';

/** A string value, length-prefixed so that no separator can be forged; absent is "-". */
function str(v: string | undefined): string {
  return v === undefined ? '-|' : `${v.length}:${v}|`;
}

/** A number in JS canonical form (12 and 12.0 alike; -0 is 0). */
function num(v: number | undefined): string {
  return v === undefined ? '-|' : `${v}|`;
}

/**
 * The canonical content of an event: format version, id, type, `at` as the instant (epoch ms),
 * dept, then the contract's fields of its type in a fixed order (sharing-log.md, "Type-specific
 * fields"), absent ones marked. Key order, spacing, unknown fields, the source format and the way
 * `at` or a number is written do not change it.
 */
export function canonicalContent(e: NormalizedEvent): string {
  const head = `1|${str(e.id)}${e.type}|${e.at}|${str(e.dept)}`;
  switch (e.type) {
    case 'resource.updated':
      return `${head}${str(e.resource)}${num(e.records)}${num(e.completeRecords)}`;
    case 'request.submitted':
      return `${head}${str(e.request)}${str(e.resource)}${str(e.requester)}`;
    case 'request.answered':
      return `${head}${str(e.request)}${str(e.decision)}${str(e.reason)}`;
    case 'objection.raised':
      return `${head}${str(e.objection)}${str(e.resource)}${str(e.raisedBy)}`;
    case 'objection.resolved':
      return `${head}${str(e.objection)}`;
    case 'api.called':
      return `${head}${str(e.resource)}${str(e.consumer)}${num(e.status)}${num(e.latencyMs)}`;
  }
}

/** SHA-256 (hex, 64 chars) of the canonical content; equal for a duplicate, different for a conflict. */
export function contentHash(e: NormalizedEvent): string {
  return hash('sha256', canonicalContent(e), 'hex');
}
