import { describe, expect, it } from 'vitest';
import { computeScores, departmentFindings } from './compute-scores';
import type { AppealFact, DepartmentScore, ScoringInput, ScoringResult } from './types';
import { DEFAULT_SCHEME } from './scheme';
import { api, dailyUpdates, datesBetween, dept, input, NATIONAL_DAY_2026, objection, request, resource, scheme, t, update } from './test-support/builders';

function run(over: Partial<ScoringInput>): ScoringResult {
  return computeScores(input(over));
}

function one(over: Partial<ScoringInput>, code = 'A'): DepartmentScore {
  const d = run(over).record.departments.find((x) => x.dept === code);
  if (!d) throw new Error(`no ${code}`);
  return d;
}

const A = dept('A');

describe('timeliness windows', () => {
  const daily = resource('A-D', 'A', 'daily');

  it('a month assesses the days ending in (start, end]: Oct 1 to Oct 31, not Sep 30', () => {
    const s = one({ departments: [A], resources: [daily], updates: dailyUpdates(daily, ['2026-09-30', '2026-10-01', '2026-10-31']) });
    expect(s.counts.windowsDue).toBe(31);
    expect(s.counts.windowsMet).toBe(2);
    expect(s.timeliness).toBe(6.45);
  });

  it('only windows that have ended by the as-of instant are due', () => {
    const s = one({ departments: [A], resources: [daily], asOf: t('2026-10-10T12:00'), updates: dailyUpdates(daily, ['2026-10-10']) });
    expect(s.counts.windowsDue).toBe(9);
    expect(s.counts.windowsMet).toBe(0);
    const later = one({ departments: [A], resources: [daily], asOf: t('2027-03-01'), updates: [] });
    expect(later.counts.windowsDue).toBe(31);
  });

  it('realtime resources have daily windows', () => {
    const rt = resource('A-RT', 'A', 'realtime');
    expect(one({ departments: [A], resources: [rt] }).counts.windowsDue).toBe(31);
  });

  it('an update exactly at the window end belongs to the next window; one at its start to this one', () => {
    const s = one({
      departments: [A],
      resources: [daily],
      asOf: t('2026-10-03'),
      updates: [update(daily, '2026-10-02T00:00:00')],
    });
    expect(s.counts.windowsDue).toBe(2);
    expect(s.counts.windowsMet).toBe(1);
    const f = run({ departments: [A], resources: [daily], asOf: t('2026-10-03'), updates: [update(daily, '2026-10-02T00:00:00')] }).findings.A;
    expect(f).toEqual([
      {
        kind: 'missed_window',
        resource: 'A-D',
        windowStart: '2026-10-01T00:00:00+08:00',
        windowEnd: '2026-10-02T00:00:00+08:00',
        appeal: null,
        pointsLost: 28.57,
      },
    ]);
  });

  it('a weekly window is assessed in the month in which it ends', () => {
    const weekly = resource('A-W', 'A', 'weekly');
    const updates = [update(weekly, '2026-09-29T10:00'), update(weekly, '2026-10-26T09:30')];
    const oct = one({ departments: [A], resources: [weekly], updates });
    // Weeks ending Oct 5, 12, 19, 26; the week of Oct 26 ends Nov 2.
    expect(oct.counts).toMatchObject({ windowsDue: 4, windowsMet: 1 });
    const nov = one({ period: '2026-11', asOf: t('2026-12-05'), departments: [A], resources: [weekly], updates });
    // Weeks ending Nov 2, 9, 16, 23, 30.
    expect(nov.counts).toMatchObject({ windowsDue: 5, windowsMet: 1 });
    const sep = one({ period: '2026-09', departments: [A], resources: [weekly], updates });
    expect(sep.counts).toMatchObject({ windowsDue: 4, windowsMet: 0 });
  });

  it('a quarterly window is assessed only in the month, quarter and year containing its end', () => {
    const q = resource('A-Q', 'A', 'quarterly');
    const updates = [update(q, '2026-11-15T10:00')];
    const asOf = t('2027-02-01');
    const due = (period: string) => one({ period, asOf, departments: [A], resources: [q], updates }).counts;
    expect(due('2026-10').windowsDue).toBe(0);
    expect(due('2026-11').windowsDue).toBe(0);
    expect(due('2026-12')).toMatchObject({ windowsDue: 1, windowsMet: 1 });
    expect(due('2026-Q4')).toMatchObject({ windowsDue: 1, windowsMet: 1 });
    expect(due('2026')).toMatchObject({ windowsDue: 4, windowsMet: 1 });
    expect(one({ period: '2026-10', asOf, departments: [A], resources: [q], updates }).timeliness).toBeNull();
  });

  it('monthly and yearly windows', () => {
    const m = resource('A-M', 'A', 'monthly');
    const y = resource('A-Y', 'A', 'yearly');
    const asOf = t('2027-02-01');
    const updates = [update(m, '2026-10-31T23:59:59'), update(y, '2026-03-01T10:00')];
    expect(one({ period: '2026-Q4', asOf, departments: [A], resources: [m, y], updates }).counts).toMatchObject({ windowsDue: 4, windowsMet: 2 });
    expect(one({ period: '2026-11', asOf, departments: [A], resources: [m, y], updates }).counts).toMatchObject({ windowsDue: 1, windowsMet: 0 });
    expect(one({ period: '2026', asOf, departments: [A], resources: [m, y], updates }).counts).toMatchObject({ windowsDue: 13, windowsMet: 2 });
  });

  it('a window counts only when the resource is active for the whole window', () => {
    const weekly = (from: string | null, to: string | null) => resource('A-W', 'A', 'weekly', { activeFrom: from, activeTo: to });
    // October's weeks: Sep 28-Oct 4, Oct 5-11, Oct 12-18, Oct 19-25.
    expect(one({ departments: [A], resources: [weekly('2026-09-28', null)] }).counts.windowsDue).toBe(4);
    expect(one({ departments: [A], resources: [weekly('2026-09-29', null)] }).counts.windowsDue).toBe(3);
    expect(one({ departments: [A], resources: [weekly(null, '2026-10-18')] }).counts.windowsDue).toBe(3);
    expect(one({ departments: [A], resources: [weekly(null, '2026-10-17')] }).counts.windowsDue).toBe(2);
    const aid = resource('A-D', 'A', 'daily', { activeFrom: '2026-10-20', activeTo: '2026-10-25' });
    expect(one({ departments: [A], resources: [aid] }).counts.windowsDue).toBe(6);
  });

  it('events outside the active range still count in completeness', () => {
    const aid = resource('A-D', 'A', 'daily', { activeFrom: '2026-10-20' });
    const s = one({ departments: [A], resources: [aid], updates: [update(aid, '2026-10-05T10:00', 10, 5)] });
    expect(s.counts).toMatchObject({ windowsDue: 12, windowsMet: 0, records: 10, completeRecords: 5 });
  });

  it('on-demand resources have no windows: timeliness N/A', () => {
    const od = resource('A-O', 'A', 'on_demand');
    const s = one({ departments: [A], resources: [od], updates: [update(od, '2026-10-05T10:00')] });
    expect(s.timeliness).toBeNull();
    expect(s.total).toBe(100);
  });

  it('a grace lets one update meet two consecutive windows, and delays when a window is due', () => {
    const updates = [update(daily, '2026-10-02T01:00')];
    const noGrace = one({ departments: [A], resources: [daily], asOf: t('2026-10-03'), updates });
    expect(noGrace.counts).toMatchObject({ windowsDue: 2, windowsMet: 1 });
    const grace = scheme({ updateGraceHours: 2 });
    const withGrace = one({ departments: [A], resources: [daily], asOf: t('2026-10-03T02:00'), scheme: grace, updates });
    expect(withGrace.counts).toMatchObject({ windowsDue: 2, windowsMet: 2 });
    // Oct 2's window ends Oct 3 00:00 and is due only from 02:00.
    const before = one({ departments: [A], resources: [daily], asOf: t('2026-10-03T01:59'), scheme: grace, updates });
    expect(before.counts).toMatchObject({ windowsDue: 1, windowsMet: 1 });
  });

  it('with a grace the last window of the month is met by an update just after the month', () => {
    const grace = scheme({ updateGraceHours: 6 });
    const r = run({ departments: [A], resources: [daily], scheme: grace, asOf: t('2026-11-01T05:00'), updates: [update(daily, '2026-11-01T03:00')] });
    expect(r.record.provisional).toBe(true);
    expect(r.record.departments[0].counts).toMatchObject({ windowsDue: 30, windowsMet: 0, records: 0 });
    const r2 = run({ departments: [A], resources: [daily], scheme: grace, asOf: t('2026-11-01T06:00'), updates: [update(daily, '2026-11-01T03:00')] });
    expect(r2.record.provisional).toBe(false);
    expect(r2.record.departments[0].counts).toMatchObject({ windowsDue: 31, windowsMet: 1, records: 0 });
  });

  it('uses every update of the resource, whichever period it was handed in for', () => {
    // The aggregation may pass more than the period needs; the engine filters.
    const extra = [update(daily, '2025-10-05T10:00'), update(daily, '2027-10-05T10:00')];
    const s = one({ departments: [A], resources: [daily], updates: [...dailyUpdates(daily, ['2026-10-05']), ...extra] });
    expect(s.counts).toMatchObject({ windowsDue: 31, windowsMet: 1, records: 10 });
  });

  it('missed windows are listed by window, then resource', () => {
    const b = resource('A-B', 'A', 'daily');
    const a = resource('A-A', 'A', 'daily');
    const w = resource('A-W', 'A', 'weekly');
    const f = run({ departments: [A], resources: [b, w, a], asOf: t('2026-10-06') }).findings.A;
    expect(f.map((x) => (x.kind === 'missed_window' ? `${x.windowStart.slice(5, 10)}/${x.windowEnd.slice(5, 10)} ${x.resource}` : x.kind))).toEqual([
      '09-28/10-05 A-W',
      '10-01/10-02 A-A',
      '10-01/10-02 A-B',
      '10-02/10-03 A-A',
      '10-02/10-03 A-B',
      '10-03/10-04 A-A',
      '10-03/10-04 A-B',
      '10-04/10-05 A-A',
      '10-04/10-05 A-B',
      '10-05/10-06 A-A',
      '10-05/10-06 A-B',
    ]);
  });
});

