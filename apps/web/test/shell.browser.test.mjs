// Browser check of the dashboard shell against a mock API: auth flow, role menus, status bar,
// language and large-display switches, and layout at 1366x768.
// Run after `npm run build -w @app/web`:  npm run test:browser -w @app/web
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startMockApi } from './mock-api-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const VIEWPORT = { width: 1366, height: 768 };

const missing = !existsSync(CHROMIUM) ? `Chromium not found at ${CHROMIUM}` : !existsSync(DIST) ? `no build at ${DIST}` : null;
if (missing && process.env.CI === 'true') throw new Error(`browser tests required in CI: ${missing}`);
if (missing) console.warn(`\n*** SKIPPING web shell browser tests: ${missing} ***\n`);

describe('dashboard shell', { skip: missing ?? false }, () => {
  let api;
  let browser;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    api = await startMockApi(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  after(async () => {
    await browser?.close();
    await api?.close();
  });

  async function newPage({ clock = false } = {}) {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      // 401/403/404 from the mock are expected answers; anything else logged as an error is a bug.
      if (msg.type() === 'error' && !/status of (401|403|404|429|503)/.test(msg.text())) problems.push(`console: ${msg.text()}`);
    });
    if (clock) await page.clock.install();
    return { page, context, problems };
  }

  async function login(page, username, password) {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  async function screenshot(page, name) {
    await page.mouse.move(VIEWPORT.width - 40, VIEWPORT.height / 2);
    await page.waitForTimeout(400); // let antd's menu and switch transitions finish
    await page.screenshot({ path: `${SHOTS}${name}.png` });
  }

  const menuLabels = (page) => page.locator('.app-sider .ant-menu-title-content').allInnerTexts();

  async function assertHeaderFits(page) {
    const overflow = await page.evaluate(() => {
      const header = document.querySelector('.app-header');
      const actions = document.querySelector('.app-header-actions').getBoundingClientRect();
      return { scroll: header.scrollWidth, client: header.clientWidth, actionsRight: actions.right, width: window.innerWidth };
    });
    assert.ok(overflow.scroll <= overflow.client, `header overflows: ${JSON.stringify(overflow)}`);
    assert.ok(overflow.actionsRight <= overflow.width, `header actions cut off: ${JSON.stringify(overflow)}`);
  }

  test('an anonymous visit goes to /login, keeps the target, and a wrong password is explained', async () => {
    const { page, context, problems } = await newPage();
    await page.goto(`${api.url}/overview`);
    await page.waitForURL(/\/login\?redirect=%2Foverview$/);
    await page.getByRole('heading', { name: '用户登录' }).waitFor();
    assert.equal(await page.title(), '用户登录 · 政务数据共享绩效考核看板');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await screenshot(page, 'login-1366x768');

    await login(page, 'leader', 'wrong');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await login(page, 'flood', 'x');
    await page.getByRole('alert').filter({ hasText: '登录尝试过于频繁' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a leader lands on the requested page with the city menu, live status, and no token in reach of scripts', async () => {
    const { page, context, problems } = await newPage();
    await page.goto(`${api.url}/network`);
    await page.waitForURL(/\/login/);
    await login(page, 'leader', 'leader-pass');
    await page.waitForURL(`${api.url}/network`);
    await page.getByRole('heading', { name: '共享网络' }).waitFor();
    assert.deepEqual(await menuLabels(page), ['总览', '排名', '部门', '共享网络', '考核方法', '关于本系统']);
    await page.getByTestId('current-user').filter({ hasText: 'leader' }).filter({ hasText: '领导' }).waitFor();
    await page.getByTestId('status-health').filter({ hasText: '正常' }).waitFor();
    await page.getByTestId('status-version').filter({ hasText: '0.1.0-test' }).waitFor();
    await page.getByTestId('status-database').filter({ hasText: 'PostgreSQL' }).waitFor();

    const exposed = await page.evaluate(() => ({ cookie: document.cookie, storage: JSON.stringify({ ...localStorage, ...sessionStorage }) }));
    assert.doesNotMatch(exposed.cookie, /access_token/);
    assert.doesNotMatch(exposed.storage, /tok-/);

    await page.getByRole('link', { name: '总览' }).click();
    await page.waitForURL(`${api.url}/overview`);
    await page.getByText('本页面将随评分接口一同上线。').waitFor();
    await assertHeaderFits(page);
    await screenshot(page, 'overview-leader-1366x768');

    await page.goto(`${api.url}/admin/users`);
    await page.getByText('您的角色无权查看此页面').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('language and large display persist across reloads and still fit 1366x768', async () => {
    const { page, context, problems } = await newPage();
    await page.goto(`${api.url}/login`);
    await login(page, 'admin', 'admin-pass');
    await page.waitForURL(`${api.url}/overview`);

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByTestId('current-user').filter({ hasText: 'Administrator' }).waitFor();
    await assertHeaderFits(page);
    await screenshot(page, 'overview-admin-en-1366x768');

    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('switch').click();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('large-display')), true);
    await page.reload();
    await page.getByRole('heading', { name: '总览' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('large-display')), true);
    const fontSize = await page.locator('.page-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize > 18, `large display title is ${fontSize}px`);

    await page.getByRole('menuitem', { name: '管理' }).click();
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '管理 · 审计日志' }).waitFor();
    assert.deepEqual(await menuLabels(page), ['总览', '排名', '部门', '共享网络', '考核方法', '管理', '用户', '主数据', '工作日历', '考核方案', '数据源', '隔离数据', '审计日志', '关于本系统']);
    await assertHeaderFits(page);
    await screenshot(page, 'admin-large-display-1366x768');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a department user lands on its own department and sees no other', async () => {
    const { page, context, problems } = await newPage();
    await page.goto(`${api.url}/overview`);
    await page.waitForURL(/\/login/);
    await login(page, 'dept-a', 'dept-pass');
    // /overview is not for departments: the login sends it to its own page instead.
    await page.waitForURL(`${api.url}/departments/D001`);
    await page.getByRole('heading', { name: '本部门（D001）' }).waitFor();
    assert.deepEqual(await menuLabels(page), ['本部门', '排名', '考核方法', '关于本系统']);
    await screenshot(page, 'department-1366x768');
    for (const path of ['/departments/D002', '/overview', '/network']) {
      await page.goto(`${api.url}${path}`);
      await page.getByText('您的角色无权查看此页面').waitFor();
    }
    await page.goto(`${api.url}/`);
    await page.waitForURL(`${api.url}/departments/D001`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an inspector gets reports; logout ends the session', async () => {
    const { page, context, problems } = await newPage();
    await page.goto(`${api.url}/login`);
    await login(page, 'inspector', 'inspector-pass');
    await page.waitForURL(`${api.url}/overview`);
    await page.getByRole('heading', { name: '总览' }).waitFor();
    assert.deepEqual(await menuLabels(page), ['总览', '排名', '部门', '共享网络', '考核方法', '报告', '关于本系统']);
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await page.waitForURL(`${api.url}/login`);
    await page.goto(`${api.url}/rankings`);
    await page.waitForURL(/\/login\?redirect=%2Frankings$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a session that expires while in use returns to /login with a notice', async () => {
    const { page, context, problems } = await newPage({ clock: true });
    await page.goto(`${api.url}/login`);
    await login(page, 'leader', 'leader-pass');
    await page.waitForURL(`${api.url}/overview`);
    await page.getByTestId('status-version').filter({ hasText: '0.1.0-test' }).waitFor();
    api.expireSessions();
    // Past every staleTime, then the tab regains focus: the app re-checks the session.
    await page.clock.fastForward('15:00');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await page.waitForURL(/\/login\?redirect=%2Foverview$/);
    await page.getByText('登录已失效，请重新登录').waitFor();
    await login(page, 'leader', 'leader-pass');
    await page.waitForURL(`${api.url}/overview`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the status bar reports a database outage', async () => {
    const { page, context, problems } = await newPage();
    await page.goto(`${api.url}/login`);
    await login(page, 'leader', 'leader-pass');
    await page.waitForURL(`${api.url}/overview`);
    api.state.databaseUp = false;
    await page.goto(`${api.url}/about`);
    await page.getByTestId('status-health').filter({ hasText: '数据库不可用' }).waitFor();
    await page.getByRole('heading', { name: '关于本系统' }).waitFor();
    await page.getByText('Asia/Shanghai').first().waitFor();
    api.state.databaseUp = true;
    await screenshot(page, 'about-db-down-1366x768');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
