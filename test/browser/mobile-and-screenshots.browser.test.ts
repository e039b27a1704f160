import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatPeriod, periodContaining, previousPeriod } from '@app/scoring';
import { DemoSeedJob } from '../../apps/api/src/modules/demo/demo-seed.job';
import { createTestDatabase, type TestDatabase } from '../integration/support/databases';
import { loginAs, REPO_ROOT, startTestApp, type TestApp } from '../integration/support/test-app';
import { CHROMIUM, DEMO_DATABASE_KIND, DEMO_PASSWORDS, haveChromium, SHOTS } from './support/demo-browser';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** An admin that exists before seeding (ADMIN_USERNAME), so the footer can be seen while the demo seeds. */
const ROOT = { username: 'root', password: 'Root-Admin-Password-2026' };

/** Lets the desktop shell grow with its content, for a full-length capture. */
const FULL_LENGTH = '.app-shell { height: auto !important; min-height: 100vh; overflow: visible !important; } .app-content { overflow: visible !important; }';

/** The pages a leader opens on a phone: the overview, the rankings, a department's page. */
const LEADER_PHONE_PAGES = ['overview', 'rankings', 'department'] as const;

describe.runIf(haveChromium)(`phones and screenshots of every page (${DEMO_DATABASE_KIND}, demo city)`, { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let seeding: Promise<void>;
  const printed: string[] = [];
  const period = formatPeriod(previousPeriod(periodContaining('month', Date.now(), 'Asia/Shanghai')));
  const pathOf = (page: string) => (page === 'department' ? `/departments/PSB?period=${period}` : `/${page}?period=${period}`);

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
      const build = spawnSync('npm', ['run', 'build', '-w', '@app/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`web build failed: ${build.stderr}`);
    }
    mkdirSync(SHOTS, { recursive: true });
    // The demo logins are written straight to the console when seeding has finished.
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    });
    db = await createTestDatabase(DEMO_DATABASE_KIND);
    t = await startTestApp(db, { DEMO_SEED: 'auto', ADMIN_USERNAME: ROOT.username, ADMIN_PASSWORD: ROOT.password });
    seeding = t.app.get(DemoSeedJob).running ?? Promise.resolve();
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
  }, 600_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await browser?.close();
    await seeding?.catch(() => undefined);
    await t?.close();
    await db?.drop();
  });

  /**
   * The whole page: on a phone the document scrolls; on a desktop the shell is one screen high and
   * its content scrolls inside, so for the capture the content is let out to its full length.
   */
  async function shot(page: Page, name: string): Promise<void> {
    const unlock = (page.viewportSize()?.width ?? 0) >= 768 ? await page.addStyleTag({ content: FULL_LENGTH }) : null;
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    await unlock?.evaluate((style) => (style as Element).remove());
  }

  async function logIn(user: string, password: string, viewport = DESKTOP): Promise<Page> {
    const page = await browser.newPage({ viewport, ...(viewport.width < 768 ? { isMobile: true, hasTouch: true } : {}) });
    await page.goto(`${base}/login`);
    await page.fill('#username', user);
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
    return page;
  }

  /** A page of the dashboard, loaded: its requests settled, no spinner, its charts drawn, no error in place of it. */
  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('#main-content > *').first().waitFor({ timeout: 30_000 });
    await page.locator('.state-box .ant-spin').first().waitFor({ state: 'detached', timeout: 30_000 });
    // Charts animate their first draw for about a second: the screenshot shows them drawn.
    await page.waitForTimeout(1200);
    expect(await page.locator('[data-testid=error-state]').count(), path).toBe(0);
    expect(await page.locator('[data-testid=not-found]').count(), path).toBe(0);
  }

  it('shows the seeding progress on the login page and in the footer while the demo seeds, then prints the demo logins', async () => {
    const progress = await t.http.get('/api/system/seeding').expect(200);
    expect(progress.body.state, 'the demo seeds for a minute or more; the test looks at it meanwhile').toBe('running');
    expect(progress.body).not.toHaveProperty('error');

    const login = await browser.newPage({ viewport: DESKTOP });
    await login.goto(`${base}/login`);
    const onLogin = login.locator('.login-card [data-testid=seeding-progress]');
    await onLogin.waitFor({ timeout: 30_000 });
    expect(await onLogin.innerText()).toContain('正在生成演示数据');
    await shot(login, 'desktop-login-seeding');
    await login.close();

    const root = await logIn(ROOT.username, ROOT.password);
    const inFooter = root.locator('.status-footer [data-testid=seeding-progress]');
    await inFooter.waitFor({ timeout: 30_000 });
    const first = Number(await inFooter.getAttribute('data-value'));
    await expect.poll(async () => Number(await inFooter.getAttribute('data-value')), { timeout: 60_000 }).toBeGreaterThan(first);
    await shot(root, 'desktop-footer-seeding');

    await seeding;
    await inFooter.waitFor({ state: 'detached', timeout: 30_000 });
    await root.close();
    // The README's table of role, username and password, printed once seeding has finished.
    const table = printed
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('|'));
    expect(table[0]).toMatch(/^\| role +\| username +\| password +\|$/);
    for (const [user, password] of Object.entries(DEMO_PASSWORDS))
      expect(
        table.some((line) => line.includes(` ${user} `) && line.includes(` ${password} `)),
        user,
      ).toBe(true);
    expect(table.find((line) => line.includes(' psb '))).toContain('department 部门 (市公安局 PSB)');
  });

  it('fits a phone (390 × 844): the leader pages scroll down only, with the menu in a drawer', async () => {
    const page = await logIn('leader', DEMO_PASSWORDS.leader, PHONE);
    for (const name of LEADER_PHONE_PAGES) {
      await open(page, pathOf(name));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(PHONE.width);
      // Nothing scrolls sideways inside the page either (a table scrolls inside its card at most).
      expect(await page.evaluate(() => document.getElementById('main-content')!.scrollWidth), name).toBeLessThanOrEqual(PHONE.width);
      expect(await page.locator('.app-sider').count(), name).toBe(0);
      await shot(page, `phone-leader-${name}`);
    }
    // The rankings show the total beside each department, not off to the right.
    await open(page, pathOf('rankings'));
    const total = await page.locator('[data-testid^=cell-total-]').first().boundingBox();
    expect(total!.x + total!.width).toBeLessThanOrEqual(PHONE.width);

    await page.locator('[data-testid=menu-button]').click();
    const drawer = page.locator('.menu-drawer');
    await drawer.waitFor({ timeout: 10_000 });
    // The drawer slides in over the screen (not the whole page): capture the screen once it is in.
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'phone-leader-menu.png') });
    await drawer.locator('a[href^="/overview"]').click();
    await page.waitForURL((url) => url.pathname === '/overview', { timeout: 30_000 });
    await drawer.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.close();
  });

  it('takes a screenshot of every page at 1440 × 900: the leader pages as a leader, the admin and inspector pages as admin and inspector', async () => {
    // A published period, so the export history has its kept reports (the zip among them) and appeals say they wait for a re-opening.
    const inspectorToken = await loginAs(t.http, 'inspector', DEMO_PASSWORDS.inspector);
    await t.http.post(`/api/periods/${period}/publish`).set('Authorization', `Bearer ${inspectorToken}`).expect(200);

    const leader = await logIn('leader', DEMO_PASSWORDS.leader);
    for (const name of [
      'overview',
      'rankings',
      'departments',
      'department',
      'warnings',
      'network',
      'method',
      'reports',
      'about',
      'account/password',
      'account/two-factor',
    ]) {
      if (name.startsWith('account/')) {
        await leader.goto(`${base}/${name}`);
        await leader.waitForLoadState('networkidle');
      } else await open(leader, pathOf(name));
      expect(await leader.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(DESKTOP.width);
      await shot(leader, `desktop-leader-${name.replace('/', '-')}`);
    }
    // 导出记录 lists the published period's zip of department reports beside the city's reports; only inspectors export a zip.
    await open(leader, pathOf('reports'));
    expect((await leader.locator('[data-testid=kept-report]').evaluateAll((links) => links.map((a) => a.getAttribute('data-format')))).sort()).toEqual([
      'csv',
      'pdf',
      'xlsx',
      'zip',
    ]);
    expect(await leader.locator('[data-testid=report-exports] [data-format=zip]').count()).toBe(0);
    // The appeals of a published period say they take effect once an admin re-opens it, and name their windows.
    await open(leader, pathOf('department'));
    await leader.locator('[data-testid=appeal-awaits-reopen]').first().waitFor({ timeout: 30_000 });
    expect(await leader.locator('[data-testid=appeal-target]').first().innerText()).toMatch(
      /更新窗口 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 至 \d{4}-\d{2}-\d{2}|申请 |异议 /,
    );
    await leader.close();

    const inspector = await logIn('inspector', DEMO_PASSWORDS.inspector);
    for (const name of ['admin/periods', 'admin/audit', 'reports']) {
      await open(inspector, name.startsWith('admin/') ? `/${name}` : pathOf(name));
      await shot(inspector, `desktop-inspector-${name.replace('/', '-')}`);
    }
    expect(await inspector.locator('[data-testid=report-exports] [data-format=zip]').count()).toBe(1);
    await inspector.close();

    const admin = await logIn('admin', DEMO_PASSWORDS.admin);
    for (const section of ['users', 'master-data', 'calendar', 'schemes', 'sources', 'ledger', 'quarantine', 'notifications', 'periods', 'audit']) {
      await open(admin, `/admin/${section}`);
      if (section === 'notifications') await admin.locator('[data-testid=channel-form]').waitFor({ timeout: 30_000 });
      expect(await admin.evaluate(() => document.documentElement.scrollWidth), section).toBeLessThanOrEqual(DESKTOP.width);
      await shot(admin, `desktop-admin-${section}`);
    }
    await admin.close();

    const psb = await logIn('psb', DEMO_PASSWORDS.psb);
    await open(psb, pathOf('department'));
    await shot(psb, 'desktop-department-psb');
    // Before filing against a published period's finding, the form says it takes effect only when an admin re-opens the period.
    await psb.locator('[data-testid=appeal-button]').first().click();
    const notice = psb.locator('[data-testid=appeal-published-notice]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('须由管理员重新开放该期');
    // The dialog zooms in: capture it once it has.
    await psb.waitForTimeout(600);
    await psb.screenshot({ path: join(SHOTS, 'desktop-department-psb-appeal-form.png') });
    await psb.close();

    const login = await browser.newPage({ viewport: DESKTOP });
    await login.goto(`${base}/login`);
    await login.locator('#username').waitFor();
    await shot(login, 'desktop-login');
    await login.close();
  });
});
