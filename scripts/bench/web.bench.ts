import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { formatPeriod, periodContaining, previousPeriod } from '@app/scoring';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/main';
import { DemoSeedJob } from '../../apps/api/src/modules/demo/demo-seed.job';
import { freshDatabase, log, REPO_ROOT } from './bench-support';

const DIST = join(REPO_ROOT, 'apps/web/dist');
const CHARTS_ON_OVERVIEW = 3;

/**
 * Issue 7 budgets, measured in headless Chromium on the demo city: the
 * JavaScript the overview route loads (gzipped) and the time from navigation
 * until its charts are drawn.
 */
export async function benchWeb(): Promise<Record<string, unknown>> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('build the dashboard first: npm run build:web');
  const db = await freshDatabase('bench_web');
  const config = loadConfig({ ...process.env, DATABASE_URL: db.url, DEMO_SEED: 'auto', LOG_LEVEL: 'warn', NODE_ENV: 'production' });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    log('web: seeding the demo city');
    await app.get(DemoSeedJob).running;
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const period = formatPeriod(previousPeriod(periodContaining('month', Date.now(), config.ASSESSMENT_TIME_ZONE)));
    const login = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await login.newPage();
    await page.goto(`${base}/login`);
    await page.fill('#username', 'leader');
    await page.fill('#password', 'Lingdao-Demo-2026');
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.locator('[data-rendered=true]').first().waitFor(); // warm the server's snapshots
    const state = await login.storageState();
    await login.close();

    // A cold browser (empty cache) with a session opens the overview.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, storageState: state });
    const cold = await context.newPage();
    const scripts = new Set<string>();
    cold.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
    });
    const t0 = Date.now();
    await cold.goto(`${base}/overview?period=${period}`);
    await cold.waitForFunction((n) => document.querySelectorAll('[data-rendered=true]').length >= n, CHARTS_ON_OVERVIEW, { timeout: 60_000 });
    const drawnMs = Date.now() - t0;
    const gzipBytes = [...scripts].reduce((sum, path) => sum + gzipSync(readFileSync(join(DIST, path))).length, 0);
    return {
      benchmark: 'dashboard overview in headless Chromium (demo city, cold cache)',
      overviewJsFiles: scripts.size,
      overviewJsGzipKb: Math.round(gzipBytes / 102.4) / 10,
      budgetJsGzipKb: 450,
      overviewDrawnMs: drawnMs,
      budgetDrawnMs: 1500,
    };
  } finally {
    await browser.close();
    await app.close();
    await db.drop();
  }
}
