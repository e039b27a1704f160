import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './time';
import { requestOutcome } from './request-outcome';

const at = (s: string) => parseTimestamp(s)!;
const calendar = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] };

describe('requestOutcome', () => {
  // RQ-2 of the worked example: submitted Sep 30, deadline day Oct 20, deadline Oct 21 00:00.
  const submittedAt = at('2026-09-30T10:00:00+08:00');

  it('is on time before the deadline, late at or after it', () => {
    expect(requestOutcome({ submittedAt, answeredAt: at('2026-10-20T23:59:59+08:00') }, at('2026-11-05T00:00:00+08:00'), 10, calendar)).toBe('on_time');
    expect(requestOutcome({ submittedAt, answeredAt: at('2026-10-21T00:00:00+08:00') }, at('2026-11-05T00:00:00+08:00'), 10, calendar)).toBe('late');
  });

  it('is pending until the deadline passes unanswered, then late', () => {
    expect(requestOutcome({ submittedAt, answeredAt: null }, at('2026-10-20T12:00:00+08:00'), 10, calendar)).toBe('pending');
    expect(requestOutcome({ submittedAt, answeredAt: null }, at('2026-10-21T00:00:00+08:00'), 10, calendar)).toBe('late');
  });

  it('ignores an answer after the as-of instant and counts an early answer at the submission', () => {
    expect(requestOutcome({ submittedAt, answeredAt: at('2026-10-25T00:00:00+08:00') }, at('2026-10-12T00:00:00+08:00'), 10, calendar)).toBe('pending');
    expect(requestOutcome({ submittedAt, answeredAt: at('2026-09-01T00:00:00+08:00') }, at('2026-10-12T00:00:00+08:00'), 10, calendar)).toBe('on_time');
  });
});
