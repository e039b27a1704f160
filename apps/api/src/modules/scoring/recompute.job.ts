import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { JobLock } from '../../database/job-lock';
import { ScoringService } from './scoring.service';

export const RECOMPUTE_LOCK = 72_610_020;
const POLL_MS = 15_000;
/** Provisional snapshots move with the clock (windows fall due); refresh them this often. */
const PROVISIONAL_MAX_AGE_MS = 10 * 60_000;

/**
 * Thin: every few seconds, under the advisory lock, recompute the snapshots
 * that a change made stale (so they are fresh within a minute) and refresh
 * provisional ones as a safety net.
 */
@Injectable()
export class RecomputeJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RecomputeJob.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;

  constructor(
    private readonly scoring: ScoringService,
    private readonly lock: JobLock,
    private readonly orm: MikroORM,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.current ??= this.run().finally(() => (this.current = null));
    }, POLL_MS);
    this.timer.unref();
  }

  /** Stop polling and let a running recompute finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }

  async run(): Promise<void> {
    try {
      await this.lock.runExclusive(RECOMPUTE_LOCK, () =>
        RequestContext.create(this.orm.em, async () => {
          const periods = await this.scoring.recomputeStale(PROVISIONAL_MAX_AGE_MS);
          if (periods.length > 0) this.logger.log(`recomputed ${periods.join(', ')}`);
        }),
      );
    } catch (error) {
      this.logger.warn(`recompute failed, will retry: ${(error as Error).message}`);
    }
  }
}
