import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { DatabaseTarget } from './database-target';
import { DATABASE_TARGET } from './database.tokens';
import { Db } from './db';
import { LockedCron } from './locked-cron';

export const EMBEDDED_CHECKPOINT_LOCK = 72_610_070;

/**
 * The embedded database runs PostgreSQL in single-user mode, which has no checkpointer: without
 * a CHECKPOINT its WAL only grows (see the runtime benchmark's embeddedWalMb). Every few minutes, and after
 * the demo seeding, one lets it recycle down to min_wal_size. A server on PostgreSQL needs none.
 */
@Injectable()
export class EmbeddedCheckpointJob implements OnApplicationBootstrap {
  constructor(
    private readonly db: Db,
    private readonly cron: LockedCron,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  onApplicationBootstrap(): void {
    if (this.target.kind !== 'embedded') return;
    this.cron.schedule({
      name: 'embedded-checkpoint',
      cronTime: '*/5 * * * *',
      lockId: EMBEDDED_CHECKPOINT_LOCK,
      failure: 'checkpoint of the embedded database failed, will run again at the next tick',
      work: () => this.checkpoint(),
    });
  }

  async checkpoint(): Promise<void> {
    if (this.target.kind === 'embedded') await this.db.execute('checkpoint');
  }
}
