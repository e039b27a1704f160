import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatPeriod, parsePeriod, periodContaining, previousPeriod } from '@app/scoring';
import type { NetworkResponse, ScoreRecord } from '@app/contracts';
import { loginAs, type TestApp } from '../integration/support/test-app';
import { DEMO_DATABASE_KIND, DEMO_PASSWORDS, haveChromium, SHOTS, startDemoBrowser, type DemoBrowser } from './support/demo-browser';

/** What the page drew, read from the ECharts instance on the chart's element (apps/web EChart). */
interface DrawnGraph {
  width: number;
  height: number;
  inset: { top: number; bottom: number; left: number; right: number };
  nodes: { id: string; x: number; y: number; size: number }[];
}

describe.runIf(haveChromium)(`the network page in Chromium (${DEMO_DATABASE_KIND}, demo city)`, { timeout: 120_000 }, () => {
  let demo: DemoBrowser;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let token: string;
  const period = formatPeriod(previousPeriod(periodContaining('month', Date.now(), 'Asia/Shanghai')));

  beforeAll(async () => {
    demo = await startDemoBrowser();
    ({ t, browser, base } = demo);
    token = await loginAs(t.http, 'leader', DEMO_PASSWORDS.leader);
  }, 600_000);
  afterAll(async () => {
    await demo?.close();
  });

  async function api<T>(path: string): Promise<T> {
    return (await t.http.get(path).set('Authorization', `Bearer ${token}`).expect(200)).body as T;
  }

  async function logIn(language?: 'en'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    if (language) await page.addInitScript((lang) => window.localStorage.setItem('dashboard.language', lang), language);
    await page.goto(`${base}/login`);
    await page.fill('#username', 'leader');
    await page.fill('#password', DEMO_PASSWORDS.leader);
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  function drawnGraph(page: Page): Promise<DrawnGraph> {
    return page.locator('[data-testid=network-chart][data-rendered=true]').evaluate((element) => {
      type Data = { count(): number; getId(i: number): string; getItemLayout(i: number): number[]; getItemVisual(i: number, key: string): unknown };
      type Instance = {
        getWidth(): number;
        getHeight(): number;
        getOption(): { series: { top: number; bottom: number; left: number; right: number }[] };
        getModel(): { getSeriesByIndex(i: number): { getData(): Data } };
        convertToPixel(finder: { seriesIndex: number }, value: number[]): number[];
      };
      const chart = (element as HTMLElement & { echartsInstance?: Instance }).echartsInstance;
      if (!chart) throw new Error('no ECharts instance on the network chart');
      const data = chart.getModel().getSeriesByIndex(0).getData();
      const { top, bottom, left, right } = chart.getOption().series[0];
      const nodes = [];
      for (let i = 0; i < data.count(); i++) {
        // The layout is in the series' own coordinates; the view maps it onto the canvas.
        const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, data.getItemLayout(i));
        const size = data.getItemVisual(i, 'symbolSize');
        nodes.push({ id: data.getId(i), x, y, size: Array.isArray(size) ? Math.max(...(size as number[])) : (size as number) });
      }
      return { width: chart.getWidth(), height: chart.getHeight(), inset: { top, bottom, left, right }, nodes };
    });
  }

  it('draws every department inside the chart box at 1440 × 900, clear of the legends, and still after a second', async () => {
    const network = await api<NetworkResponse>(`/api/network?period=${period}`);
    const page = await logIn();
    await page.goto(`${base}/network?period=${period}`);
    await page.locator('[data-testid=network-chart][data-rendered=true]').waitFor({ timeout: 30_000 });
    const drawn = await drawnGraph(page);
    expect(drawn.nodes.map((n) => n.id).sort()).toEqual(network.nodes.map((n) => n.dept).sort());
    expect(drawn.width).toBeGreaterThan(600);
    for (const n of drawn.nodes) {
      const r = n.size / 2;
      // The whole circle inside the canvas, the centre inside the drawing area between the legends.
      expect(n.x - r, n.id).toBeGreaterThanOrEqual(0);
      expect(n.x + r, n.id).toBeLessThanOrEqual(drawn.width);
      expect(n.y - r, n.id).toBeGreaterThanOrEqual(0);
      expect(n.y + r, n.id).toBeLessThanOrEqual(drawn.height);
      expect(n.x, n.id).toBeGreaterThanOrEqual(drawn.inset.left - 0.5);
      expect(n.x, n.id).toBeLessThanOrEqual(drawn.width - drawn.inset.right + 0.5);
      expect(n.y, n.id).toBeGreaterThanOrEqual(drawn.inset.top - 0.5);
      expect(n.y, n.id).toBeLessThanOrEqual(drawn.height - drawn.inset.bottom + 0.5);
      // The insets keep the biggest circle off the legend row above and the band key below.
      expect(n.y - r, n.id).toBeGreaterThanOrEqual(drawn.inset.top - drawn.inset.left);
      expect(n.y + r, n.id).toBeLessThanOrEqual(drawn.height - drawn.inset.bottom + drawn.inset.left);
    }
    // Positions are computed before the first paint: nothing moves afterwards.
    await page.waitForTimeout(1000);
    expect((await drawnGraph(page)).nodes).toEqual(drawn.nodes);
    await shot(page, 'network');
    await page.close();
  });

  it("shows the on-time rate on the scoring basis, and the requests it counts under their own name, not the overview's overdue count", async () => {
    const network = await api<NetworkResponse>(`/api/network?period=${period}`);
    const record = await api<ScoreRecord>(`/api/scores?period=${period}&asOf=${encodeURIComponent(new Date().toISOString())}`);
    const settled = record.departments.reduce((s, d) => s + d.counts.requestsSettled, 0);
    const onTime = record.departments.reduce((s, d) => s + d.counts.requestsOnTime, 0);
    expect(settled).toBeGreaterThan(0);
    expect(network.summary).toMatchObject({ requestsSettled: settled, requestsOnTime: onTime });
    for (const d of record.departments) {
      const node = network.nodes.find((n) => n.dept === d.dept)!;
      expect(node.requestsSettled, d.dept).toBe(d.counts.requestsSettled);
    }

    const page = await logIn();
    await page.goto(`${base}/network?period=${period}`);
    const rate = page.locator('[data-testid=network-on-time]');
    await rate.waitFor({ timeout: 30_000 });
    expect(Number(await rate.getAttribute('data-value'))).toBe(network.summary.onTimeRate);
    expect(Number(await rate.getAttribute('data-settled'))).toBe(settled);
    expect(await rate.innerText()).toContain(`按本期办结 ${settled} 件计`);
    const submitted = page.locator('[data-testid=network-submitted]');
    expect(Number(await submitted.getAttribute('data-value'))).toBe(network.summary.requestsSubmitted);
    expect(await submitted.innerText()).toContain('本期提交申请');
    expect(await page.locator('[data-testid=network-summary]').innerText()).toContain('拖延不办');
    await page.close();
  });

  it('switches to the requester × provider matrix, scrolling at this many departments', async () => {
    const network = await api<NetworkResponse>(`/api/network?period=${period}`);
    const page = await logIn();
    await page.goto(`${base}/network?period=${period}`);
    await page.locator('[data-testid=network-chart][data-rendered=true]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=network-card] .ant-segmented-item', { hasText: '矩阵' }).click();
    const matrix = page.locator('[data-testid=network-matrix][data-rendered=true]');
    await matrix.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=network-chart]').count()).toBe(0);
    const drawn = await matrix.evaluate((element) => {
      type Instance = { getOption(): { series: { type: string; data: number[][] }[]; dataZoom?: unknown[]; yAxis: { data: string[] }[] } };
      const option = (element as HTMLElement & { echartsInstance?: Instance }).echartsInstance!.getOption();
      return { type: option.series[0].type, cells: option.series[0].data.length, zooms: option.dataZoom?.length ?? 0, rows: option.yAxis[0].data.length };
    });
    const pairs = network.edges.filter((e) => e.from !== e.to && (e.requests > 0 || e.onTime + e.late > 0));
    expect(drawn).toMatchObject({ type: 'heatmap', cells: pairs.length, rows: network.nodes.length });
    if (network.nodes.length > 30) expect(drawn.zooms).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=network-card]').innerText()).toContain('申请方 × 提供方');
    await shot(page, 'network-matrix');
    await page.close();
  });

  it('says that ?period=garbage is not a period, in Chinese and in English', async () => {
    const page = await logIn();
    await page.goto(`${base}/network?period=garbage`);
    const alert = page.locator('[data-testid=invalid-period]');
    await alert.waitFor({ timeout: 30_000 });
    const text = await alert.innerText();
    expect(text).toContain('period');
    expect(text).toContain('garbage');
    expect(text).toContain('不是有效的考核期');
    // The address is a link to what is shown: the default period, still explained by the alert.
    await page.waitForURL((url) => url.searchParams.get('period') === period, { timeout: 30_000 });
    expect(await alert.isVisible()).toBe(true);
    await shot(page, 'network-invalid-period');
    // Picking a period is a new view: the alert goes.
    await page.goto(`${base}/network?period=${formatPeriod(previousPeriod(parsePeriod(period)!))}`);
    await page.locator('[data-testid=network-chart][data-rendered=true]').waitFor({ timeout: 30_000 });
    expect(await alert.count()).toBe(0);
    await page.close();

    const en = await logIn('en');
    await en.goto(`${base}/overview?period=2026-13`);
    const enAlert = en.locator('[data-testid=invalid-period]');
    await enAlert.waitFor({ timeout: 30_000 });
    expect(await enAlert.innerText()).toContain("The link's parameter period=“2026-13” is not a valid assessment period");
    await en.close();
  });
});
