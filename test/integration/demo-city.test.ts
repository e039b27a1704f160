import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant, formatPeriod, periodBounds, periodContaining, periodsBetween, previousPeriod } from '@app/scoring';
import type { CalendarEntry, DepartmentTodo, NetworkResponse, SchemeVersion, ScoreRecord, TrendsResponse } from '@app/contracts';
import { DemoSeedJob } from '../../apps/api/src/modules/demo/demo-seed.job';
import { DEMO_MONTHS, DemoSeedService } from '../../apps/api/src/modules/demo/demo-seed.service';
import { IngestService } from '../../apps/api/src/modules/ingest/ingest.service';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/databases';
import { loginAs, startTestApp, type TestApp } from './support/test-app';

// The demo city is seeded once per run, on PostgreSQL when it answers (faster), else on the embedded database.
const kind = databaseKinds().at(-1)!;

describe(`the demo city seeded on first start (${kind})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  let token: string;
  const lastComplete = formatPeriod(previousPeriod(periodContaining('month', Date.now(), 'Asia/Shanghai')));

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await startTestApp(db, { DEMO_SEED: 'auto' });
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200); // the server answers while seeding runs
    await t.app.get(DemoSeedJob).running;
    token = await loginAs(t.http, 'leader', 'Lingdao-Demo-2026');
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const get = async <T>(path: string): Promise<T> => (await t.http.get(path).set('Authorization', `Bearer ${token}`).expect(200)).body as T;
  const profileOf = (code: string) => t.app.get(DemoSeedService).lastSeed!.city.departments.find((d) => d.code === code)!.profile;
  const codesOf = (profile: string) =>
    t.app
      .get(DemoSeedService)
      .lastSeed!.city.departments.filter((d) => d.profile === profile)
      .map((d) => d.code);
  /** Each department's monthly totals over the twelve months up to the last complete one. */
  const monthlyTotals = async () => {
    let from = periodContaining('month', Date.now(), 'Asia/Shanghai');
    for (let i = 0; i < 12; i++) from = previousPeriod(from);
    const trends = await get<TrendsResponse>(`/api/trends?kind=month&from=${formatPeriod(from)}&to=${lastComplete}`);
    return new Map(trends.departments.map((d) => [d.dept, d.values.map((v) => v.total)]));
  };
  const mean = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0) / xs.length;

  it('reports seeding done and quarantines only the deliberate bad lines', async () => {
    const system = await get<{ seeding: { state: string } }>('/api/system');
    expect(system.seeding.state).toBe('done');
    const seed = t.app.get(DemoSeedService).lastSeed!;
    expect(seed.actual).toEqual(seed.expected);
    expect(seed.actual.quarantined).toBeGreaterThan(100);
    expect(seed.actual.accepted).toBeGreaterThan(250_000);
  });

  it('lists each demo events file in the import ledger with its counts, and names the holidays of its calendar', async () => {
    const ledger = await t.app.get(IngestService).ledger(100, 0);
    const demo = ledger.filter((e) => e.source_kind === 'demo');
    expect(demo).toHaveLength(DEMO_MONTHS);
    expect(demo.every((e) => e.status === 'done' && e.read === e.accepted + e.duplicates + e.quarantined)).toBe(true);
    const sum = (key: 'read' | 'accepted' | 'duplicates' | 'quarantined') => demo.reduce((n, e) => n + e[key], 0);
    expect({ read: sum('read'), accepted: sum('accepted'), duplicates: sum('duplicates'), quarantined: sum('quarantined') }).toEqual(
      t.app.get(DemoSeedService).lastSeed!.actual,
    );
    const calendar = await get<CalendarEntry[]>('/api/calendar');
    expect(calendar.find((e) => e.date === '2026-02-16')).toEqual({ date: '2026-02-16', kind: 'holiday', name: '春节' });
  });

  it('ranks the last complete month with every grade, commends and notices', async () => {
    const record = await get<ScoreRecord>(`/api/scores?period=${lastComplete}`);
    expect(record.departments.length).toBeGreaterThanOrEqual(35);
    expect(new Set(record.departments.map((d) => d.grade))).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(record.commended.length).toBeGreaterThanOrEqual(1);
    expect(record.noticed.length).toBeGreaterThanOrEqual(1);
  });

  it('grades the last complete month like a city: A for 15-35%, B and C for at least 20% each, D for one to 15%', async () => {
    const record = await get<ScoreRecord>(`/api/scores?period=${lastComplete}`);
    const ranked = record.departments.filter((d) => d.rank !== null);
    const share = (grade: string) => ranked.filter((d) => d.grade === grade).length / ranked.length;
    const shares = Object.fromEntries(['A', 'B', 'C', 'D'].map((g) => [g, share(g)]));
    expect(shares.A, JSON.stringify(shares)).toBeGreaterThanOrEqual(0.15);
    expect(shares.A, JSON.stringify(shares)).toBeLessThanOrEqual(0.35);
    expect(shares.B, JSON.stringify(shares)).toBeGreaterThanOrEqual(0.2);
    expect(shares.C, JSON.stringify(shares)).toBeGreaterThanOrEqual(0.2);
    expect(ranked.filter((d) => d.grade === 'D').length).toBeGreaterThanOrEqual(1);
    expect(shares.D, JSON.stringify(shares)).toBeLessThanOrEqual(0.15);
  });

  it('commends at least two departments and notices at most a fifth of the ranked ones, none of the top three', async () => {
    const record = await get<ScoreRecord>(`/api/scores?period=${lastComplete}`);
    const ranked = record.departments.filter((d) => d.rank !== null);
    expect(record.commended.length).toBeGreaterThanOrEqual(2);
    expect(record.noticed.length, JSON.stringify(record.noticed)).toBeLessThanOrEqual(0.2 * ranked.length);
    const rankOf = new Map(ranked.map((d) => [d.dept, d.rank!]));
    for (const n of record.noticed) expect(rankOf.get(n.dept) ?? Infinity, n.dept).toBeGreaterThan(3);
  });

  it('has overdue requests at the end of the last complete month only at laggard or declining departments', async () => {
    const record = await get<ScoreRecord>(`/api/scores?period=${lastComplete}`);
    for (const d of record.departments.filter((x) => x.counts.requestsOverdueOpen > 0)) {
      expect(['laggard', 'declining'], `${d.dept} (${profileOf(d.dept)}): ${d.counts.requestsOverdueOpen} overdue`).toContain(profileOf(d.dept));
    }
  });

  it('leaves no request open more than 30 working days at the end of any month', async () => {
    const schemes = await get<SchemeVersion[]>('/api/schemes');
    const scheme = schemes.reduce((a, b) => (b.version > a.version ? b : a));
    const tooLong: string[] = [];
    let overdue = 0;
    for (const month of periodsBetween(scheme.assessmentStart!, lastComplete)) {
      const asOf = formatInstant(periodBounds(month, 'Asia/Shanghai').end - 1000, 'Asia/Shanghai');
      for (const todo of await get<DepartmentTodo[]>(`/api/todo?asOf=${encodeURIComponent(asOf)}`)) {
        for (const item of todo.overdue.filter((i) => i.kind === 'request')) {
          overdue++;
          // Working days since its submission: the SLA's up to the deadline day, then those it is overdue.
          const open = scheme.requestSlaWorkdays + item.workdaysOverdue;
          if (open > 30) tooLong.push(`${todo.dept} ${item.id}: ${open} working days at ${asOf}`);
        }
      }
    }
    expect(overdue).toBeGreaterThan(0);
    expect(tooLong).toEqual([]);
  });

  it('shows the nearly isolated department as isolated in the sharing network', async () => {
    const isolated = codesOf('isolated');
    expect(isolated).toHaveLength(1);
    const network = await get<NetworkResponse>(`/api/network?period=${lastComplete}`);
    expect(network.nodes.filter((n) => n.isolated).map((n) => n.dept)).toContain(isolated[0]);
    expect(network.nodes.filter((n) => n.isolated).length).toBeLessThanOrEqual(3);
    expect(network.edges.length).toBeGreaterThan(20);
  });

  it("shows profiles in trends: an improving department's total rises over the months", async () => {
    const improving = codesOf('improving');
    expect(improving.length).toBeGreaterThanOrEqual(1);
    const totals = await monthlyTotals();
    for (const code of improving) {
      expect(mean(totals.get(code)!.slice(-3)), code).toBeGreaterThan(mean(totals.get(code)!.slice(0, 3)));
    }
  });

  it("shows profiles in trends: a declining department's total falls over the months", async () => {
    const declining = codesOf('declining');
    expect(declining.length).toBeGreaterThanOrEqual(1);
    const totals = await monthlyTotals();
    for (const code of declining) {
      expect(mean(totals.get(code)!.slice(-3)), code).toBeLessThan(mean(totals.get(code)!.slice(0, 3)));
    }
  });

  it('has appeals accepted and rejected, their reasons written in Chinese only', async () => {
    const appeals = await get<{ status: string; reason: string }[]>('/api/appeals');
    expect(appeals.some((a) => a.status === 'accepted')).toBe(true);
    expect(appeals.some((a) => a.status === 'rejected')).toBe(true);
    for (const a of appeals) expect(a.reason).toMatch(/^[^A-Za-z]+$/);
  });
});