describe('completeness', () => {
  const r1 = resource('A-1', 'A', 'on_demand');
  it('sums records of the updates in the period and not after the as-of instant', () => {
    const updates = [
      update(r1, '2026-09-30T23:59:59', 100, 0),
      update(r1, '2026-10-01T00:00:00', 100, 90),
      update(r1, '2026-10-31T23:59:59', 100, 80),
      update(r1, '2026-11-01T00:00:00', 100, 0),
    ];
    expect(one({ departments: [A], resources: [r1], updates }).counts).toMatchObject({ records: 200, completeRecords: 170 });
    expect(one({ departments: [A], resources: [r1], updates }).completeness).toBe(85);
    expect(one({ departments: [A], resources: [r1], updates, asOf: t('2026-10-20') }).counts).toMatchObject({ records: 100, completeRecords: 90 });
  });

  it('is N/A with no records at all', () => {
    expect(
      one({ departments: [A], resources: [r1], updates: [update(r1, '2026-10-05T10:00', 0, 0)], api: [api('A', [0, 1, 0, 0, 0])] }).completeness,
    ).toBeNull();
  });

  it('lists up to five resources below 100, lowest first, ties by code', () => {
    const rs = ['A-6', 'A-5', 'A-4', 'A-3', 'A-2', 'A-1', 'A-0', 'A-9'].map((c) => resource(c, 'A', 'on_demand'));
    const pct: Record<string, number> = { 'A-6': 50, 'A-5': 40, 'A-4': 40, 'A-3': 90, 'A-2': 99, 'A-1': 95, 'A-0': 100, 'A-9': 98 };
    const updates = rs.map((r) => update(r, '2026-10-05T10:00', 100, pct[r.code]));
    const f = run({ departments: [A], resources: rs, updates }).findings.A;
    expect(f.map((x) => (x.kind === 'low_completeness' ? [x.resource, x.completeness] : null))).toEqual([
      ['A-4', 40],
      ['A-5', 40],
      ['A-6', 50],
      ['A-3', 90],
      ['A-1', 95],
    ]);
  });

  it('names the events behind a finding sorted by at', () => {
    const updates = [update(r1, '2026-10-09T10:00', 10, 10, 'e-3'), update(r1, '2026-10-02T10:00', 10, 5, 'e-9'), update(r1, '2026-10-02T10:00', 10, 5, 'e-1')];
    const f = run({ departments: [A], resources: [r1], updates }).findings.A[0];
    expect(f).toEqual({
      kind: 'low_completeness',
      resource: 'A-1',
      records: 30,
      completeRecords: 20,
      completeness: 66.67,
      eventIds: ['e-1', 'e-9', 'e-3'],
      appeal: null,
      pointsLost: 33.33,
    });
  });

  it('an accepted low-completeness appeal leaves the named events out; the finding stays, marked', () => {
    const r2 = resource('A-2', 'A', 'on_demand');
    const updates = [
      update(r1, '2026-10-02T10:00', 100, 50, 'bad-1'),
      update(r1, '2026-10-03T10:00', 100, 70, 'bad-2'),
      update(r2, '2026-10-03T10:00', 100, 100, 'ok'),
    ];
    const appeal = (status: AppealFact['status']): AppealFact => ({
      id: 7,
      status,
      kind: 'low_completeness',
      dept: 'A',
      resource: 'A-1',
      eventIds: ['bad-1', 'bad-2'],
    });
    const before = run({ departments: [A], resources: [r1, r2], updates, appeals: [appeal('pending')] });
    expect(before.record.departments[0].completeness).toBe(73.33);
    expect(before.findings.A[0]).toMatchObject({ resource: 'A-1', records: 200, completeRecords: 120, appeal: { id: 7, status: 'pending' } });
    const after = run({ departments: [A], resources: [r1, r2], updates, appeals: [appeal('accepted')] });
    expect(after.record.departments[0].counts).toMatchObject({ records: 100, completeRecords: 100 });
    expect(after.record.departments[0].completeness).toBe(100);
    expect(after.findings.A).toEqual([
      {
        kind: 'low_completeness',
        resource: 'A-1',
        records: 200,
        completeRecords: 120,
        completeness: 60,
        eventIds: ['bad-1', 'bad-2'],
        appeal: { id: 7, status: 'accepted' },
        pointsLost: 0,
      },
    ]);
    const rejected = run({ departments: [A], resources: [r1, r2], updates, appeals: [appeal('rejected')] });
    expect(rejected.record.departments[0].completeness).toBe(73.33);
  });

  it('leaving appealed events out follows the spec even where it lowers completeness', () => {
    // The spec removes the named events from both sums; when the appealed resource is
    // above the department's average, completeness goes down. Documented, not hidden.
    const r2 = resource('A-2', 'A', 'on_demand');
    const updates = [update(r1, '2026-10-02T10:00', 100, 90, 'x'), update(r2, '2026-10-02T10:00', 100, 10, 'y')];
    const appeals: AppealFact[] = [{ id: 1, status: 'accepted', kind: 'low_completeness', dept: 'A', resource: 'A-1', eventIds: ['x'] }];
    expect(one({ departments: [A], resources: [r1, r2], updates }).completeness).toBe(50);
    expect(one({ departments: [A], resources: [r1, r2], updates, appeals }).completeness).toBe(10);
  });
});

