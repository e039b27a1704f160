import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Client } from 'pg';
import { CN_CALENDAR_2025_2026, writeCityFiles } from '../../apps/api/src/modules/demo/generator';
import { CliModule } from '../../apps/api/src/cli.module';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { prepareDatabase } from '../../apps/api/src/database/prepare-database';
import { ScoringService } from '../../apps/api/src/modules/scoring/scoring.service';
import { periodBounds, type ScoreRecord } from '@app/scoring';
import { cli, freshDatabase, log } from './bench-support';

const MONTH = '2026-10';
const YEAR = '2026';

/**
 * Issue 4: 100 departments, 2,000 resources, 12 months of (mostly interface
 * call) events; the time to recompute one month and one year for all
 * departments, beside one plain count(*) over that month's raw events.
 */
export async function benchScoring(events: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scoring-'));
  const db = await freshDatabase('bench_scoring');
  try {
    log(`scoring: generating ${events} events`);
    const written = await writeCityFiles(dir, {
      seed: 11,
      departments: 100,
      resources: 2000,
      endMonth: '2026-12',
      months: 12,
      targetEvents: events,
      mix: 'benchmark',
      calendar: CN_CALENDAR_2025_2026,
    });
    for (const kind of ['departments', 'catalog', 'calendar'] as const) await cli(['import', kind, join(dir, `${kind}.csv`)], db.url);
    log(`scoring: ingesting ${written.counts.events.lines} lines`);
    const ingest = await cli(['ingest', ...written.files.filter((f) => f.kind === 'events').map((f) => f.path)], db.url);
    rmSync(dir, { recursive: true, force: true });

    const config = loadConfig({ ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' });
    const target = await prepareDatabase(config, 'cli');
    const app = await NestFactory.createApplicationContext(CliModule.forRoot({ config, target }), { logger: ['error'] });
    try {
      const scoring = app.get(ScoringService);
      const orm = app.get(MikroORM);
      const records: ScoreRecord[] = [];
      const time = async (period: string) =>
        RequestContext.create(orm.em, async () => {
          const t0 = performance.now();
          const { record } = await scoring.recompute(period);
          const ms = Math.round(performance.now() - t0);
          records.push(record);
          return ms;
        });
      await time(MONTH); // warm caches once, as a running server has them
      const monthMs = await time(MONTH);
      const yearMs = await time(YEAR);
      const pointsLost = checkPointsLost(records.slice(1));
      const bounds = periodBounds(MONTH, config.ASSESSMENT_TIME_ZONE);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const t0 = performance.now();
      const { rows } = await client.query<{ n: string }>('select count(*) as n from event where at >= $1 and at < $2', [
        new Date(bounds.start),
        new Date(bounds.end),
      ]);
      const countMs = Math.round(performance.now() - t0);
      await client.end();
      return {
        benchmark: 'scoring recompute (PostgreSQL): 100 departments, 2,000 resources, 12 months',
        events: written.counts.events.lines,
        ingestSeconds: ingest.seconds,
        recomputeMonthMs: monthMs,
        recomputeYearMs: yearMs,
        countMonthRawEventsMs: countMs,
        monthRawEvents: Number(rows[0].n),
        pointsLost,
      };
    } finally {
      await app.close();
      await target.close();
    }
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PointsLostCheck {
  /** Departments checked (month and year records together). */
  departments: number;
  failures: number;
  ok: boolean;
  /** The worst gap between the rounded parts' sum and pointsLost.total, and the first failures. */
  maxPartsGap: number;
  examples: string[];
}

/**
 * scoring.md "Points lost" on every department of computed records: with a
 * total, pointsLost.total = 100 − total (in hundredths) and the rounded parts
 * add up to it within 0.005 × (non-null parts + 1); without one, no pointsLost.
 */
export function checkPointsLost(records: readonly ScoreRecord[]): PointsLostCheck {
  const PARTS = ['timeliness', 'completeness', 'requests', 'objections', 'interfaces'] as const;
  const hundredths = (x: number) => Math.round(x * 100);
  let departments = 0;
  let maxPartsGap = 0;
  const failed: string[] = [];
  for (const record of records) {
    for (const d of record.departments) {
      departments++;
      const where = `${record.period} ${d.dept}`;
      const pl = d.pointsLost;
      if (d.total === null) {
        if (pl !== null) failed.push(`${where}: no total but pointsLost ${JSON.stringify(pl)}`);
        continue;
      }
      if (!pl) {
        failed.push(`${where}: total ${d.total} without pointsLost`);
        continue;
      }
      if (hundredths(pl.total) !== 10000 - hundredths(d.total)) failed.push(`${where}: pointsLost.total ${pl.total} ≠ 100 − ${d.total}`);
      const parts = PARTS.map((k) => pl[k]).filter((v): v is number => v !== null);
      const gap = Math.abs(parts.reduce((sum, v) => sum + hundredths(v), 0) - hundredths(pl.total)) / 100;
      maxPartsGap = Math.max(maxPartsGap, gap);
      // Parts and total are whole hundredths, so the gap is compared in hundredths too (no binary noise).
      if (hundredths(gap) >= 0.5 * (parts.length + 1)) failed.push(`${where}: parts ${JSON.stringify(pl)} miss the total by ${gap}`);
    }
  }
  return { departments, failures: failed.length, ok: failed.length === 0, maxPartsGap: Math.round(maxPartsGap * 100) / 100, examples: failed.slice(0, 3) };
}
