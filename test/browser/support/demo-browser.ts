import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { DemoSeedJob } from '../../../apps/api/src/modules/demo/demo-seed.job';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../integration/support/databases';
import { REPO_ROOT, startTestApp, type TestApp } from '../../integration/support/test-app';

export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is required under CI (apt-get install -y chromium fonts-noto-cjk)`);
  process.stderr.write(`\n*** ${CHROMIUM} not found: the browser tests are SKIPPED (apt-get install -y chromium fonts-noto-cjk) ***\n\n`);
}

/** The demo city on PostgreSQL when it answers (faster to seed), else on the embedded database. */
export const DEMO_DATABASE_KIND = databaseKinds().at(-1)!;

/** README's demo logins. */
export const DEMO_PASSWORDS: Record<string, string> = {
  leader: 'Lingdao-Demo-2026',
  inspector: 'Ducha-Demo-2026',
  admin: 'Guanli-Demo-2026',
  psb: 'Gongan-Demo-2026',
  cab: 'Minzheng-Demo-2026',
};

export interface DemoBrowser {
  db: TestDatabase;
  t: TestApp;
  browser: Browser;
  /** The dashboard's origin, e.g. http://127.0.0.1:PORT. */
  base: string;
  close(): Promise<void>;
}

/** The built dashboard (built first when missing) on a freshly seeded demo city, and a headless Chromium. */
export async function startDemoBrowser(): Promise<DemoBrowser> {
  if (!existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
    const build = spawnSync('npm', ['run', 'build', '-w', '@app/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`web build failed: ${build.stderr}`);
  }
  mkdirSync(SHOTS, { recursive: true });
  const db = await createTestDatabase(DEMO_DATABASE_KIND);
  const t = await startTestApp(db, { DEMO_SEED: 'auto' });
  await t.app.get(DemoSeedJob).running;
  const address = t.app.getHttpServer().address() as { port: number };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    db,
    t,
    browser,
    base: `http://127.0.0.1:${address.port}`,
    async close() {
      await browser.close();
      await t.close();
      await db.drop();
    },
  };
}