describe('requests', () => {
  const base = { departments: [A], calendar: NATIONAL_DAY_2026 };

  it('RQ-2: submitted Sep 30, answered Oct 15, on time against the Oct 20 deadline day; counts in October', () => {
    const requests = [request('RQ-2', 'A', '2026-09-30T17:00', '2026-10-15T11:00')];
    expect(one({ ...base, requests }).counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 1 });
    expect(one({ ...base, requests, period: '2026-09' }).counts).toMatchObject({ requestsSettled: 0, requestsPending: 0 });
    const lateIfNoCalendar = one({ ...base, calendar: { holidays: [], workdays: [] }, requests });
    expect(lateIfNoCalendar.counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 0 });
  });

  it('on time counts in the period of the answer, once the as-of instant reaches it', () => {
    const requests = [request('R', 'A', '2026-10-28T10:00', '2026-11-02T10:00')];
    expect(one({ ...base, requests }).counts).toMatchObject({ requestsSettled: 0, requestsPending: 0 });
    expect(one({ ...base, requests, period: '2026-11', asOf: t('2026-12-01') }).counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 1 });
    // As of just before the answer it is not settled anywhere yet, just pending.
    const early = one({ ...base, requests, period: '2026-11', asOf: t('2026-11-02T09:59') });
    expect(early.counts).toMatchObject({ requestsSettled: 0, requestsPending: 1 });
    // Pending in October as of Oct 31: submitted before the cut, not answered, not past due.
    expect(one({ ...base, requests, asOf: t('2026-10-31T12:00') }).counts.requestsPending).toBe(1);
  });

  it('late counts in the period of the deadline day, once the as-of instant reaches the deadline', () => {
    // Submitted Thu Oct 15: deadline day Thu Oct 29, deadline Oct 30 00:00.
    const unanswered = [request('R', 'A', '2026-10-15T10:00', null)];
    expect(one({ ...base, requests: unanswered }).counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 0, requestsOverdueOpen: 1 });
    expect(one({ ...base, requests: unanswered, asOf: t('2026-10-29T23:59') }).counts).toMatchObject({ requestsSettled: 0, requestsPending: 1 });
    // Answered late in November: still counted in October, the month of its deadline day.
    const answeredLate = [request('R', 'A', '2026-10-15T10:00', '2026-11-03T10:00')];
    expect(one({ ...base, requests: answeredLate }).counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 0 });
    expect(one({ ...base, requests: answeredLate, period: '2026-11', asOf: t('2026-12-05') }).counts).toMatchObject({ requestsSettled: 0 });
  });

  it('due by the end of Oct 31 and unanswered: October', () => {
    // With Oct 31 (a Saturday) declared a working day, a request of Oct 30 is due by the end of Oct 31.
    const cal = { holidays: [], workdays: ['2026-10-31'] };
    const requests = [request('R', 'A', '2026-10-30T10:00', null)];
    const s = scheme({ requestSlaWorkdays: 1 });
    expect(one({ ...base, calendar: cal, scheme: s, requests }).counts).toMatchObject({ requestsSettled: 1, requestsOverdueOpen: 1 });
    expect(one({ ...base, calendar: cal, scheme: s, requests, period: '2026-11', asOf: t('2026-12-05') }).counts).toMatchObject({ requestsSettled: 0 });
  });

  it('counts each request exactly once over the months of a year', () => {
    const requests = [
      request('R1', 'A', '2026-01-05T10:00', '2026-01-06T10:00'),
      request('R2', 'A', '2026-01-28T10:00', null),
      request('R3', 'A', '2026-03-30T10:00', '2026-04-20T10:00'),
      request('R4', 'A', '2026-06-29T10:00', '2026-07-02T10:00'),
      request('R5', 'A', '2026-12-28T10:00', null),
    ];
    const asOf = t('2027-02-01');
    let settled = 0;
    for (let m = 1; m <= 12; m++) settled += one({ ...base, requests, asOf, period: `2026-${String(m).padStart(2, '0')}` }).counts.requestsSettled;
    const year = one({ ...base, requests, asOf, period: '2026' }).counts;
    expect(year.requestsSettled).toBe(4);
    expect(settled).toBe(4);
  });

  it('an answer stamped before its submission counts as answered at the submission', () => {
    const requests = [request('R', 'A', '2026-10-05T10:00', '2026-09-20T10:00')];
    const s = one({ ...base, requests });
    expect(s.counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 1 });
    expect(one({ ...base, requests, period: '2026-09' }).counts.requestsSettled).toBe(0);
  });

  it('an answer stamped after the as-of instant does not count', () => {
    const requests = [request('R', 'A', '2026-10-15T10:00', '2026-10-20T10:00')];
    const s = one({ ...base, requests, asOf: t('2026-10-20T09:00') });
    expect(s.counts).toMatchObject({ requestsSettled: 0, requestsPending: 1 });
    expect(one({ ...base, requests: [request('R', 'A', '2026-11-15T10:00', null)] }).counts.requestsPending).toBe(0);
  });

  it('overdue open requests use cut = min(P.end, as-of), whenever submitted', () => {
    // Deadline day Oct 20 (with the holiday calendar), answered Nov 3.
    const requests = [request('R', 'A', '2026-09-30T17:00', '2026-11-03T10:00')];
    const oct = run({ ...base, requests });
    expect(oct.record.departments[0].counts.requestsOverdueOpen).toBe(1);
    expect(oct.record.noticed).toEqual([{ dept: 'A', grade: 'D', overdueOpenRequests: 1 }]);
    expect(one({ ...base, requests, period: '2026-11', asOf: t('2026-12-05') }).counts.requestsOverdueOpen).toBe(0);
    // Cut = as-of when the period has not ended yet.
    expect(one({ ...base, requests, asOf: t('2026-10-21T00:00') }).counts.requestsOverdueOpen).toBe(1);
    expect(one({ ...base, requests, asOf: t('2026-10-20T23:59') }).counts.requestsOverdueOpen).toBe(0);
    // A request from long ago, still unanswered, is overdue open in every later period.
    const old = [request('OLD', 'A', '2025-03-01T10:00', null)];
    expect(one({ ...base, requests: old }).counts).toMatchObject({ requestsOverdueOpen: 1, requestsSettled: 0 });
  });

  it('requestsPending: submitted before the cut, neither answered nor past due at the as-of instant', () => {
    const requests = [
      request('P1', 'A', '2026-10-28T10:00', null),
      request('P2', 'A', '2026-10-30T10:00', '2026-11-10T10:00'),
      request('NOT-YET', 'A', '2026-11-01T00:00', null),
    ];
    const s = one({ ...base, requests, asOf: t('2026-11-05') });
    expect(s.counts.requestsPending).toBe(2);
    const r = run({ ...base, requests, asOf: t('2026-11-05') });
    expect(r.extras.A.requestsPending).toBe(2);
  });

  it('late requests are findings with how late they are; the answer event is named too', () => {
    const requests = [
      request('R-B', 'A', '2026-10-15T10:00', '2026-11-03T10:00', { requester: 'X', resource: 'A-RES' }),
      request('R-A', 'A', '2026-10-12T10:00', null, { requester: 'Y', resource: 'A-RES' }),
    ];
    const f = run({ ...base, requests }).findings.A;
    expect(f).toEqual([
      {
        kind: 'late_request',
        request: 'R-A',
        resource: 'A-RES',
        requester: 'Y',
        submittedAt: '2026-10-12T10:00:00+08:00',
        deadline: '2026-10-27T00:00:00+08:00',
        answeredAt: null,
        workdaysLate: 8, // Oct 27-30, Nov 2-5
        eventIds: ['R-A-s'],
        appeal: null,
        pointsLost: 50, // two settled requests, both late, are all there is
      },
      {
        kind: 'late_request',
        request: 'R-B',
        resource: 'A-RES',
        requester: 'X',
        submittedAt: '2026-10-15T10:00:00+08:00',
        deadline: '2026-10-30T00:00:00+08:00',
        answeredAt: '2026-11-03T10:00:00+08:00',
        workdaysLate: 3, // Oct 30, Nov 2, Nov 3
        eventIds: ['R-B-s', 'R-B-a'],
        appeal: null,
        pointsLost: 50, // two settled requests, both late, are all there is
      },
    ]);
  });

  it('an accepted appeal of a late request counts it on time at its deadline day and not overdue; the finding stays', () => {
    const requests = [request('R', 'A', '2026-10-15T10:00', null)];
    const appeal = (status: AppealFact['status'], id = 3): AppealFact => ({ id, status, kind: 'late_request', dept: 'A', request: 'R' });
    const accepted = run({ ...base, requests, appeals: [appeal('rejected', 2), appeal('accepted', 3)] });
    expect(accepted.record.departments[0].counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 1, requestsOverdueOpen: 0 });
    expect(accepted.record.departments[0].response).toBe(100);
    expect(accepted.record.noticed).toEqual([]);
    expect(accepted.findings.A[0]).toMatchObject({ kind: 'late_request', request: 'R', appeal: { id: 3, status: 'accepted' } });
    const pending = run({ ...base, requests, appeals: [appeal('rejected', 2), appeal('pending', 5)] });
    expect(pending.record.departments[0].counts).toMatchObject({ requestsOnTime: 0, requestsOverdueOpen: 1 });
    expect(pending.findings.A[0]).toMatchObject({ appeal: { id: 5, status: 'pending' } });
    // Settled at the deadline day: October, not the month of the appeal, and not before the deadline.
    expect(one({ ...base, requests, appeals: [appeal('accepted')], period: '2026-11', asOf: t('2026-12-05') }).counts.requestsSettled).toBe(0);
    expect(one({ ...base, requests, appeals: [appeal('accepted')], asOf: t('2026-10-29T12:00') }).counts).toMatchObject({
      requestsSettled: 0,
      requestsPending: 1,
    });
  });

  it('an appeal of another department does not touch this request', () => {
    const requests = [request('R', 'A', '2026-10-15T10:00', null)];
    const appeals: AppealFact[] = [{ id: 1, status: 'accepted', kind: 'late_request', dept: 'B', request: 'R' }];
    expect(one({ ...base, requests, appeals }).counts.requestsOnTime).toBe(0);
  });

  it('resolves several submissions and answers of one id to the earliest', () => {
    const first = request('R', 'A', '2026-10-15T10:00', '2026-11-10T10:00');
    const second = request('R', 'A', '2026-10-20T10:00', '2026-10-28T10:00', { submissionEventId: 'R-s2', answerEventId: 'R-a2' });
    const s = run({ ...base, requests: [second, first] });
    expect(s.record.departments[0].counts).toMatchObject({ requestsSettled: 1, requestsOnTime: 1 });
    expect(s).toEqual(run({ ...base, requests: [first, second] }));
  });

  it('rejection rate and median answer time are shown, not scored', () => {
    const requests = [
      request('R1', 'A', '2026-10-12T10:00', '2026-10-12T11:00'),
      request('R2', 'A', '2026-10-12T10:00', '2026-10-14T10:00', { decision: 'rejected' }),
      request('R3', 'A', '2026-10-12T10:00', '2026-10-19T10:00'),
    ];
    const r = run({ ...base, requests, api: [api('A', [0, 1, 0, 0, 0], 250)] });
    expect(r.extras.A).toEqual({ rejectionRate: 33.33, medianAnswerWorkdays: 2, latencyP95Ms: 250, requestsPending: 0 });
    expect(r.record.departments[0].response).toBe(100);
  });
});

