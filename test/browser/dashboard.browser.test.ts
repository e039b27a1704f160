import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { formatPeriod, periodContaining, previousPeriod } from '@app/scoring';
import type { DepartmentTodo, FindingsResponse, OverviewResponse, ScoreRecord } from '@app/contracts';
import { addUser, loginAs, TEST_PASSWORD, type TestApp } from '../integration/support/test-app';
import { DEMO_DATABASE_KIND, DEMO_PASSWORDS, haveChromium, SHOTS, startDemoBrowser, type DemoBrowser } from './support/demo-browser';

describe.runIf(haveChromium)(`the dashboard in Chromium (${DEMO_DATABASE_KIND}, demo city)`, { timeout: 120_000 }, () => {
  let demo: DemoBrowser;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const period = formatPeriod(previousPeriod(periodContaining('month', Date.now(), 'Asia/Shanghai')));

  beforeAll(async () => {
    demo = await startDemoBrowser();
    ({ t, browser, base } = demo);
  }, 600_000);
  afterAll(async () => {
    await demo?.close();
  });

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
    const bytes = readFileSync(file);
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
    for (const section of ['users', 'master-data', 'calendar', 'schemes', 'sources', 'ledger', 'quarantine', 'notifications', 'periods', 'audit']) {
      await page.goto(`${base}/admin/${section}`);
      await page.waitForLoadState('networkidle');
      // The notifications section shows its channel form once its chunk and queries have loaded.
      if (section === 'notifications') await page.locator('[data-testid=channel-form]').waitFor({ timeout: 30_000 });
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

  it("shows a department user its to-do: the overdue requests the current month's record counts; another department's to-do is 403", async () => {
    const page = await logIn('psb');
    const count = page.locator('[data-testid=todo-panel] [data-testid=todo-overdue-requests]');
    await count.waitFor({ timeout: 30_000 });
    const shown = Number(await count.getAttribute('data-value'));
    const asOf = (await count.getAttribute('data-as-of'))!;
    const month = formatPeriod(periodContaining('month', Date.parse(asOf), 'Asia/Shanghai'));
    const record = await api<ScoreRecord>('psb', `/api/scores?period=${month}&asOf=${encodeURIComponent(asOf)}`);
    expect(shown).toBe(record.departments.find((d) => d.dept === 'PSB')!.counts.requestsOverdueOpen);
    const todo = await api<DepartmentTodo>('psb', `/api/departments/PSB/todo?asOf=${encodeURIComponent(asOf)}`);
    expect(todo.overdue.filter((i) => i.kind === 'request')).toHaveLength(shown);
    if (shown > 0) {
      const first = page.locator('[data-testid=todo-panel] [data-testid=todo-row][data-state=overdue][data-kind=request]').first();
      await first.waitFor({ timeout: 30_000 });
      expect(await first.innerText()).toContain(todo.overdue.find((i) => i.kind === 'request')!.id);
    }
    await shot(page, 'department-todo');
    await page.close();
    await t.http
      .get('/api/departments/CAB/todo')
      .set('Authorization', `Bearer ${tokens.get('psb')}`)
      .expect(403);
  });

  it("opens the warnings page from the overview's overdue card, for a leader, with every department's overdue requests and the filters", async () => {
    const page = await logIn('leader');
    await page.goto(`${base}/overview?period=${period}`);
    await page.locator('[data-testid=overdue-open-link]').click();
    await page.waitForURL((url) => url.pathname === '/warnings', { timeout: 30_000 });
    const count = page.locator('[data-testid=warnings-overdue-count]');
    await expect.poll(async () => count.getAttribute('data-as-of'), { timeout: 30_000 }).toBeTruthy();
    const asOf = (await count.getAttribute('data-as-of'))!;
    const todos = await api<DepartmentTodo[]>('leader', `/api/todo?asOf=${encodeURIComponent(asOf)}`);
    const overdueRequests = todos.flatMap((d) => d.overdue.filter((i) => i.kind === 'request'));
    expect(Number(await count.getAttribute('data-value'))).toBe(overdueRequests.length);
    const rows = page.locator('[data-testid=warning-row]');
    if (overdueRequests.length > 0) {
      await rows.first().waitFor({ timeout: 30_000 });
      for (const row of await rows.all()) expect([await row.getAttribute('data-state'), await row.getAttribute('data-kind')]).toEqual(['overdue', 'request']);
    }
    expect(await page.locator('[data-testid=warnings-export]').getAttribute('href')).toBe('/api/todo.xlsx?kind=request&state=overdue');
    await page.goto(`${base}/warnings?dept=PSB`);
    await page.locator('[data-testid=warning-row]').first().waitFor({ timeout: 30_000 });
    for (const row of await rows.all()) expect(await row.getAttribute('data-dept')).toBe('PSB');
    await shot(page, 'warnings');
    await page.close();
  });

  it("shows a department user its points-lost waterfall down to its total, each step opening its findings, and no one else's points lost", async () => {
    const record = await api<ScoreRecord>('psb', `/api/scores?period=${period}`);
    const own = record.departments.find((d) => d.dept === 'PSB')!;
    expect(own.pointsLost, 'PSB has a total in the demo city').not.toBeNull();
    for (const d of record.departments) if (d.dept !== 'PSB') expect(d, d.dept).not.toHaveProperty('pointsLost');
    const findings = await api<FindingsResponse>('psb', `/api/departments/PSB/findings?period=${period}`);

    const page = await logIn('psb');
    await page.goto(`${base}/departments/PSB?period=${period}`);
    await page.locator('[data-testid=points-lost-chart][data-rendered=true]').waitFor({ timeout: 30_000 });
    const total = await value(page, '[data-testid=dimension-total]');
    const steps = await page
      .locator('[data-testid=points-lost-step]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-part'), e.getAttribute('data-value')]));
    expect(steps.map(([part]) => part)).toEqual(['timeliness', 'completeness', 'requests', 'objections', 'interfaces']);
    const shown = steps.filter(([, v]) => v !== '').map(([, v]) => Number(v));
    const sum = shown.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - (100 - total)), `steps ${JSON.stringify(steps)} against total ${total}`).toBeLessThan(0.005 * (shown.length + 1) + 1e-9);
    expect(Object.fromEntries(steps.map(([part, v]) => [part, v === '' ? null : Number(v)]))).toEqual({
      timeliness: own.pointsLost!.timeliness,
      completeness: own.pointsLost!.completeness,
      requests: own.pointsLost!.requests,
      objections: own.pointsLost!.objections,
      interfaces: own.pointsLost!.interfaces,
    });

    // Opening a step lists the findings of that part with their points.
    const partOf = { missed_window: 'timeliness', low_completeness: 'completeness', late_request: 'requests', late_objection: 'objections' } as const;
    const first = findings.findings[0];
    expect(first, 'PSB has findings in the demo city').toBeDefined();
    const part = partOf[first.kind];
    const ofPart = findings.findings.filter((f) => partOf[f.kind] === part);
    await page.locator(`[data-testid=points-lost-step][data-part=${part}]`).click();
    await page.locator('[data-testid=points-lost-finding]').first().waitFor({ timeout: 30_000 });
    const listed = await page
      .locator('[data-testid=points-lost-finding]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), Number(e.getAttribute('data-value'))]));
    expect(listed).toEqual(ofPart.map((f) => [f.kind, f.pointsLost]));
    await shot(page, 'department-points-lost');

    // The ranking shows a department user no points-lost column; an inspector sees every department's.
    await page.goto(`${base}/rankings?period=${period}`);
    await page.locator('[data-testid=ranking-row]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid^=cell-lost-]').count()).toBe(0);
    await page.close();
    const inspector = await logIn('inspector');
    await inspector.goto(`${base}/rankings?period=${period}`);
    await inspector.locator('[data-testid=cell-lost-total-PSB]').first().waitFor({ timeout: 30_000 });
    expect(await value(inspector, '[data-testid=cell-lost-total-PSB]')).toBe(own.pointsLost!.total);

    // A month before the demo's assessment start says so instead of a table of zeros.
    let early = periodContaining('month', Date.now(), 'Asia/Shanghai');
    for (let i = 0; i < 14; i++) early = previousPeriod(early);
    await inspector.goto(`${base}/rankings?period=${formatPeriod(early)}`);
    await inspector.locator('[data-testid=before-assessment-start]').waitFor({ timeout: 30_000 });
    expect(await inspector.locator('body').innerText()).toContain('该周期早于考核起始月');
    await shot(inspector, 'before-assessment-start');
    await inspector.close();
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

  it('sets up two-factor sign-in on its page, keeps the recovery codes in view, and then asks for a code at login', async () => {
    await addUser(t.http, { Authorization: `Bearer ${await loginAs(t.http, 'admin', DEMO_PASSWORDS.admin)}` }, 'psb-2fa', 'department', 'PSB');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const signIn = async () => {
      await page.goto(`${base}/login`);
      await page.fill('#username', 'psb-2fa');
      await page.fill('#password', TEST_PASSWORD);
      await page.click('button[type=submit]');
    };
    await signIn();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
    await page.goto(`${base}/account/two-factor`);
    await page.getByRole('button', { name: '开始设置' }).click();
    const secret = (await page.locator('[data-testid=two-factor-secret]').innerText()).trim();
    expect(await page.locator('img.two-factor-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.fill('#code', await generate({ secret }));
    await page.getByRole('button', { name: '验证并启用' }).click();
    const codes = page.locator('[data-testid=recovery-codes] li');
    await codes.first().waitFor({ timeout: 10_000 });
    expect(await codes.count()).toBe(10);
    await shot(page, 'two-factor-recovery-codes');
    await page.getByRole('button', { name: '我已保存恢复码，继续' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/departments/PSB'), { timeout: 30_000 });

    await page.context().clearCookies();
    await signIn();
    await page.locator('#code').waitFor({ timeout: 10_000 });
    expect(await page.locator('[role=alert]').innerText()).toContain('6 位动态码');
    // The step after the one just confirmed: a code works once.
    await page.fill('#code', await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.click('button[type=submit]');
    await page.waitForURL((url) => url.pathname.startsWith('/departments/PSB'), { timeout: 30_000 });
    await page.close();
  });
});
