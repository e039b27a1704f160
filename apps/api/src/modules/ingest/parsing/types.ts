// Types shared by the event readers and the validator (docs: /work/shared/spec/sharing-log.md).

export type InputFormat = 'ndjson' | 'csv';

export const EVENT_TYPES = ['resource.updated', 'request.submitted', 'request.answered', 'objection.raised', 'objection.resolved', 'api.called'] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** A valid event, with the contract's fields for its type only (unknown fields are dropped). */
export interface NormalizedEvent {
  id: string;
  type: EventType;
  /** Epoch milliseconds. */
  at: number;
  /** The `at` text as written in the source. */
  atText?: string;
  dept: string;
  resource?: string;
  records?: number;
  completeRecords?: number;
  request?: string;
  requester?: string;
  decision?: 'approved' | 'rejected';
  reason?: string;
  objection?: string;
  raisedBy?: string;
  consumer?: string;
  status?: number;
  latencyMs?: number;
}

/** A line that could not be turned into a record (invalid JSON, malformed CSV record, ...). */
export class ParseError {
  constructor(readonly reason: string) {}
}

/** One line read from an event file: an NDJSON line or a CSV record. */
export interface EventLine {
  /** Physical (1-based) line number of the line's first line; the CSV header counts. */
  line: number;
  /** The line verbatim (without its line terminator); a CSV record spanning lines keeps its inner line breaks. */
  text: string;
  /** The parsed JSON object, the CSV record as `{ column: cell }` (empty cells left out), or a ParseError. */
  record: unknown;
  /** CSV only: the file's header columns (one shared array), to replay the line with csvRecord. */
  csvColumns?: readonly string[];
}

export interface EventValidationContext {
  /** Assessment time zone for `at` values without an offset; default Asia/Shanghai. */
  timeZone?: string;
  departments: (code: string) => boolean;
  /** The provider department of a resource, undefined when the resource does not exist. */
  resourceDept: (code: string) => string | undefined;
  /** Plausible event times [from, to) in epoch ms; an `at` outside is quarantined. Absent: only the storable range. */
  atWindow?: { from: number; to: number };
}

export type EventValidation = { ok: true; event: NormalizedEvent; contentHash: string } | { ok: false; reason: string };