describe('objections', () => {
  const base = { departments: [A], calendar: NATIONAL_DAY_2026 };

  it('use their own SLA and the same settling rules', () => {
    // Raised Tue Oct 20, 5 working days: deadline day Tue Oct 27.
    const onTime = [objection('O1', 'A', '2026-10-20T10:00', '2026-10-27T23:00')];
    expect(one({ ...base, objections: onTime }).counts).toMatchObject({ objectionsSettled: 1, objectionsOnTime: 1 });
    const late = [objection('O1', 'A', '2026-10-20T10:00', '2026-10-28T00:00')];
    expect(one({ ...base, objections: late }).counts).toMatchObject({ objectionsSettled: 1, objectionsOnTime: 0, requestsOverdueOpen: 0 });
    const f = run({ ...base, objections: late }).findings.A[0];
    expect(f).toEqual({
      kind: 'late_objection',
      objection: 'O1',
      resource: 'A-R',
      raisedBy: 'REQ',
      submittedAt: '2026-10-20T10:00:00+08:00',
      deadline: '2026-10-28T00:00:00+08:00',
      answeredAt: '2026-10-28T00:00:00+08:00',
      workdaysLate: 1,
      eventIds: ['O1-r', 'O1-v'],
      appeal: null,
      pointsLost: 100,
    });
    const appeals: AppealFact[] = [{ id: 9, status: 'accepted', kind: 'late_objection', dept: 'A', objection: 'O1' }];
    const appealed = run({ ...base, objections: late, appeals });
    expect(appealed.record.departments[0].counts).toMatchObject({ objectionsSettled: 1, objectionsOnTime: 1 });
    expect(appealed.findings.A[0]).toMatchObject({ kind: 'late_objection', appeal: { id: 9, status: 'accepted' } });
  });

  it('late requests come before late objections, each by deadline', () => {
    // Request deadline Oct 27, objection deadline Oct 15: kinds first, deadlines within a kind.
    const requests = [request('R2', 'A', '2026-10-13T10:00', null), request('R1', 'A', '2026-10-12T10:00', null)];
    const objections = [objection('O', 'A', '2026-10-08T10:00', null)];
    const daily = resource('A-D', 'A', 'daily');
    const r1 = resource('A-1', 'A', 'on_demand');
    const all = run({
      ...base,
      resources: [daily, r1],
      requests,
      objections,
      updates: [...dailyUpdates(daily, datesBetween('2026-10-02', '2026-10-31')), update(r1, '2026-10-05T10:00', 10, 5)],
    }).findings.A;
    expect(all.map((x) => `${x.kind} ${x.kind === 'late_request' ? x.request : x.resource}`)).toEqual([
      'missed_window A-D',
      'late_request R1',
      'late_request R2',
      'late_objection A-R',
      'low_completeness A-1',
    ]);
  });
});

