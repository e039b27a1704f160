import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { EmbeddedCheckpointJob } from '../../database/embedded-checkpoint.job';
import { JobLock } from '../../database/job-lock';
import { DemoSeedService } from './demo-seed.service';

export const DEMO_SEED_LOCK = 72_610_030;

/** On start, an empty database gets the demo city, in the background: the server answers at once. */
@Injectable()
export class DemoSeedJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedJob.name);
  running: Promise<void> | null = null;

  constructor(
    private readonly demo: DemoSeedService,
    private readonly lock: JobLock,
    private readonly orm: MikroORM,
    private readonly checkpoint: EmbeddedCheckpointJob,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.DEMO_SEED !== 'auto') return;
    this.running = this.lock
      .runExclusive(DEMO_SEED_LOCK, () =>
        RequestContext.create(this.orm.em, async () => {
          // A seeding wrote the WAL of 300k events: let the embedded database recycle it now.
          if (await this.demo.seedIfEmpty()) await this.checkpoint.checkpoint();
        }),
      )
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`demo seeding stopped: ${(error as Error).message}`));
  }
}
