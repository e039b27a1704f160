import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ACTIVE_ZH, CALENDAR_KIND_ZH, FREQUENCY_ZH, MASTER_DATA_COLUMNS } from '@app/contracts';
import { createTestDatabase, type TestDatabase } from '../integration/support/databases';
import { loadExampleOverHttp } from '../integration/support/example-http';
import { addUser, loginAs, REPO_ROOT, startTestApp, TEST_PASSWORD, type TestApp } from '../integration/support/test-app';
import { CHROMIUM, DEMO_DATABASE_KIND, haveChromium, SHOTS } from './support/demo-browser';

/**
 * Text the check treats as language-neutral, in either language: numbers, dates, times and
 * punctuation; codes (PSB, PSB-HH, CSV, Q4, grade letters); ids and field paths written with
 * separators (e-001, scheme.gradeThresholds.B); scheme versions (v2). Raw input lines
 * (.raw-line), the language switch, the user names and a file's literal header names and
 * values below are left out as well; so is what the user typed into a field.
 */
const NEUTRAL = [
  /^[\s\d.,:;%+\-−/()（）·~–—|×≥≤<>=#[\]"'“”…]*$/,
  /^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/,
  /^[A-Z0-9][A-Z0-9_\-.:]*$/,
  /^[A-Za-z0-9]+([-_.:][A-Za-z0-9]+)+$/,
  /^v\d+$/,
  /^([A-D]\s*[≥>]\s*[\d.]+\s*)+$/,
];
const USERS = ['root', 'admin2', 'inspector1'];
/** A master-data file's literal header names and cell values (either language): the upload page names them as typed. */
const FILE_LITERALS = [
  ...Object.values(MASTER_DATA_COLUMNS).flatMap((columns) => columns.flatMap((c) => [c.name, ...c.aliases])),
  ...[FREQUENCY_ZH, ACTIVE_ZH, CALENDAR_KIND_ZH].flatMap((values) => [...Object.keys(values), ...Object.values(values)]),
  // Product and setting names shown as such.
  'PostgreSQL',
  'PGlite',
  'Asia/Shanghai',
].sort((a, b) => b.length - a.length);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FILE_NAME = '[^\\s;:：]+\\.(?:csv|xlsx|ndjson|jsonl|gz|pdf|zip)\\b';
const LITERAL = new RegExp([FILE_NAME, ...FILE_LITERALS.map((l) => (/^\w+$/.test(l) ? `\\b${escape(l)}\\b` : escape(l)))].join('|'), 'g');
const CJK = /[\u3400-\u9fff]/;
const PERIOD = '2026-10';

describe.runIf(haveChromium)(`every message in the user's language (${DEMO_DATABASE_KIND}, worked example)`, { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: Record<string, string>;
  /** Data a user typed or the master data holds only in Chinese (resource names): allowed in English. */
  let chineseData: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
      const build = spawnSync('npm', ['run', 'build', '-w', '@app/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`web build failed: ${build.stderr}`);
    }
    mkdirSync(SHOTS, { recursive: true });
    db = await createTestDatabase(DEMO_DATABASE_KIND);
    t = await startTestApp(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'root-password' });
    const { adminToken } = await loadExampleOverHttp(t);
    admin = { Authorization: `Bearer ${adminToken}` };
    await addUser(t.http, admin, 'admin2', 'admin');
    await addUser(t.http, admin, 'inspector1', 'inspector');
    const catalog = (await t.http.get('/api/catalog').set(admin).expect(200)).body as { name: string }[];
    chineseData = catalog.map((r) => r.name);
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await db?.drop();
  });

  async function open(language: 'zh-CN' | 'en'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript((lang) => window.localStorage.setItem('dashboard.language', lang), language);
    return page;
  }

  async function logIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
    await page.goto(`${base}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  }

  /** The visible texts of the page (toasts and dialogs included) that are not in the page's language. */
  async function foreignTexts(page: Page, language: 'zh-CN' | 'en'): Promise<string[]> {
    const texts = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim();
        if (!parent || !text) continue;
        if (parent.closest('script, style, svg, canvas, .raw-line, [data-testid=language-switch], [aria-hidden=true]')) continue;
        const style = window.getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden' || parent.getClientRects().length === 0) continue;
        found.push(text);
      }
      return found;
    });
    return texts.filter((whole) => {
      const text = whole.replace(LITERAL, '').trim();
      if (NEUTRAL.some((pattern) => pattern.test(text)) || USERS.includes(text)) return false;
      if (language === 'zh-CN') return !CJK.test(text);
      return CJK.test(text) && !chineseData.some((data) => text === data || text.includes(data));
    });
  }

  async function expectInLanguage(page: Page, language: 'zh-CN' | 'en', name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `messages-${name}-${language}.png`), fullPage: true });
    expect(await foreignTexts(page, language), `${name} (${language})`).toEqual([]);
  }

  const errorShown = (page: Page) => page.locator('.ant-alert-error, .ant-message-error, .ant-form-item-explain-error').first().waitFor({ timeout: 20_000 });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`says why, in ${language}, on the master-data, schemes, quarantine, audit and publication pages`, async () => {
      const failed = await open(language);
      await failed.goto(`${base}/login`);
      await failed.fill('#username', 'root');
      await failed.fill('#password', 'not-the-password');
      await failed.click('button[type=submit]');
      await errorShown(failed);
      await expectInLanguage(failed, language, 'login');
      await failed.close();

      const page = await open(language);
      await logIn(page, 'admin2');

      await page.goto(`${base}/admin/master-data`);
      const departments = page.locator('[data-testid=import-departments] input[type=file]');
      await departments.setInputFiles({ name: 'no-name-column.csv', mimeType: 'text/csv', buffer: Buffer.from('code,category\nXYZ,社会管理\n') });
      await errorShown(page);
      await expectInLanguage(page, language, 'master-data-header');
      await departments.setInputFiles({
        name: 'bad-rows.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('code,name,active\nbad code!,坏部门,true\nNEW,新部门,maybe\nNEW,新部门,true\n'),
      });
      await page.locator('[data-testid=import-rejections]').waitFor({ timeout: 20_000 });
      await expectInLanguage(page, language, 'master-data-rows');

      await page.goto(`${base}/admin/schemes`);
      await page.locator('#gradeThresholds_B').waitFor({ timeout: 20_000 });
      await page.fill('#gradeThresholds_B', '95');
      await page.fill('#note', language === 'en' ? 'B above A' : 'B 高于 A');
      await page.click('[data-testid=scheme-save]');
      await errorShown(page);
      await expectInLanguage(page, language, 'schemes');

      await page.goto(`${base}/admin/quarantine`);
      await page.locator('.raw-line').first().waitFor({ timeout: 20_000 });
      await page.click('[data-testid=quarantine-replay]');
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.locator('.ant-alert-warning, .ant-alert-success').first().waitFor({ timeout: 20_000 });
      await expectInLanguage(page, language, 'quarantine');

      await page.goto(`${base}/admin/audit`);
      await page.locator('.ant-table-row').first().waitFor({ timeout: 20_000 });
      await expectInLanguage(page, language, 'audit');
      await page.close();

      // An inspector publishes a period another inspector published meanwhile: the 409 says so.
      const inspector = await open(language);
      await logIn(inspector, 'inspector1');
      await inspector.goto(`${base}/admin/periods?period=${PERIOD}`);
      await inspector.locator('[data-testid=publish-period]').waitFor({ timeout: 20_000 });
      // The confirmation is open (the click's window focus has refetched the status) before the other inspector publishes.
      await inspector.click('[data-testid=publish-period]');
      const confirm = inspector.locator('.ant-popconfirm .ant-btn-primary');
      await confirm.waitFor({ timeout: 20_000 });
      const token = await loginAs(t.http, 'inspector1', TEST_PASSWORD);
      await t.http.post(`/api/periods/${PERIOD}/publish`).set('Authorization', `Bearer ${token}`).expect(200);
      await confirm.click();
      await errorShown(inspector);
      await expectInLanguage(inspector, language, 'publication');
      await inspector.close();
      // Re-open for the next language's run, as an admin would.
      await t.http.post(`/api/periods/${PERIOD}/reopen`).set(admin).send({ reason: 'reopened for the next check' }).expect(200);
    });
  }
});