describe('interface success', () => {
  it('2xx and 3xx succeed, 5xx fail, 1xx and 4xx are not counted; several facts add up', () => {
    const s = one({ departments: [A], api: [api('A', [5, 6, 2, 100, 1]), api('A', [0, 1, 0, 0, 1], 90)] });
    expect(s.counts).toMatchObject({ apiSuccess: 9, apiFailure: 2 });
    expect(s.response).toBe(81.82);
    expect(one({ departments: [A], api: [api('A', [5, 0, 0, 100, 0])] }).response).toBeNull();
  });
});

describe('totals, N/A and rounding', () => {
  const daily = resource('A-D', 'A', 'daily');
  const od = resource('A-O', 'A', 'on_demand');

  it('renormalises response sub-weights over the indicators with data', () => {
    const requests = [request('R1', 'A', '2026-10-12T10:00', '2026-10-13T10:00'), request('R2', 'A', '2026-10-12T10:00', null)];
    // requests 50, api 100: (0.5*50 + 0.3*100) / 0.8 = 68.75
    expect(one({ departments: [A], requests, api: [api('A', [0, 4, 0, 0, 0])] }).response).toBe(68.75);
    // objections only
    expect(one({ departments: [A], objections: [objection('O', 'A', '2026-10-12T10:00', null)] }).response).toBe(0);
  });

  it('renormalises dimension weights over the dimensions that apply', () => {
    // T N/A (on-demand only), C = 50, R = 100: (0.3*50 + 0.3*100) / 0.6 = 75
    const s = one({ departments: [A], resources: [od], updates: [update(od, '2026-10-05T10:00', 10, 5)], api: [api('A', [0, 1, 0, 0, 0])] });
    expect([s.timeliness, s.completeness, s.response, s.total]).toEqual([null, 50, 100, 75]);
  });

  it('rounds the total once, half away from zero, from the unrounded dimensions', () => {
    // T = 3/25 = 12, C = 1/16 = 6.25, R = 100: total = 4.8 + 1.875 + 30 = 36.675 exactly.
    // In binary floating point 0.4*12 + 0.3*6.25 + 0.3*100 is 36.67499999..., which would round down.
    expect(Math.round((0.4 * 12 + 0.3 * 6.25 + 0.3 * 100) * 100) / 100).toBe(36.67);
    const s = one({
      departments: [A],
      resources: [daily, od],
      asOf: t('2026-10-26'),
      updates: [...dailyUpdates(daily, ['2026-10-01', '2026-10-02', '2026-10-03'], 0, 0), update(od, '2026-10-05T10:00', 16, 1)],
      api: [api('A', [0, 1, 0, 0, 0])],
    });
    expect(s.counts).toMatchObject({ windowsDue: 25, windowsMet: 3, records: 16, completeRecords: 1 });
    expect([s.timeliness, s.completeness, s.response, s.total]).toEqual([12, 6.25, 100, 36.68]);
  });

  it('rounds a dimension sitting on a half cent up (1.005 -> 1.01)', () => {
    const s = one({ departments: [A], resources: [od], updates: [update(od, '2026-10-05T10:00', 20000, 201)] });
    expect(s.completeness).toBe(1.01);
    expect(s.total).toBe(1.01);
  });

  it('uses the total from unrounded dimensions, not from rounded ones', () => {
    // T = 2/3 -> 66.67, C = 1/3 -> 33.33; total = 0.4*66.666.. + 0.3*33.333.. over 0.7 = 52.380952...
    const weekly = resource('A-W', 'A', 'weekly');
    const s = one({
      departments: [A],
      resources: [weekly, od],
      asOf: t('2026-10-19'),
      updates: [update(weekly, '2026-09-29T10:00', 0, 0), update(weekly, '2026-10-06T10:00', 0, 0), update(od, '2026-10-05T10:00', 3, 1)],
    });
    expect([s.timeliness, s.completeness, s.total]).toEqual([66.67, 33.33, 52.38]);
  });

  it('a department with no data has null total, rank and grade and is listed last, by code', () => {
    const r = run({
      departments: [dept('Z'), dept('B'), dept('Y')],
      api: [api('Y', [0, 1, 0, 0, 0])],
      requests: [request('OLD', 'B', '2025-03-01T10:00', null)],
    });
    expect(r.record.departments.map((d) => [d.dept, d.total, d.rank, d.grade])).toEqual([
      ['Y', 100, 1, 'A'],
      ['B', null, null, null],
      ['Z', null, null, null],
    ]);
    expect(r.record.departments[1]).toMatchObject({ timeliness: null, completeness: null, response: null, rankChange: null });
    expect(r.record.noticed).toEqual([{ dept: 'B', grade: null, overdueOpenRequests: 1 }]);
    expect(r.findings.Z).toEqual([]);
  });
});

