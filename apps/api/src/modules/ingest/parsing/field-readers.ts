// Reading contract fields from a parsed JSON object or a CSV record (all cells strings).
// JSON null, "" and an empty CSV cell (never stored) are absent.

export type RawRecord = Record<string, unknown>;

/** A rule violation; validateEvent turns it into `{ ok: false, reason }`. */
export class InvalidEvent {
  constructor(readonly reason: string) {}
}

export function fail(reason: string): never {
  // Control flow on the per-line hot path: an Error would capture a stack trace for every bad line.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new InvalidEvent(reason);
}

const SHOWN_CHARS = 80;

/** A value as it appears in a reason: JSON, cut to a readable length. */
export function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > SHOWN_CHARS ? `${json.slice(0, SHOWN_CHARS)}…` : json;
}

export function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

export function optionalString(rec: RawRecord, name: string): string | undefined {
  const v = rec[name];
  if (isAbsent(v)) return undefined;
  if (typeof v !== 'string') fail(`field "${name}" must be a string, not ${show(v)}`);
  if (v.includes('\u0000')) fail(`field "${name}" contains a NUL character`);
  return v;
}

export function requiredString(rec: RawRecord, name: string): string {
  const v = optionalString(rec, name);
  if (v === undefined) fail(`missing field "${name}"`);
  return v;
}

const CSV_INTEGER = /^-?\d+$/;
const CSV_NUMBER = /^-?\d+(?:\.\d+)?$/;

function numberValue(v: unknown, csv: boolean, integer: boolean): number | undefined {
  if (csv) {
    if (typeof v !== 'string' || !(integer ? CSV_INTEGER : CSV_NUMBER).test(v)) return undefined;
    const n = Number(v);
    return integer && !Number.isSafeInteger(n) ? undefined : n;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  return integer && !Number.isSafeInteger(v) ? undefined : v;
}

/**
 * A required integer (JSON: a number with an integral value, CSV: decimal digits with an
 * optional leading -) satisfying `inRange`; `expected` words the rule for the reason.
 */
export function requiredInteger(rec: RawRecord, name: string, csv: boolean, expected: string, inRange: (n: number) => boolean): number {
  return requiredNumeric(rec, name, csv, true, expected, inRange);
}

/** A required number (JSON number; CSV plain decimal, fraction allowed) satisfying `inRange`. */
export function requiredNumber(rec: RawRecord, name: string, csv: boolean, expected: string, inRange: (n: number) => boolean): number {
  return requiredNumeric(rec, name, csv, false, expected, inRange);
}

function requiredNumeric(rec: RawRecord, name: string, csv: boolean, integer: boolean, expected: string, inRange: (n: number) => boolean): number {
  const v = rec[name];
  if (isAbsent(v)) fail(`missing field "${name}"`);
  const n = numberValue(v, csv, integer);
  if (n === undefined || !inRange(n)) fail(`field "${name}" must be ${expected}, not ${show(v)}`);
  return n === 0 ? 0 : n; // -0 is 0
}

/** Length in characters (code points), as the contract counts it. */
export function charLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
