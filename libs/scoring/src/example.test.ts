import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeScores, departmentFindings, parseTimestamp, previousPeriod, formatPeriod, type ScoreRecord } from './index';
import { buildInput, EXAMPLE_DIR, loadExample } from './test-support/example-fixture';

const AS_OF = parseTimestamp('2026-11-05T00:00:00+08:00')!;
const example = loadExample();

function expected(name: string): unknown {
  return JSON.parse(readFileSync(join(EXAMPLE_DIR, name), 'utf8'));
}

function ranksOf(record: ScoreRecord): Record<string, number | null> {
  return Object.fromEntries(record.departments.map((d) => [d.dept, d.rank]));
}

/** The previous period computed as of the same instant, as the API does when it was never stored. */
function score(period: string) {
  const previous = computeScores(buildInput(example, formatPeriod(previousPeriod(period)), AS_OF, null));
  return computeScores(buildInput(example, period, AS_OF, ranksOf(previous.record)));
}

describe('worked example', () => {
  it('reads the events as the ingest would: 5 quarantined lines and 1 duplicate', () => {
    const ingest = expected('expected-ingest.json') as { read: number; accepted: number; duplicates: number; quarantined: number }[];
    const quarantine = expected('expected-quarantine.json') as { line: number; text: string }[];
    expect(example.read).toBe(ingest[0].read);
    expect(example.events).toHaveLength(ingest[0].accepted);
    expect(example.duplicates).toHaveLength(ingest[0].duplicates);
    expect(example.quarantined.map((q) => ({ line: q.line, text: q.text }))).toEqual(quarantine.map((q) => ({ line: q.line, text: q.text })));
  });

  it('September: PSB first, CAB and MSA tied second (both 0)', () => {
    const sep = computeScores(buildInput(example, '2026-09', AS_OF, null));
    expect(sep.record.departments.map((d) => [d.dept, d.total, d.rank])).toEqual([
      ['PSB', 38.57, 1],
      ['CAB', 0, 2],
      ['MSA', 0, 2],
    ]);
  });

  it('2026-10 as of 2026-11-05 equals expected-2026-10.json', () => {
    expect(score('2026-10').record).toStrictEqual(expected('expected-2026-10.json'));
  });

  it('2026-Q4 as of 2026-11-05 equals expected-2026-Q4.json', () => {
    expect(score('2026-Q4').record).toStrictEqual(expected('expected-2026-Q4.json'));
  });

  it("CAB's October findings are the spec's Findings example", () => {
    const result = score('2026-10');
    expect(departmentFindings(result, 'CAB')).toStrictEqual({
      dept: 'CAB',
      period: '2026-10',
      asOf: '2026-11-05T00:00:00+08:00',
      findings: [
        {
          kind: 'late_request',
          request: 'RQ-3',
          resource: 'CAB-MAR',
          requester: 'PSB',
          submittedAt: '2026-10-08T09:00:00+08:00',
          deadline: '2026-10-22T00:00:00+08:00',
          answeredAt: null,
          workdaysLate: 11,
          eventIds: ['ex-0067'],
          appeal: null,
          pointsLost: 30,
        },
        {
          kind: 'low_completeness',
          resource: 'CAB-AID',
          records: 600,
          completeRecords: 490,
          completeness: 81.67,
          // Sorted by `at`: the Oct 25 update written in UTC (ex-0047) falls between Oct 24 and Oct 26.
          eventIds: ['ex-0036', 'ex-0037', 'ex-0038', 'ex-0039', 'ex-0040', 'ex-0047', 'ex-0041', 'ex-0042', 'ex-0043', 'ex-0044', 'ex-0045', 'ex-0046'],
          appeal: null,
          pointsLost: 3,
        },
        {
          kind: 'low_completeness',
          resource: 'CAB-MAR',
          records: 500,
          completeRecords: 450,
          completeness: 90,
          eventIds: ['ex-0035'],
          appeal: null,
          pointsLost: 1.36,
        },
      ],
    });
  });

  it("lists PSB's missed days and MSA's late request, and the extras", () => {
    const result = score('2026-10');
    expect(result.findings.PSB).toStrictEqual([
      {
        kind: 'missed_window',
        resource: 'PSB-HH',
        windowStart: '2026-10-03T00:00:00+08:00',
        windowEnd: '2026-10-04T00:00:00+08:00',
        appeal: null,
        pointsLost: 1.14,
      },
      {
        kind: 'missed_window',
        resource: 'PSB-HH',
        windowStart: '2026-10-17T00:00:00+08:00',
        windowEnd: '2026-10-18T00:00:00+08:00',
        appeal: null,
        pointsLost: 1.14,
      },
      {
        kind: 'low_completeness',
        resource: 'PSB-HH',
        records: 29000,
        completeRecords: 28710,
        completeness: 99,
        eventIds: expect.any(Array),
        appeal: null,
        pointsLost: 0.29,
      },
    ]);
    const msa = result.findings.MSA;
    expect(msa.filter((f) => f.kind === 'missed_window')).toHaveLength(16);
    expect(msa.find((f) => f.kind === 'late_request')).toStrictEqual({
      kind: 'late_request',
      request: 'RQ-4',
      resource: 'MSA-LIC',
      requester: 'PSB',
      submittedAt: '2026-10-09T09:00:00+08:00',
      deadline: '2026-10-23T00:00:00+08:00',
      answeredAt: '2026-10-28T09:00:00+08:00',
      workdaysLate: 4, // Oct 23, 26, 27, 28
      eventIds: ['ex-0068', 'ex-0069'],
      appeal: null,
      pointsLost: 15, // 0.3 × 0.5 × 100 / 1 settled request
    });
    // RQ-1 took 2 working days (Oct 13, 14), RQ-2 took 7 (Oct 8, 9, 10, 12, 13, 14, 15); RQ-2 was rejected.
    expect(result.extras.PSB).toStrictEqual({ rejectionRate: 50, medianAnswerWorkdays: 4.5, latencyP95Ms: 120, requestsPending: 0 });
    expect(result.extras.CAB).toStrictEqual({ rejectionRate: null, medianAnswerWorkdays: null, latencyP95Ms: null, requestsPending: 0 });
  });
});