describe('ranks, grades and lists', () => {
  const withScores = (scores: Record<string, number>): Partial<ScoringInput> => {
    // Each department's total equals its API success percentage (one indicator, one dimension).
    const departments = Object.keys(scores).map((c) => dept(c));
    return {
      departments,
      api: Object.entries(scores).map(([c, pct]) => api(c, [0, pct, 0, 0, 100 - pct])),
    };
  };

  it('competition ranking 1, 2, 2, 4; record by rank then code', () => {
    const r = run(withScores({ D: 70, C: 95, B: 80, A: 80, E: 10 }));
    expect(r.record.departments.map((d) => [d.dept, d.total, d.rank])).toEqual([
      ['C', 95, 1],
      ['A', 80, 2],
      ['B', 80, 2],
      ['D', 70, 4],
      ['E', 10, 5],
    ]);
  });

  it('grades from the thresholds', () => {
    const r = run(withScores({ A: 90, B: 89, C: 80, D: 79, E: 60, F: 59 }));
    expect(r.record.departments.map((d) => [d.dept, d.grade])).toEqual([
      ['A', 'A'],
      ['B', 'B'],
      ['C', 'B'],
      ['D', 'C'],
      ['E', 'C'],
      ['F', 'D'],
    ]);
  });

  it('grades use the rounded total: 89.995 is 90.00, grade A', () => {
    // 17999 successes of 20000 calls = 89.995
    const r = run({ departments: [A], api: [api('A', [0, 17999, 0, 0, 2001])] });
    expect(r.record.departments[0]).toMatchObject({ total: 90, grade: 'A', rank: 1 });
    const r2 = run({ departments: [A], api: [api('A', [0, 179989, 0, 0, 20011])] });
    expect(r2.record.departments[0]).toMatchObject({ total: 89.99, grade: 'B' });
  });

  it('rank change = previous rank - rank, null unless ranked in both', () => {
    const r = run({
      ...withScores({ A: 90, B: 80, C: 70, constructor: 60 }),
      previousRanks: { A: 3, B: 2, C: null },
    });
    expect(r.record.departments.map((d) => [d.dept, d.rankChange])).toEqual([
      ['A', 2],
      ['B', 0],
      ['C', null],
      ['constructor', null],
    ]);
    expect(run(withScores({ A: 90 })).record.departments[0].rankChange).toBeNull();
  });

  it('commends grade A within the top N not on the notice list; notices grade D and overdue open requests', () => {
    const scores = withScores({ A: 99, B: 98, C: 97, D: 96, E: 95, F: 50, G: 85 });
    const r = run({ ...scores, scheme: scheme({ commendTopN: 3 }), requests: [request('R', 'B', '2026-09-01T10:00', null)] });
    expect(r.record.commended).toEqual(['A', 'C']);
    expect(r.record.noticed).toEqual([
      { dept: 'B', grade: 'A', overdueOpenRequests: 1 },
      { dept: 'F', grade: 'D', overdueOpenRequests: 0 },
    ]);
    const tie = run({ ...withScores({ A: 99, B: 98, C: 97, D: 97 }) });
    expect(tie.record.commended).toEqual(['A', 'B', 'C', 'D']);
    expect(run({ ...scores, scheme: scheme({ commendTopN: 0 }) }).record.commended).toEqual([]);
  });

  it('leaves inactive departments out, with everything about them', () => {
    const r = run({ departments: [dept('A'), dept('X', { active: false })], api: [api('A', [0, 1, 0, 0, 0]), api('X', [0, 1, 0, 0, 0])] });
    expect(r.record.departments.map((d) => d.dept)).toEqual(['A']);
    expect(Object.keys(r.findings)).toEqual(['A']);
    expect(Object.keys(r.extras)).toEqual(['A']);
  });

  it('keeps a department coded __proto__ as an ordinary key', () => {
    const r = run({ departments: [dept('__proto__')], api: [api('__proto__', [0, 1, 0, 0, 0])] });
    expect(Object.keys(r.findings)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(r.findings))).toEqual(JSON.parse('{"__proto__":[]}'));
    expect(departmentFindings(r, '__proto__')?.findings).toEqual([]);
    expect(departmentFindings(r, 'nope')).toBeNull();
  });
});

