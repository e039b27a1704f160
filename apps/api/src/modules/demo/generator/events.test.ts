import { beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR_2025_2026 } from './calendar-cn';
import { generateCity } from './city';
import { simulateIngest, type CheckedEvent } from '../../../../../../test/unit-support/generator-contract-check';
import { planBadLines } from './event-plan';
import { expectedIngest, generateEventDays, generateEvents } from './events';
import type { City, EventStats, GenerateEventsOptions } from './types';

const calendar = CN_CALENDAR_2025_2026;
const city = generateCity({ seed: 2026, endMonth: '2026-10' });
const demoOpts: GenerateEventsOptions = { seed: 2026, endMonth: '2026-10', months: 12, calendar, badLines: 60 };

function take(it: Iterator<string>, n: number): string[] {
  const out: string[] = [];
  for (let r = it.next(); !r.done && out.length < n; r = it.next()) out.push(r.value);
  return out;
}

function collect(c: City, opts: GenerateEventsOptions): { lines: string[]; stats: EventStats; ms: number } {
  const t0 = performance.now();
  const s = generateEvents(c, opts);
  const lines = [...s];
  return { lines, stats: s.stats, ms: performance.now() - t0 };
}

// --- working days and windows, recomputed independently of the generator ----

const holidays = new Set(calendar.filter((e) => e.kind === 'holiday').map((e) => e.date));
const workdays = new Set(calendar.filter((e) => e.kind === 'workday').map((e) => e.date));
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const isWorkday = (date: string) => {
  if (holidays.has(date)) return false;
  if (workdays.has(date)) return true;
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6;
};
const nthWorkdayAfter = (date: string, n: number) => {
  let d = date;
  for (let k = 0; k < n;) if (isWorkday((d = addDays(d, 1)))) k++;
  return d;
};
const datesOf = (first: string, last: string) => {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
};
const localDate = (e: CheckedEvent) => e.atText.slice(0, 10);

/** Met / due windows of daily, realtime and monthly resources of some departments, by month and by date. */
function windowRates(c: City, events: CheckedEvent[], depts: Set<string>, first: string, last: string) {
  const updated = new Set<string>();
  for (const e of events) {
    if (e.type !== 'resource.updated') continue;
    updated.add(`${e.fields.resource}@${localDate(e)}`);
    updated.add(`${e.fields.resource}@${localDate(e).slice(0, 7)}`);
  }
  const byMonth = new Map<string, { due: number; met: number }>();
  const byDate = new Map<string, { due: number; met: number }>();
  const add = (m: Map<string, { due: number; met: number }>, k: string, met: boolean) => {
    const v = m.get(k) ?? { due: 0, met: 0 };
    v.due++;
    if (met) v.met++;
    m.set(k, v);
  };
  const dates = datesOf(first, last);
  for (const r of c.resources) {
    if (!depts.has(r.dept)) continue;
    if (r.frequency === 'daily' || r.frequency === 'realtime') {
      for (const d of dates) {
        if (r.active_from && r.active_from > d) continue;
        const met = updated.has(`${r.code}@${d}`);
        add(byMonth, d.slice(0, 7), met);
        add(byDate, d, met);
      }
    } else if (r.frequency === 'monthly') {
      for (const m of new Set(dates.map((d) => d.slice(0, 7)))) {
        if (r.active_from && r.active_from > `${m}-01`) continue;
        add(byMonth, m, updated.has(`${r.code}@${m}`));
      }
    }
  }
  return { byMonth, byDate };
}

const rate = (m: Map<string, { due: number; met: number }>, keys: string[]) => {
  let due = 0;
  let met = 0;
  for (const k of keys) {
    due += m.get(k)?.due ?? 0;
    met += m.get(k)?.met ?? 0;
  }
  return met / due;
};

// ---------------------------------------------------------------------------

