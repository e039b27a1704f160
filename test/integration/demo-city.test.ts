import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPeriod, periodContaining, previousPeriod } from '@app/scoring';
import type { NetworkResponse, ScoreRecord, TrendsResponse } from '@app/contracts';
import { DemoSeedJob } from '../../apps/api/src/modules/demo/demo-seed.job';
import { DemoSeedService } from '../../apps/api/src/modules/demo/demo-seed.service';
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

  it('reports seeding done and quarantines only the deliberate bad lines', async () => {
    const system = await get<{ seeding: { state: string } }>('/api/system');
    expect(system.seeding.state).toBe('done');
    const seed = t.app.get(DemoSeedService).lastSeed!;
    expect(seed.actual).toEqual(seed.expected);
    expect(seed.actual.quarantined).toBeGreaterThan(100);
    expect(seed.actual.accepted).toBeGreaterThan(250_000);
  });

  it('ranks the last complete month with every grade, commends and notices', async () => {
    const record = await get<ScoreRecord>(`/api/scores?period=${lastComplete}`);
    expect(record.departments.length).toBeGreaterThanOrEqual(35);
    expect(new Set(record.departments.map((d) => d.grade))).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(record.commended.length).toBeGreaterThanOrEqual(1);
    expect(record.noticed.length).toBeGreaterThanOrEqual(1);
  });

  it('shows the nearly isolated department as isolated in the sharing network', async () => {
    const isolated = t.app
      .get(DemoSeedService)
      .lastSeed!.city.departments.filter((d) => d.profile === 'isolated')
      .map((d) => d.code);
    expect(isolated).toHaveLength(1);
    const network = await get<NetworkResponse>(`/api/network?period=${lastComplete}`);
    expect(network.nodes.filter((n) => n.isolated).map((n) => n.dept)).toContain(isolated[0]);
    expect(network.nodes.filter((n) => n.isolated).length).toBeLessThanOrEqual(3);
    expect(network.edges.length).toBeGreaterThan(20);
  });

  it("shows profiles in trends: an improving department's total rises over the months", async () => {
    const improving = t.app
      .get(DemoSeedService)
      .lastSeed!.city.departments.filter((d) => d.profile === 'improving')
      .map((d) => d.code);
    const to = lastComplete;
    let from = periodContaining('month', Date.now(), 'Asia/Shanghai');
    for (let i = 0; i < 12; i++) from = previousPeriod(from);
    const trends = await get<TrendsResponse>(`/api/trends?kind=month&from=${formatPeriod(from)}&to=${to}`);
    const mean = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0) / xs.length;
    for (const code of improving) {
      const totals = trends.departments.find((d) => d.dept === code)!.values.map((v) => v.total);
      expect(mean(totals.slice(-3)), code).toBeGreaterThan(mean(totals.slice(0, 3)));
    }
  });

  it('has appeals accepted and rejected', async () => {
    const appeals = await get<{ status: string }[]>('/api/appeals');
    expect(appeals.some((a) => a.status === 'accepted')).toBe(true);
    expect(appeals.some((a) => a.status === 'rejected')).toBe(true);
  });
});
