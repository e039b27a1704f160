import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatPeriod, periodContaining, previousPeriod } from '@app/scoring';
import type { FindingsResponse, OverviewResponse, ScoreRecord } from '@app/contracts';
import { DemoSeedJob } from '../../apps/api/src/modules/demo/demo-seed.job';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../integration/support/databases';
import { loginAs, REPO_ROOT, startTestApp, type TestApp } from '../integration/support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is required under CI (apt-get install -y chromium fonts-noto-cjk)`);
  process.stderr.write(`\n*** ${CHROMIUM} not found: the browser tests are SKIPPED (apt-get install -y chromium fonts-noto-cjk) ***\n\n`);
}

// The demo city on PostgreSQL when it answers (faster to seed), else on the embedded database.
const kind = databaseKinds().at(-1)!;

describe.runIf(haveChromium)(`the dashboard in Chromium (${kind}, demo city)`, { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const period = formatPeriod(previousPeriod(periodContaining('month', Date.now(), 'Asia/Shanghai')));

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
      const build = spawnSync('npm', ['run', 'build', '-w', '@app/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`web build failed: ${build.stderr}`);
    }
    mkdirSync(SHOTS, { recursive: true });
    db = await createTestDatabase(kind);
    // Many logins from one address in a few minutes: lift the login rate limit for this run.
    t = await startTestApp(db, { DEMO_SEED: 'auto', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    await t.app.get(DemoSeedJob).running;
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await db?.drop();
  });

  // README's demo logins.
  const DEMO_PASSWORDS: Record<string, string> = {
    leader: 'Lingdao-Demo-2026',
    inspector: 'Ducha-Demo-2026',
    admin: 'Guanli-Demo-2026',
    psb: 'Gongan-Demo-2026',
    cab: 'Minzheng-Demo-2026',
  };
  const tokens = new Map<string, string>();
  async function api<T>(user: string, path: string): Promise<T> {
    if (!tokens.has(user)) tokens.set(user, await loginAs(t.http, user, DEMO_PASSWORDS[user]));
    const token = tokens.get(user)!;
    return (await t.http.get(path).set('Authorization', `Bearer ${token}`).expect(200)).body as T;
  }

  async function logIn(user: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.goto(`${base}/login`);
    await page.fill('#username', user);
    await page.fill('#password', DEMO_PASSWORDS[user]);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const value = async (page: Page, selector: string) => Number(await page.locator(selector).first().getAttribute('data-value'));

  it('shows the overview with the API city average, for a leader', async () => {
    const page = await logIn('leader');
    expect(new URL(page.url()).pathname).toBe('/overview');
    await page.goto(`${base}/overview?period=${period}`);
    await page.locator('[data-testid=city-average-value]').waitFor({ timeout: 30_000 });
    const overview = await api<OverviewResponse>('leader', `/api/overview?period=${period}`);
    expect(await value(page, '[data-testid=city-average-value]')).toBe(overview.cityAverage);
    await page.locator('[data-rendered=true]').first().waitFor({ timeout: 30_000 });
    await shot(page, 'overview');
    await page.close();
  });

  it("shows the ranking table's first ten rows as the API ranks them", async () => {
    const page = await logIn('inspector');
    await page.goto(`${base}/rankings?period=${period}`);
    await page.locator('[data-testid=ranking-row]').first().waitFor({ timeout: 30_000 });
    const record = await api<ScoreRecord>('inspector', `/api/scores?period=${period}`);
    const rows = page.locator('[data-testid=ranking-row]');
    const shown: { dept: string; total: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const dept = (await rows.nth(i).getAttribute('data-dept'))!;
      shown.push({ dept, total: Number((await page.locator(`[data-testid=cell-total-${dept}]`).first().innerText()).trim()) });
    }
    expect(shown).toEqual(record.departments.slice(0, 10).map((d) => ({ dept: d.dept, total: d.total })));
    await shot(page, 'rankings');

    // The workbook downloads from the dashboard and is a real XLSX (a zip) of this period.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-buttons] [data-format=xlsx]').first().click()]);
    const file = await download.path();
    const bytes = readFileSync(file!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(download.suggestedFilename()).toContain(period);
    await page.close();
  });

  it("shows a department's three dimension scores as the API computes them", async () => {
    const page = await logIn('leader');
    const record = await api<ScoreRecord>('leader', `/api/scores?period=${period}`);
    const dept = record.departments[5];
    await page.goto(`${base}/departments/${dept.dept}?period=${period}`);
    await page.locator('[data-testid=dimension-total]').waitFor({ timeout: 30_000 });
    for (const key of ['timeliness', 'completeness', 'response'] as const) {
      const shownValue = await page.locator(`[data-testid=dimension-${key}]`).getAttribute('data-value');
      expect(shownValue === '' ? null : Number(shownValue), key).toBe(dept[key]);
    }
    await shot(page, 'department');
    for (const path of ['network', 'method', 'reports', 'departments']) {
      await page.goto(`${base}/${path}?period=${period}`);
      await page.waitForLoadState('networkidle');
      await shot(page, path);
    }
    await page.close();
  });

  it('lets admins reach every administration page', async () => {
    const page = await logIn('admin');
    for (const section of ['users', 'master-data', 'calendar', 'schemes', 'sources', 'ledger', 'quarantine', 'periods', 'audit']) {
      await page.goto(`${base}/admin/${section}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[data-testid=error-state]').count(), section).toBe(0);
      expect(await page.locator('[data-testid=not-found]').count(), section).toBe(0);
      await shot(page, `admin-${section}`);
    }
    await page.close();
  });

  it("keeps a department user on its own page and out of another's", async () => {
    const page = await logIn('psb');
    expect(new URL(page.url()).pathname).toBe('/departments/PSB');
    await page.goto(`${base}/departments/CAB?period=${period}`);
    await page.locator('[data-testid=error-state][data-status="403"]').waitFor({ timeout: 30_000 });
    await shot(page, 'department-forbidden');
    await page.close();
  });

  it('files an appeal, an inspector accepts it, and the score on screen changes', async () => {
    const findings = await api<FindingsResponse>('psb', `/api/departments/PSB/findings?period=${period}`);
    const target = findings.findings.find((f) => (f.kind === 'missed_window' || f.kind === 'late_request') && (!f.appeal || f.appeal.status === 'rejected'));
    expect(target, 'PSB needs an appealable finding in the demo city').toBeDefined();
    const psb = await logIn('psb');
    await psb.goto(`${base}/departments/PSB?period=${period}`);
    await psb.locator('[data-testid=dimension-total]').waitFor({ timeout: 30_000 });
    const before = await value(psb, '[data-testid=dimension-total]');
    await psb.locator(`[data-testid=finding-row][data-kind=${target!.kind}] [data-testid=appeal-button]`).first().click();
    await psb.fill('[data-testid=appeal-reason]', '平台故障导致推送失败，附运维记录');
    await psb.locator('.ant-modal-footer .ant-btn-primary').click();
    await psb.locator('[data-testid=appeal-row][data-status=pending]').first().waitFor({ timeout: 30_000 });

    const inspector = await logIn('inspector');
    await inspector.goto(`${base}/departments/PSB?period=${period}`);
    await inspector.locator('[data-testid=appeal-accept]').first().waitFor({ timeout: 30_000 });
    await inspector.locator('[data-testid=appeal-accept]').first().click();
    await inspector.locator('.ant-modal-footer .ant-btn-primary').click();
    await inspector.locator('.ant-modal').waitFor({ state: 'detached', timeout: 30_000 });
    await inspector.close();

    await psb.reload();
    await psb.locator('[data-testid=dimension-total]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => value(psb, '[data-testid=dimension-total]'), { timeout: 30_000 }).toBeGreaterThan(before);
    await shot(psb, 'department-after-appeal');
    await psb.close();
  });

  it('switches the language', async () => {
    const page = await logIn('leader');
    await page.goto(`${base}/rankings?period=${period}`);
    await page.locator('[data-testid=ranking-row]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('body').innerText()).toContain('排名');
    await page.locator('[data-testid=language-switch] >> text=English').click();
    await expect.poll(async () => page.locator('body').innerText(), { timeout: 10_000 }).toContain('Rankings');
    await shot(page, 'rankings-en');
    await page.close();
  });
});
