import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTodo, rectificationDue, todoUpdateRange, type TodoInput } from './todo';
import { computeScores } from './compute-scores';
import { periodContaining, formatPeriod } from './period';
import { formatInstant, parseTimestamp } from './time';
import type { AppealFact, RequestFact } from './types';
import { buildInput, loadExample } from './test-support/example-fixture';
import { dept, input, objection, request, resource, scheme, t, update } from './test-support/builders';

const A = dept('A');

function todoOf(over: Partial<TodoInput>, code = 'A') {
  const all = computeTodo({ ...input(), ...over });
  const found = all.find((d) => d.dept === code);
  if (!found) throw new Error(`no to-do for ${code}`);
  return found;
}

describe('to-do and early warnings', () => {
  it("is the spec's example: CAB as of 2026-10-29 10:00", () => {
    const asOf = parseTimestamp('2026-10-29T10:00:00+08:00')!;
    const all = computeTodo(buildInput(loadExample(), '2026-10', asOf, null));
    expect(all.map((d) => d.dept)).toEqual(['CAB', 'MSA', 'PSB']);
    expect(all.find((d) => d.dept === 'CAB')).toStrictEqual({
      dept: 'CAB',
      asOf: '2026-10-29T10:00:00+08:00',
      overdue: [
        {
          kind: 'request',
          id: 'RQ-3',
          resource: 'CAB-MAR',
          counterpart: 'PSB',
          deadline: '2026-10-22T00:00:00+08:00',
          workdaysOverdue: 6,
          eventIds: ['ex-0067'],
        },
      ],
      atRisk: [
        {
          kind: 'window',
          resource: 'CAB-MAR',
          windowStart: '2026-10-01T00:00:00+08:00',
          windowEnd: '2026-11-01T00:00:00+08:00',
          workdaysLeft: 1,
          eventIds: [],
        },
      ],
    });
  });

  it('a deadline day on a Friday seen on the Saturday is 0 working days overdue', () => {
    // Submitted Fri Oct 16: ten working days make Fri Oct 30 the deadline day.
    const requests = [request('R', 'A', '2026-10-16T10:00', null, { requester: 'B' })];
    const sat = todoOf({ departments: [A], requests, asOf: t('2026-10-31T10:00') });
    expect(sat.overdue).toEqual([
      { kind: 'request', id: 'R', resource: 'A-R', counterpart: 'B', deadline: '2026-10-31T00:00:00+08:00', workdaysOverdue: 0, eventIds: ['R-s'] },
    ]);
    expect(todoOf({ departments: [A], requests, asOf: t('2026-11-02T10:00') }).overdue[0].workdaysOverdue).toBe(1);
    // On the Friday itself it is pending with no working day left after today.
    const fri = todoOf({ departments: [A], requests, asOf: t('2026-10-30T10:00') });
    expect(fri.overdue).toEqual([]);
    expect(fri.atRisk).toEqual([
      { kind: 'request', id: 'R', resource: 'A-R', counterpart: 'B', deadline: '2026-10-31T00:00:00+08:00', workdaysLeft: 0, eventIds: ['R-s'] },
    ]);
  });

  it('lists pending requests and objections with at most warnWorkdays left', () => {
    const requests = [request('R', 'A', '2026-10-16T10:00', null)];
    const objections = [objection('O', 'A', '2026-10-23T10:00', null)];
    // As of Tue Oct 27: R's deadline day Fri Oct 30 (3 left), O's Fri Oct 30 too.
    const base = { departments: [A], requests, objections, asOf: t('2026-10-27T10:00') };
    expect(todoOf(base).atRisk).toEqual([]);
    const warned = todoOf({ ...base, scheme: scheme({ warnWorkdays: 3 }) }).atRisk;
    expect(warned.map((i) => [i.kind, i.kind === 'window' ? i.resource : i.id, i.workdaysLeft])).toEqual([
      ['request', 'R', 3],
      ['objection', 'O', 3],
    ]);
    // Answered requests are neither overdue nor at risk.
    expect(todoOf({ ...base, requests: [request('R', 'A', '2026-10-16T10:00', '2026-10-26T10:00')], objections: [] })).toMatchObject({
      overdue: [],
      atRisk: [],
    });
  });

  it('a window whose last day is a Sunday: no working day left from the Friday on', () => {
    const weekly = resource('A-W', 'A', 'weekly');
    const at = (when: string) => todoOf({ departments: [A], resources: [weekly], asOf: t(when) }).atRisk;
    const item = (workdaysLeft: number) => ({
      kind: 'window',
      resource: 'A-W',
      windowStart: '2026-10-26T00:00:00+08:00',
      windowEnd: '2026-11-02T00:00:00+08:00',
      workdaysLeft,
      eventIds: [],
    });
    expect(at('2026-10-27T10:00')).toEqual([]); // Tuesday: Wed, Thu, Fri left
    expect(at('2026-10-28T10:00')).toEqual([item(2)]);
    expect(at('2026-10-30T10:00')).toEqual([item(0)]);
    expect(at('2026-11-01T23:00')).toEqual([item(0)]);
    // An update in the window takes it off the list.
    expect(todoOf({ departments: [A], resources: [weekly], updates: [update(weekly, '2026-10-26T08:00')], asOf: t('2026-10-30T10:00') }).atRisk).toEqual([]);
  });

  it('during a grace period the previous window can still be met', () => {
    const monthly = resource('A-M', 'A', 'monthly');
    const s = scheme({ updateGraceHours: 24 });
    const asOf = t('2026-11-01T10:00'); // Sunday; October's window is open until Nov 2 00:00
    const todo = todoOf({ departments: [A], resources: [monthly], scheme: s, asOf });
    expect(todo.atRisk).toEqual([
      { kind: 'window', resource: 'A-M', windowStart: '2026-10-01T00:00:00+08:00', windowEnd: '2026-11-01T00:00:00+08:00', workdaysLeft: 0, eventIds: [] },
    ]);
    // An update inside the grace meets October (the engine agrees) and clears the warning.
    const updates = [update(monthly, '2026-11-01T09:00')];
    expect(todoOf({ departments: [A], resources: [monthly], scheme: s, asOf, updates }).atRisk).toEqual([]);
    const oct = computeScores(input({ departments: [A], resources: [monthly], scheme: s, updates, asOf: t('2026-11-03') })).record.departments[0];
    expect(oct.counts).toMatchObject({ windowsDue: 1, windowsMet: 1 });
    // Without a grace October has closed: nothing to warn of on Nov 1.
    expect(todoOf({ departments: [A], resources: [monthly], asOf }).atRisk).toEqual([]);
  });

  it('never lists a window the resource is active for only part of, nor daily windows', () => {
    const partial = resource('A-M', 'A', 'monthly', { activeFrom: '2026-10-15' });
    const ending = resource('A-E', 'A', 'monthly', { activeTo: '2026-10-30' });
    const daily = resource('A-D', 'A', 'daily');
    const onDemand = resource('A-O', 'A', 'on_demand');
    expect(todoOf({ departments: [A], resources: [partial, ending, daily, onDemand], asOf: t('2026-10-30T10:00') }).atRisk).toEqual([]);
    const whole = resource('A-M', 'A', 'monthly', { activeFrom: '2026-10-01', activeTo: '2026-10-31' });
    expect(todoOf({ departments: [A], resources: [whole], asOf: t('2026-10-30T10:00') }).atRisk).toHaveLength(1);
  });

  it('an accepted appeal removes its item; a pending or rejected one does not', () => {
    const monthly = resource('A-M', 'A', 'monthly');
    const base = {
      departments: [A],
      resources: [monthly],
      requests: [request('R', 'A', '2026-10-08T09:00', null)],
      objections: [objection('O', 'A', '2026-10-08T09:00', null)],
      asOf: t('2026-10-30T10:00'),
    };
    const appeals = (status: AppealFact['status']): AppealFact[] => [
      { id: 1, status, kind: 'late_request', dept: 'A', request: 'R' },
      { id: 2, status, kind: 'late_objection', dept: 'A', objection: 'O' },
      { id: 3, status, kind: 'missed_window', dept: 'A', resource: 'A-M', windowStart: t('2026-10-01') },
    ];
    const kinds = (status: AppealFact['status']) => {
      const todo = todoOf({ ...base, appeals: appeals(status) });
      return [todo.overdue.map((i) => i.kind), todo.atRisk.map((i) => i.kind)];
    };
    // The objection's shorter SLA puts its deadline first.
    expect(kinds('pending')).toEqual([['objection', 'request'], ['window']]);
    expect(kinds('rejected')).toEqual([['objection', 'request'], ['window']]);
    expect(kinds('accepted')).toEqual([[], []]);
  });

  it('sorts by deadline, then kind, then id; every active department has one, in code order', () => {
    const requests = [request('R2', 'A', '2026-10-08T09:00', null), request('R1', 'A', '2026-10-08T11:00', null), request('R0', 'A', '2026-10-09T09:00', null)];
    // An objection raised Oct 15 has the same deadline day as a request submitted Oct 8.
    const objections = [objection('O', 'A', '2026-10-15T09:00', null)];
    const all = computeTodo({ ...input(), departments: [dept('B'), A, dept('C', { active: false })], requests, objections, asOf: t('2026-10-30T10:00') });
    expect(all.map((d) => d.dept)).toEqual(['A', 'B']);
    expect(all[0].overdue.map((i) => i.id)).toEqual(['R1', 'R2', 'O', 'R0']);
    expect(all[1]).toEqual({ dept: 'B', asOf: '2026-10-30T10:00:00+08:00', overdue: [], atRisk: [] });
  });

  it('ignores events before the assessment start', () => {
    const requests = [request('OLD', 'A', '2026-09-08T09:00', null), request('NEW', 'A', '2026-10-08T09:00', null)];
    const todo = todoOf({ departments: [A], requests, asOf: t('2026-10-30T10:00'), scheme: scheme({ assessmentStart: '2026-10' }) });
    expect(todo.overdue.map((i) => i.id)).toEqual(['NEW']);
  });

  it('overdue requests as of an instant are the engine’s requestsOverdueOpen for the month containing it (property)', () => {
    const origin = t('2026-09-01');
    const DAY = 86_400_000;
    const arb = fc.record({
      asOf: fc.integer({ min: 20 * DAY, max: 120 * DAY }),
      requests: fc.array(
        fc.record({
          dept: fc.constantFrom('A', 'B'),
          id: fc.integer({ min: 0, max: 12 }),
          at: fc.integer({ min: 0, max: 120 * DAY }),
          answer: fc.option(fc.integer({ min: -2 * DAY, max: 30 * DAY }), { freq: 2 }),
        }),
        { maxLength: 15 },
      ),
      appealed: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 3 }),
      sla: fc.integer({ min: 1, max: 12 }),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 150 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, (w) => {
        const asOf = origin + w.asOf;
        const requests: RequestFact[] = w.requests.map((r, i) => ({
          id: `R${r.id}`,
          dept: r.dept,
          resource: 'X',
          requester: 'Z',
          submittedAt: origin + r.at,
          submissionEventId: `s${i}`,
          answeredAt: r.answer === null ? null : origin + r.at + r.answer,
          answerEventId: r.answer === null ? null : `a${i}`,
          decision: r.answer === null ? null : 'approved',
        }));
        const appeals: AppealFact[] = w.appealed.map((id, i) => ({ id: i + 1, status: 'accepted', kind: 'late_request', dept: 'A', request: `R${id}` }));
        const calendar = { holidays: w.holidays.map((d) => formatInstant(origin + d * DAY).slice(0, 10)), workdays: [] };
        const facts = { ...input(), departments: [dept('A'), dept('B')], requests, appeals, calendar, asOf, scheme: scheme({ requestSlaWorkdays: w.sla }) };
        const todo = computeTodo(facts);
        const month = formatPeriod(periodContaining('month', asOf));
        const record = computeScores({ ...facts, period: month }).record;
        for (const d of record.departments) {
          const overdue = todo.find((x) => x.dept === d.dept)!.overdue.filter((i) => i.kind === 'request');
          expect(overdue.length, d.dept).toBe(d.counts.requestsOverdueOpen);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the updates of the open windows only: from Jan 1 of the year of asOf − grace', () => {
    expect(todoUpdateRange(t('2026-10-29T10:00'), scheme())).toEqual({ from: t('2026-01-01'), to: t('2026-10-29T10:00') });
    expect(todoUpdateRange(t('2027-01-01T10:00'), scheme({ updateGraceHours: 24 })).from).toBe(t('2026-01-01'));
  });
});

describe('rectification due', () => {
  it('is rectificationWorkdays working days after publication (default 10)', () => {
    expect(rectificationDue(t('2026-11-09T16:00'), scheme(), { holidays: [], workdays: [] })).toEqual({ deadlineDay: '2026-11-23', deadline: t('2026-11-24') });
    expect(rectificationDue(t('2026-11-09T16:00'), {}, { holidays: [], workdays: [] }).deadlineDay).toBe('2026-11-23');
    expect(
      rectificationDue(t('2026-09-30T16:00'), scheme({ rectificationWorkdays: 3 }), { holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], workdays: [] })
        .deadlineDay,
    ).toBe('2026-10-08');
  });
});
