import { parseTimestamp } from '@app/scoring';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimestampParser } from './fast-timestamp';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// Near-valid timestamps: every field over a range a little wider than valid.
const timestamp = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1890, max: 2100 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    sep: fc.constantFrom('T', ' '),
    frac: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
    zone: fc.option(
      fc.oneof(
        fc.constant('Z'),
        fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
      ),
      { nil: undefined },
    ),
  })
  .map(
    (t) =>
      `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}${t.sep}${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.frac ? `.${t.frac}` : ''}${t.zone ?? ''}`,
  );

describe('createTimestampParser', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'Europe/London', 'UTC'])('gives what parseTimestamp gives (%s)', (zone) => {
    const parse = createTimestampParser(zone);
    fc.assert(
      fc.property(fc.oneof(timestamp, fc.string({ maxLength: 30 })), (text) => {
        expect(parse(text)).toBe(parseTimestamp(text, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles DST gaps and overlaps like parseTimestamp', () => {
    const zone = 'America/New_York';
    const parse = createTimestampParser(zone);
    for (const text of [
      '2026-03-08 02:30:00',
      '2026-03-08 01:59:59',
      '2026-03-08 03:00:00',
      '2026-11-01 01:30:00',
      '2026-11-01 00:59:59',
      '2026-11-01 02:00:00',
    ]) {
      expect(parse(text)).toBe(parseTimestamp(text, zone));
    }
    const lordHowe = createTimestampParser('Australia/Lord_Howe');
    for (const text of ['2026-10-04 02:15:00', '2026-10-04 02:45:00', '2026-04-05 01:45:00', '2026-04-05 01:15:00']) {
      expect(lordHowe(text)).toBe(parseTimestamp(text, 'Australia/Lord_Howe'));
    }
  });
});
