import fc from 'fast-check';
import { gzipSync } from 'node:zlib';

/** Generators of bad input for the HTTP API: what a confused client, a fuzzer or an attacker sends. */

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202e',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
  "'; drop table event; --",
  '../../../etc/passwd',
  '%00',
  '%',
  '\\',
  '\\\\%_',
  '😀',
  '\ud800',
  '市公安局',
  '\r\n',
  '<script>alert(1)</script>',
  '=cmd|calc!A1',
];

/**
 * Any string a client might send: random text, random code points (NUL,
 * lone surrogates, astral characters), known troublemakers and long runs.
 * Long runs stay under 1500 characters so a URL with several of them fits
 * Node's 16 kB header limit (beyond it Node itself answers 431).
 */
export const garbageString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 1500 }).map((n) => 'x'.repeat(n)) },
);

const PERIODS = [
  '2026-13',
  '2026-00',
  '2026-Q0',
  '2026-Q5',
  '2026-q4',
  '2026-H1',
  '2026-1',
  '26-10',
  '2026/10',
  '2026-10-01',
  'Q4-2026',
  '0000',
  '0000-01',
  '0001',
  '0001-01',
  '0001-Q1',
  '9999',
  '9999-12',
  '9999-Q4',
  '1969-12',
  '3000-01',
  '99999',
  ' 2026-10',
  '2026-10 ',
  '２０２６-10',
  '2026-10',
  '2026-Q4',
  '2026',
  '2025-12',
];
export const periodLike: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PERIODS) }, { weight: 1, arbitrary: garbageString });

const DEPTS = ['CAB', 'MSA', 'PSB', 'EDU', 'NOPE', 'cab', 'CAB ', 'C%AB', '../CAB', 'A'.repeat(32), 'A'.repeat(33), '-', '_', 'CAB,MSA', '٣'];
export const deptLike: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DEPTS) }, { weight: 1, arbitrary: garbageString });

const INSTANTS = [
  '2026-11-05T00:00:00+08:00',
  '2026-11-05T00:00:00Z',
  '2026-11-05',
  '2026-11-05T00:00:00+25:00',
  '2026-11-05T24:00:00Z',
  '2026-02-30T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-03-29T02:30:00',
  'yesterday',
  'now',
  '1730736000000',
];
export const instantLike: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...INSTANTS) }, { weight: 1, arbitrary: garbageString });

const NUMBERS = ['-1', '0', '1', '1.5', '1e3', '1e309', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '99999999999999999999', '0x10', ' 5', 'abc', ''];
export const numberLike: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: garbageString },
);

const DATES = ['2026-10-01', '2026-02-29', '2026-02-30', '2026-13-01', '0000-01-01', '0001-01-01', '9999-12-31', '2026-1-1', '20261001'];
export const dateLike: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: garbageString });

const REPORT_FILES = [
  '2026-10.csv',
  '2026-10.xlsx',
  '2026-Q4.csv',
  '9999-12.csv',
  '0001-01.csv',
  '2026-13.csv',
  '2026-10.exe',
  '2026-10',
  '.csv',
  '2026-10.csv.csv',
  '..%2F2026-10.csv',
];
export const reportFileLike: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...REPORT_FILES) },
  { weight: 1, arbitrary: garbageString },
);

/** Values for a parameter, by name: plausible, borderline and outright wrong. */
export function valuesFor(name: string, valid: string | undefined): fc.Arbitrary<string> {
  const specific: Record<string, fc.Arbitrary<string>> = {
    period: periodLike,
    from: periodLike,
    to: periodLike,
    code: deptLike,
    dept: deptLike,
    asOf: instantLike,
    limit: numberLike,
    offset: numberLike,
    id: numberLike,
    date: dateLike,
    file: reportFileLike,
    ids: fc.oneof(
      fc.constantFrom('ex-0001', 'ex-0001,ex-0067', ',,,', ' , ', Array.from({ length: 501 }, (_, i) => `x${i}`).join(',')),
      fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 20 }).map((a) => a.join(',')),
    ),
  };
  const arb = specific[name] ?? garbageString;
  // Mostly valid, so the garbage in one parameter reaches the code behind the validation of the others.
  return valid === undefined ? arb : fc.oneof({ weight: 2, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: arb });
}