describe('generateEvents (demo mix)', () => {
  let lines: string[];
  let stats: EventStats;
  let accepted: CheckedEvent[];
  let sim: ReturnType<typeof simulateIngest>;

  beforeAll(() => {
    const r = collect(city, demoOpts);
    lines = r.lines;
    stats = r.stats;
    accepted = [];
    sim = simulateIngest(lines, city, (e) => accepted.push(e));
    console.log(`demo: ${lines.length} lines in ${r.ms.toFixed(0)} ms (${Math.round(lines.length / (r.ms / 1000))} lines/s)`, stats.byType);
  });

  it('is deterministic: same seed, same first 1,000 lines and the same counts', () => {
    const again = generateEvents(city, demoOpts);
    expect(take(again, 1000)).toEqual(lines.slice(0, 1000));
    const full = collect(city, demoOpts);
    expect(full.stats).toEqual(stats);
    expect(full.lines.length).toBe(lines.length);
    const other = generateEvents(city, { ...demoOpts, seed: 2027 });
    expect(take(other, 1000)).not.toEqual(lines.slice(0, 1000));
  });

  it('writes only valid lines apart from the planned bad ones, which an importer quarantines or deduplicates exactly', () => {
    const bad = planBadLines(60);
    expect(stats.bad).toEqual(bad);
    expect(Object.values(bad).every((n) => n === 10)).toBe(true);
    expect(sim.otherReasons).toEqual([]);
    expect(sim.byCategory).toEqual({
      'invalid JSON': bad.invalidJson,
      'unknown department': bad.unknownDepartment,
      'complete_records > records': bad.completeExceedsRecords,
      'invalid at': bad.impossibleDate,
    });
    expect(sim.conflicts).toBe(bad.conflictingDuplicate);
    expect(sim.duplicates).toBe(bad.identicalDuplicate);
    const expected = expectedIngest(stats);
    expect({ read: sim.read, accepted: sim.accepted, duplicates: sim.duplicates, quarantined: sim.quarantined }).toEqual(expected);
    expect(expected.accepted).toBe(stats.events);
    const perMonth = stats.months.reduce(
      (s, m) => ({
        read: s.read + m.read,
        accepted: s.accepted + m.accepted,
        duplicates: s.duplicates + m.duplicates,
        quarantined: s.quarantined + m.quarantined,
      }),
      { read: 0, accepted: 0, duplicates: 0, quarantined: 0 },
    );
    expect(perMonth).toEqual(expected);
  });

  it('writes the contract field names, +08:00 instants in order, unique ids, resources of their department', () => {
    let prev = -Infinity;
    const ids = new Set<string>();
    const resDept = new Map(city.resources.map((r) => [r.code, r.dept]));
    const problems: string[] = [];
    for (const e of accepted) {
      if (e.at < prev) problems.push(`out of order: ${e.id}`);
      prev = e.at;
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(e.atText)) problems.push(`at: ${e.atText}`);
      if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
      ids.add(e.id);
      if (typeof e.fields.resource === 'string' && resDept.get(e.fields.resource) !== e.dept) problems.push(`resource of ${e.id}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(accepted[0].atText >= '2025-11-01T00:00:00+08:00').toBe(true);
    expect(accepted[accepted.length - 1].atText < '2026-11-01T00:00:00+08:00').toBe(true);
    const keys = (t: string) => Object.keys(accepted.find((e) => e.type === t)!.fields).sort();
    expect(keys('resource.updated')).toEqual(['at', 'complete_records', 'dept', 'id', 'records', 'resource', 'type']);
    expect(keys('request.submitted')).toEqual(['at', 'dept', 'id', 'request', 'requester', 'resource', 'type']);
    expect(keys('objection.raised')).toEqual(['at', 'dept', 'id', 'objection', 'raised_by', 'resource', 'type']);
    expect(keys('objection.resolved')).toEqual(['at', 'dept', 'id', 'objection', 'type']);
    expect(keys('api.called')).toEqual(['at', 'consumer', 'dept', 'id', 'latency_ms', 'resource', 'status', 'type']);
  });

  it('answers requests and objections after they are raised, by the same department, once', () => {
    const submitted = new Map<string, CheckedEvent>();
    const raised = new Map<string, CheckedEvent>();
    const answered = new Set<string>();
    const problems: string[] = [];
    let rejected = 0;
    for (const e of accepted) {
      if (e.type === 'request.submitted') submitted.set(e.fields.request as string, e);
      if (e.type === 'objection.raised') raised.set(e.fields.objection as string, e);
      if (e.type === 'request.answered' || e.type === 'objection.resolved') {
        const ref = (e.fields.request ?? e.fields.objection) as string;
        const origin = (e.type === 'request.answered' ? submitted : raised).get(ref);
        if (!origin || origin.dept !== e.dept || !(e.at > origin.at) || answered.has(ref)) problems.push(ref);
        answered.add(ref);
        if (e.fields.decision === 'rejected') rejected++;
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(submitted.size).toBe(stats.byType['request.submitted']);
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThan(0.3 * stats.byType['request.answered']);
  });

  it('has the demo mix: updates for met windows, interface calls most of the rest, some requests and objections', () => {
    const total = stats.events;
    const share = (t: keyof EventStats['byType']) => stats.byType[t] / total;
    expect(share('api.called')).toBeGreaterThan(0.5);
    expect(share('api.called')).toBeLessThan(0.7);
    expect(share('resource.updated')).toBeGreaterThan(0.25);
    expect(share('resource.updated')).toBeLessThan(0.45);
    expect(share('request.submitted')).toBeGreaterThan(0.005);
    expect(share('request.submitted')).toBeLessThan(0.03);
    expect(share('objection.raised')).toBeGreaterThan(0.0005);
    expect(share('objection.raised')).toBeLessThan(share('request.submitted'));
    expect(stats.byType['request.answered']).toBeLessThan(stats.byType['request.submitted']);
    expect(stats.byType['objection.resolved']).toBeLessThanOrEqual(stats.byType['objection.raised']);
  });

  it('leaves the isolated department almost out of requests and interface calls', () => {
    const iso = city.departments.find((d) => d.profile === 'isolated')!.code;
    const involved = (types: string[], roles: string[]) => accepted.filter((e) => types.includes(e.type) && roles.some((f) => e.fields[f] === iso)).length;
    const requests = involved(['request.submitted'], ['dept', 'requester']);
    const calls = involved(['api.called'], ['dept', 'consumer']);
    const objections = involved(['objection.raised'], ['dept', 'raised_by']);
    expect(requests).toBeLessThanOrEqual(Math.max(2, 0.005 * stats.byType['request.submitted']));
    expect(objections).toBeLessThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(0.002 * stats.byType['api.called']);
    const updates = involved(['resource.updated'], ['dept']);
    expect(updates).toBeLessThan(0.01 * stats.byType['resource.updated']);
  });

  it('moves improving departments up and declining ones down over the months', () => {
    const months = stats.months.map((m) => m.month);
    const first = months.slice(0, 3);
    const last = months.slice(-3);
    const of = (p: string) => new Set(city.departments.filter((d) => d.profile === p).map((d) => d.code));
    const improving = windowRates(city, accepted, of('improving'), '2025-11-01', '2026-10-31').byMonth;
    const declining = windowRates(city, accepted, of('declining'), '2025-11-01', '2026-10-31').byMonth;
    console.log(
      'met rate improving',
      rate(improving, first).toFixed(3),
      '->',
      rate(improving, last).toFixed(3),
      '; declining',
      rate(declining, first).toFixed(3),
      '->',
      rate(declining, last).toFixed(3),
    );
    expect(rate(improving, last)).toBeGreaterThan(rate(improving, first) + 0.15);
    expect(rate(declining, last)).toBeLessThan(rate(declining, first) - 0.15);
    for (const code of of('improving')) {
      const m = windowRates(city, accepted, new Set([code]), '2025-11-01', '2026-10-31').byMonth;
      expect(rate(m, last), code).toBeGreaterThan(rate(m, first));
    }
  });

  it('dips around Spring Festival and National Day', () => {
    const notDiligent = new Set(city.departments.filter((d) => d.profile !== 'diligent').map((d) => d.code));
    const { byDate } = windowRates(city, accepted, notDiligent, '2025-11-01', '2026-10-31');
    const festival = [...datesOf('2026-02-15', '2026-02-23'), ...datesOf('2026-10-01', '2026-10-07')];
    const ordinary = datesOf('2025-11-01', '2026-10-31').filter((d) => isWorkday(d) && !festival.includes(d));
    const f = rate(byDate, festival);
    const o = rate(byDate, ordinary);
    console.log('daily met rate: festival', f.toFixed(3), 'ordinary working days', o.toFixed(3));
    expect(f).toBeLessThan(o - 0.05);
  });

  it('answers every request within 30 working days, and only laggard, declining or early improving departments leave one overdue at a month end', () => {
    const profile = new Map(city.departments.map((d) => [d.code, d.profile]));
    const answered = new Map<string, string>();
    for (const e of accepted) if (e.type === 'request.answered') answered.set(e.fields.request as string, localDate(e));
    const monthEnds = datesOf('2025-11-01', '2026-10-31').filter((d) => addDays(d, 1).endsWith('-01'));
    const lateMonths = monthEnds.slice(-3);
    const slow: string[] = [];
    const carried: string[] = [];
    let late = 0;
    for (const e of accepted) {
      if (e.type !== 'request.submitted') continue;
      const id = e.fields.request as string;
      const submitted = localDate(e);
      const answer = answered.get(id);
      const limit = nthWorkdayAfter(submitted, 30);
      if (limit <= '2026-10-31' && (answer === undefined || answer > limit)) slow.push(`${id} ${answer ?? 'never'}`);
      const deadlineDay = nthWorkdayAfter(submitted, 10);
      if (answer === undefined || answer <= deadlineDay) continue;
      late++;
      const p = profile.get(e.dept)!;
      for (const end of monthEnds) {
        const overdueAtEnd = deadlineDay <= end && answer > end;
        const allowed = p === 'laggard' || p === 'declining' || (p === 'improving' && !lateMonths.includes(end));
        if (overdueAtEnd && !allowed) carried.push(`${id} ${p} ${deadlineDay} -> ${answer}`);
      }
    }
    expect(late).toBeGreaterThan(100);
    expect(slow.slice(0, 10)).toEqual([]);
    expect(carried.slice(0, 10)).toEqual([]);
  });

  it('answers on time (10 working days) by profile: diligent departments far more often than laggards', () => {
    const profile = new Map(city.departments.map((d) => [d.code, d.profile]));
    const answers = new Map<string, string>();
    for (const e of accepted) if (e.type === 'request.answered') answers.set(e.fields.request as string, localDate(e));
    const tally = new Map<string, { onTime: number; settled: number }>();
    for (const e of accepted) {
      if (e.type !== 'request.submitted') continue;
      const deadlineDay = nthWorkdayAfter(localDate(e), 10);
      if (deadlineDay > '2026-10-31') continue;
      const t = tally.get(profile.get(e.dept)!) ?? { onTime: 0, settled: 0 };
      const a = answers.get(e.fields.request as string);
      t.settled++;
      if (a !== undefined && a <= deadlineDay) t.onTime++;
      tally.set(profile.get(e.dept)!, t);
    }
    const r = (p: string) => tally.get(p)!.onTime / tally.get(p)!.settled;
    console.log('requests on time:', [...tally].map(([p, t]) => `${p} ${(t.onTime / t.settled).toFixed(2)} of ${t.settled}`).join(', '));
    expect(r('diligent')).toBeGreaterThan(0.85);
    expect(r('laggard')).toBeLessThan(r('diligent') - 0.2);
  });

  it('gives diligent departments better completeness and interface success than laggards', () => {
    const profile = new Map(city.departments.map((d) => [d.code, d.profile]));
    const agg = new Map<string, { records: number; complete: number; ok: number; fail: number }>();
    for (const e of accepted) {
      const a = agg.get(profile.get(e.dept)!) ?? { records: 0, complete: 0, ok: 0, fail: 0 };
      if (e.type === 'resource.updated') {
        a.records += e.fields.records as number;
        a.complete += e.fields.complete_records as number;
      } else if (e.type === 'api.called') {
        const s = e.fields.status as number;
        if (s >= 200 && s < 400) a.ok++;
        else if (s >= 500) a.fail++;
      }
      agg.set(profile.get(e.dept)!, a);
    }
    const c = (p: string) => agg.get(p)!.complete / agg.get(p)!.records;
    const s = (p: string) => agg.get(p)!.ok / (agg.get(p)!.ok + agg.get(p)!.fail);
    expect(c('diligent')).toBeGreaterThan(0.99);
    expect(c('laggard')).toBeLessThan(c('diligent') - 0.05);
    expect(s('diligent')).toBeGreaterThan(0.99);
    expect(s('laggard')).toBeLessThan(s('diligent') - 0.03);
  });
});

describe('generateEvents (benchmark mix)', () => {
  it('is ~85% interface calls, the rest updates, requests, answers and objections, all valid; prints the speed', () => {
    const opts: GenerateEventsOptions = { seed: 5, endMonth: '2026-10', months: 12, calendar, mix: 'benchmark', targetEvents: 200_000, badLines: 12 };
    const { lines, stats, ms } = collect(city, opts);
    console.log(`benchmark: ${lines.length} lines in ${ms.toFixed(0)} ms (${Math.round(lines.length / (ms / 1000))} lines/s)`);
    expect(Math.abs(stats.events - 200_000)).toBeLessThan(2_000);
    const share = (t: keyof EventStats['byType']) => stats.byType[t] / stats.events;
    expect(share('api.called')).toBeGreaterThan(0.84);
    expect(share('api.called')).toBeLessThan(0.86);
    expect(share('resource.updated')).toBeGreaterThan(0.08);
    for (const t of ['request.submitted', 'request.answered', 'objection.raised', 'objection.resolved'] as const) expect(stats.byType[t], t).toBeGreaterThan(0);
    const sim = simulateIngest(lines, city);
    expect(sim.otherReasons).toEqual([]);
    expect({ read: sim.read, accepted: sim.accepted, duplicates: sim.duplicates, quarantined: sim.quarantined }).toEqual(expectedIngest(stats));
  });

  it('streams: the first lines of a 10M-event log come without generating the rest', () => {
    const t0 = performance.now();
    const s = generateEvents(city, { seed: 9, endMonth: '2026-10', months: 12, calendar, mix: 'benchmark', targetEvents: 10_000_000 });
    const first = take(s, 1000);
    const ms = performance.now() - t0;
    expect(first).toHaveLength(1000);
    expect(s.plan.apiCalls).toBe(8_500_000);
    expect(s.stats.lines).toBeLessThan(100_000);
    s.return();
    console.log(`10M plan, first 1,000 lines after ${ms.toFixed(0)} ms`);
  });

  it('meets the target of a demo log approximately', () => {
    const s = generateEvents(city, { seed: 3, endMonth: '2026-03', months: 3, calendar, targetEvents: 50_000 });
    let n = 0;
    for (const _ of s) n++;
    expect(n).toBe(s.stats.lines);
    expect(Math.abs(s.stats.events - 50_000)).toBeLessThan(2_500);
  });
});

describe('generateEventDays', () => {
  it('yields the same lines grouped by local day, in date order', () => {
    const opts: GenerateEventsOptions = { seed: 11, endMonth: '2026-02', months: 2, calendar, badLines: 7 };
    const lines = [...generateEvents(city, opts)];
    const days = generateEventDays(city, opts);
    const flat: string[] = [];
    let prev = '';
    for (const d of days) {
      expect(d.date > prev).toBe(true);
      expect(d.month).toBe(d.date.slice(0, 7));
      prev = d.date;
      flat.push(...d.lines);
    }
    expect(flat).toEqual(lines);
    expect(days.stats.lines).toBe(lines.length);
    expect(days.expectedBadLines).toEqual(planBadLines(7));
  });

  it('validates its options', () => {
    expect(() => generateEvents(city, { ...demoOpts, months: 0 })).toThrow(RangeError);
    expect(() => generateEvents(city, { ...demoOpts, endMonth: '2026-13' })).toThrow(RangeError);
    expect(() => generateEvents(city, { ...demoOpts, calendar: [{ date: '2026-02-30', kind: 'holiday' }] })).toThrow(RangeError);
    expect(() => generateEvents(city, { ...demoOpts, badLines: -1 })).toThrow(RangeError);
    expect(() => generateEvents(city, { ...demoOpts, lastDay: '2026-11-01' })).toThrow(/lastDay/);
    expect(() => generateEvents(city, { ...demoOpts, lastDay: '2026-10-32' })).toThrow(/lastDay/);
  });

  it('stops at the last day asked for, bad lines included, and the importer still quarantines only those', () => {
    const opts: GenerateEventsOptions = { seed: 5, endMonth: '2026-02', months: 2, calendar, badLines: 9, lastDay: '2026-02-10' };
    const days = [...generateEventDays(city, opts)];
    expect(days.at(-1)!.date).toBe('2026-02-10');
    const { lines, stats } = collect(city, opts);
    let lastAccepted = '';
    const sim = simulateIngest(lines, city, (e) => (lastAccepted = localDate(e) > lastAccepted ? localDate(e) : lastAccepted));
    expect(lastAccepted).toBe('2026-02-10');
    const expected = expectedIngest(stats);
    expect(expected.quarantined).toBeGreaterThan(0);
    expect({ accepted: sim.accepted, duplicates: sim.duplicates, quarantined: sim.quarantined }).toEqual({
      accepted: expected.accepted,
      duplicates: expected.duplicates,
      quarantined: expected.quarantined,
    });
  });
});
