import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatPeriod, periodContaining, previousPeriod } from '@app/scoring';
import type { RectificationCase, RectificationCaseDetail, ScoreRecord } from '@app/contracts';
import { addUser, loginAs, TEST_PASSWORD, type TestApp } from '../integration/support/test-app';
import { DEMO_DATABASE_KIND, DEMO_PASSWORDS, haveChromium, SHOTS, startDemoBrowser, type DemoBrowser } from './support/demo-browser';

/** Issue 15 in the browser: publishing last month opens cases; the department answers, the inspector returns, it answers again, the inspector accepts. */

describe.runIf(haveChromium)(`rectification in Chromium (${DEMO_DATABASE_KIND}, demo city)`, { timeout: 180_000 }, () => {
  let demo: DemoBrowser;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const period = formatPeriod(previousPeriod(periodContaining('month', Date.now(), 'Asia/Shanghai')));
  const tokens = new Map<string, string>();
  let theCase: RectificationCase;
  let deptUser = '';

  beforeAll(async () => {
    demo = await startDemoBrowser();
    ({ t, browser, base } = demo);
    // The demo city publishes nothing: publish last month, which opens its notice list's cases.
    const published = (
      await t.http
        .post(`/api/periods/${period}/publish`)
        .set(await auth('inspector'))
        .expect(200)
    ).body as ScoreRecord;
    expect(published.noticed.length, `${period} has a notice list`).toBeGreaterThan(0);
    const cases = (
      await t.http
        .get(`/api/rectification?period=${period}`)
        .set(await auth('inspector'))
        .expect(200)
    ).body as RectificationCase[];
    expect(cases.map((c) => c.dept).sort()).toEqual(published.noticed.map((n) => n.dept).sort());
    // A demo department user when its department is on the list, else a user made for the first noticed department.
    const demoUser = cases.find((c) => c.dept === 'PSB' || c.dept === 'CAB');
    theCase = demoUser ?? cases[0];
    deptUser = theCase.dept.toLowerCase();
    if (!demoUser) {
      await addUser(t.http, await auth('admin'), deptUser, 'department', theCase.dept);
    }
  }, 600_000);
  afterAll(async () => {
    await demo?.close();
  });

  /** The demo accounts' passwords (README), else the one addUser gives. */
  function passwordOf(user: string): string {
    return DEMO_PASSWORDS[user] ?? TEST_PASSWORD;
  }

  async function auth(user: string): Promise<{ Authorization: string }> {
    if (!tokens.has(user)) tokens.set(user, await loginAs(t.http, user, passwordOf(user)));
    return { Authorization: `Bearer ${tokens.get(user)!}` };
  }

  async function logIn(user: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${base}/login`);
    await page.fill('#username', user);
    await page.fill('#password', passwordOf(user));
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const caseRow = (page: Page) => page.locator(`[data-testid=rectification-panel] [data-testid=case-row][data-period="${period}"]`);
  const waitForState = (page: Page, state: string) =>
    page.locator(`[data-testid=rectification-panel] [data-testid=case-row][data-period="${period}"][data-state=${state}]`).waitFor({ timeout: 30_000 });
  const confirm = (page: Page) => page.locator('.ant-modal-footer .ant-btn-primary, .ant-modal-footer .ant-btn-dangerous').last().click();

  async function submitAsDepartment(cause: string, measures: string, requests: string): Promise<void> {
    const page = await logIn(deptUser);
    await page.goto(`${base}/departments/${theCase.dept}?period=${period}`);
    await caseRow(page).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=todo-panel] [data-testid=todo-case]').first().waitFor({ timeout: 30_000 });
    await caseRow(page).locator('[data-testid=case-submit]').click();
    const form = page.locator('[data-testid=case-submit-form]');
    await form.waitFor();
    await form.locator('textarea#cause').fill(cause);
    await form.locator('textarea#measures').fill(measures);
    await form.locator('input#requests').fill(requests);
    await confirm(page);
    await waitForState(page, 'submitted');
    await shot(page, `rectification-${deptUser}-submitted`);
    await page.close();
  }

  async function decideAsInspector(decision: 'accept' | 'return', comment: string): Promise<void> {
    const page = await logIn('inspector');
    await page.goto(`${base}/departments/${theCase.dept}?period=${period}`);
    await caseRow(page).locator(`[data-testid=case-${decision}]`).click();
    const form = page.locator('[data-testid=case-decision-form]');
    await form.waitFor();
    if (comment) await form.locator('textarea#comment').fill(comment);
    await confirm(page);
    await waitForState(page, decision === 'accept' ? 'closed' : 'returned');
    await shot(page, `rectification-inspector-${decision}`);
    await page.close();
  }

  it('the department submits, the inspector returns, the department resubmits, the inspector accepts', async () => {
    await submitAsDepartment('人员调整，申请未及时分派', '指定专人每日处理共享申请', 'RQ-demo-1');
    await decideAsInspector('return', '请补充办结时间');

    // The department sees the returned case with the comment, still on its to-do.
    const page = await logIn(deptUser);
    await page.goto(`${base}/departments/${theCase.dept}?period=${period}`);
    await waitForState(page, 'returned');
    expect(await caseRow(page).locator('[data-testid=case-comment]').innerText()).toContain('请补充办结时间');
    await page.locator('[data-testid=todo-panel] [data-testid=todo-case][data-state=returned]').waitFor({ timeout: 30_000 });
    await page.close();

    await submitAsDepartment('人员调整，申请未及时分派', '已于本月办结全部逾期申请', 'RQ-demo-1');
    await decideAsInspector('accept', '');

    const detail = (
      await t.http
        .get(`/api/rectification/${theCase.id}`)
        .set(await auth('inspector'))
        .expect(200)
    ).body as RectificationCaseDetail;
    expect(detail.state).toBe('closed');
    expect(detail.closedAt).not.toBeNull();
    expect(detail.measures).toBe('已于本月办结全部逾期申请');
    expect(detail.events.map((e) => e.action)).toEqual(['opened', 'submitted', 'returned', 'submitted', 'accepted']);
    expect(detail.events.filter((e) => e.action === 'submitted').every((e) => e.actor === `user:${deptUser}`)).toBe(true);
  });

  it("lists the cases not closed on the leaders' overview and every case on the warnings page", async () => {
    const cases = (
      await t.http
        .get(`/api/rectification`)
        .set(await auth('leader'))
        .expect(200)
    ).body as RectificationCase[];
    const page = await logIn('leader');
    await page.goto(`${base}/overview?period=${period}`);
    await page.locator('[data-testid=overview-cases]').waitFor({ timeout: 30_000 });
    const open = cases.filter((c) => c.state !== 'closed');
    if (open.length > 0) await page.locator('[data-testid=overview-cases] [data-testid=cases-row]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator(`[data-testid=overview-cases] [data-testid=cases-row][data-dept="${theCase.dept}"]`).count()).toBe(0);
    expect(Number(await page.locator('[data-testid=overview-cases] [data-testid=cases-overdue-count]').getAttribute('data-value'))).toBe(
      cases.filter((c) => c.overdue).length,
    );
    await page.goto(`${base}/warnings`);
    await page.locator(`[data-testid=cases-section] [data-testid=cases-row][data-dept="${theCase.dept}"][data-state=closed]`).waitFor({ timeout: 30_000 });
    await shot(page, 'rectification-warnings');
    await page.close();
  });

  it("keeps a department user out of another department's case (403)", async () => {
    const cases = (
      await t.http
        .get(`/api/rectification`)
        .set(await auth('inspector'))
        .expect(200)
    ).body as RectificationCase[];
    const other = cases.find((c) => c.dept !== theCase.dept);
    const ownOnly = (
      await t.http
        .get(`/api/rectification`)
        .set(await auth(deptUser))
        .expect(200)
    ).body as RectificationCase[];
    expect(ownOnly.every((c) => c.dept === theCase.dept)).toBe(true);
    if (other)
      await t.http
        .get(`/api/rectification/${other.id}`)
        .set(await auth(deptUser))
        .expect(403);
  });
});