/** A JSON value of any shape, sometimes deep or long. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, '', [], {}, [[[[[[[[[[]]]]]]]]]], 'x'.repeat(5000)) },
);

/** One field of a value is garbage, the rest plausible. */
function mostly(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(shape, { requiredKeys: [] });
}

const EVENT_TYPES = ['resource.updated', 'request.submitted', 'request.answered', 'objection.raised', 'objection.resolved', 'api.called'];
const RESOURCES = ['PSB-HH', 'PSB-VEH', 'CAB-MAR', 'CAB-AID', 'MSA-ENT', 'MSA-LIC'];
const bigNumberish = fc.oneof(
  fc.integer({ min: 0, max: 5000 }),
  fc.constantFrom(-1, 1.5, 1e300, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 63, '12', null, true, [], {}),
);

/** Sharing-log events (sharing-log.md) with plausible fields and garbage in some. */
export const nearlyValidEvent: fc.Arbitrary<Record<string, unknown>> = mostly({
  id: fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }).map((s) => `g-${s}`),
    garbageString,
  ),
  type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EVENT_TYPES) }, { weight: 1, arbitrary: garbageString }),
  at: fc.oneof({ weight: 2, arbitrary: fc.constantFrom('2026-10-15T10:00:00+08:00', '2026-10-15 10:00:00') }, { weight: 2, arbitrary: instantLike }),
  dept: deptLike,
  resource: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...RESOURCES) }, { weight: 1, arbitrary: garbageString }),
  records: bigNumberish,
  complete_records: bigNumberish,
  requester: deptLike,
  request: fc.oneof(fc.constantFrom('RQ-1', 'RQ-3'), garbageString),
  decision: fc.oneof(fc.constantFrom('approved', 'rejected'), garbageString),
  raised_by: deptLike,
  objection: fc.oneof(fc.constant('OB-1'), garbageString),
  consumer: deptLike,
  status: bigNumberish,
  latency_ms: bigNumberish,
});

/** A CSV cell: plausible values and garbage (quotes, separators, NUL, formulas). */
const csvCell = fc.oneof(
  fc.constantFrom(
    'CAB',
    'MSA',
    'NEW',
    'daily',
    'weekly',
    'monthly',
    'on_demand',
    'holiday',
    'workday',
    '2026-10-01',
    '0000-01-01',
    '9999-12-31',
    '2026-02-30',
    '',
  ),
  garbageString.map((s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)),
);

export interface BodyCase {
  label: string;
  contentType?: string;
  contentEncoding?: string;
  bytes: Buffer;
}

const ODD_TYPES = [
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'application/octet-stream',
  'text/csv',
  'application/x-ndjson',
  'image/png',
  '*/*',
  'garbage',
  ';;;',
];

/** 2.1 MB of JSON: over the JSON body limit (2 MB). */
const OVERSIZED_JSON = Buffer.from(JSON.stringify({ reason: 'x'.repeat(2_100_000) }));
/** 1.5 MB of JSON: under the limit, with absurdly long strings. */
const HUGE_JSON = Buffer.from(JSON.stringify({ username: 'x'.repeat(500_000), password: 'y'.repeat(500_000), name: 'z'.repeat(500_000) }));

/** 3 MB of spaces in 3 kB of gzip: over every JSON limit once inflated. */
const GZIP_BOMB = gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20));

/**
 * Request bodies: none, JSON of the wrong shape (named fields with values of
 * any type), malformed JSON, oversized and huge bodies, odd content types
 * and lying Content-Encoding headers.
 */