describe('the record', () => {
  it('writes as-of with the zone offset, the period and the scheme version; provisional until the period ends', () => {
    const r = run({ departments: [A], asOf: Date.parse('2026-10-31T15:59:59.500Z'), scheme: scheme({ version: 4 }) });
    expect(r.record).toMatchObject({ period: '2026-10', asOf: '2026-10-31T23:59:59.500+08:00', provisional: true, schemeVersion: 4 });
    expect(run({ departments: [A], asOf: t('2026-11-01') }).record.provisional).toBe(false);
    expect(run({ departments: [A], asOf: t('2026-11-01'), timeZone: 'UTC' }).record.asOf).toBe('2026-10-31T16:00:00Z');
  });

  it('refuses a bad period or an unusable scheme', () => {
    expect(() => run({ period: '2026-13' })).toThrow('invalid period "2026-13"');
    expect(() => run({ scheme: { ...DEFAULT_SCHEME, weights: { timeliness: 0, completeness: 0, response: 0 } } })).toThrow('invalid scheme');
  });

  it('missed-window appeals: accepted counts as met, any status is shown', () => {
    const daily = resource('A-D', 'A', 'daily');
    const appeals: AppealFact[] = [
      { id: 1, status: 'accepted', kind: 'missed_window', dept: 'A', resource: 'A-D', windowStart: t('2026-10-01') },
      { id: 2, status: 'rejected', kind: 'missed_window', dept: 'A', resource: 'A-D', windowStart: t('2026-10-02') },
    ];
    const r = run({ departments: [A], resources: [daily], asOf: t('2026-10-04'), appeals });
    expect(r.record.departments[0].counts).toMatchObject({ windowsDue: 3, windowsMet: 1 });
    expect(r.findings.A.map((f) => f.appeal)).toEqual([{ id: 1, status: 'accepted' }, { id: 2, status: 'rejected' }, null]);
  });
});