export function bodyCases(fieldNames: string[], rawLimitBytes?: number): fc.Arbitrary<BodyCase | null> {
  const json = (value: unknown, label: string): BodyCase => ({ label, contentType: 'application/json', bytes: Buffer.from(JSON.stringify(value) ?? 'null') });
  const cases: { weight: number; arbitrary: fc.Arbitrary<BodyCase | null> }[] = [
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: anyJson.map((v) => json(v, 'any JSON')) },
    {
      weight: 2,
      arbitrary: fc.string({ maxLength: 60 }).map((s) => ({ label: 'malformed JSON', contentType: 'application/json', bytes: Buffer.from(`{${s}`) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"a":', '{"a":1,}', "{'a':1}", '[1,2', 'nul', '\u0000', '{"__proto__":{"x":1}}', '{"a":1}{"b":2}')
        .map((s) => ({ label: 'broken JSON', contentType: 'application/json', bytes: Buffer.from(s) })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { label: 'oversized JSON', contentType: 'application/json', bytes: OVERSIZED_JSON },
        { label: 'huge JSON', contentType: 'application/json', bytes: HUGE_JSON },
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...ODD_TYPES),
          fc.oneof(
            fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
            fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
          ),
        )
        .map(([contentType, bytes]) => ({ label: `odd content type ${contentType}`, contentType, bytes })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-garbage', 'gzip, gzip'),
          fc.uint8Array({ maxLength: 100 }),
          fc.constantFrom('application/json', 'text/csv', 'application/x-ndjson'),
        )
        .map(([contentEncoding, bytes, contentType]) => ({
          label: `Content-Encoding ${contentEncoding} that lies`,
          contentType,
          contentEncoding,
          bytes: Buffer.from(bytes),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('application/json', 'text/csv', 'application/x-ndjson').map((contentType) => ({
        label: 'gzip bomb-ish',
        contentType,
        contentEncoding: 'gzip',
        bytes: GZIP_BOMB,
      })),
    },
  ];
  if (fieldNames.length > 0) {
    const fields = fc.dictionary(fc.constantFrom(...fieldNames), anyJson, { maxKeys: fieldNames.length });
    cases.push({ weight: 4, arbitrary: fields.map((v) => json(v, 'wrong types')) });
  }
  if (rawLimitBytes !== undefined) {
    // Files as raw bodies (CSV, NDJSON): garbage lines, and one byte over the limit.
    cases.push({
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.array(
            fc.oneof(
              garbageString,
              anyJson.map((v) => JSON.stringify(v)),
            ),
            { maxLength: 30 },
          ),
          fc.constantFrom('text/csv', 'application/x-ndjson', undefined),
        )
        .map(([lines, contentType]) => ({ label: 'garbage lines', contentType, bytes: Buffer.from(lines.join('\n')) })),
    });
    const over: BodyCase = { label: 'over the raw body limit', contentType: 'text/csv', bytes: Buffer.alloc(rawLimitBytes + 1, 'a') };
    cases.push({ weight: 1, arbitrary: fc.constant(over) });
    cases.push({
      weight: 4,
      arbitrary: fc.tuple(fc.array(nearlyValidEvent, { minLength: 1, maxLength: 10 }), fc.boolean()).map(([events, gzip]) => {
        const text = Buffer.from(events.map((e) => JSON.stringify(e)).join('\n'));
        return {
          label: `nearly valid events${gzip ? ' (gzip)' : ''}`,
          contentType: 'application/x-ndjson',
          contentEncoding: gzip ? 'gzip' : undefined,
          bytes: gzip ? gzipSync(text) : text,
        };
      }),
    });
    cases.push({
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'code,name,name_en,category',
            'code,name,dept,frequency,active_from,active_to',
            'date,kind',
            'id,type,at,dept,resource,records,complete_records',
            'id,type,at,dept,resource,consumer,status,latency_ms',
          ),
          fc.array(fc.array(csvCell, { minLength: 1, maxLength: 8 }), { maxLength: 8 }),
        )
        .map(([header, rows]) => ({
          label: 'CSV with garbage cells',
          contentType: 'text/csv',
          bytes: Buffer.from([header, ...rows.map((r) => r.join(','))].join('\n')),
        })),
    });
  }
  return fc.oneof(...cases);
}
