import { Injectable } from '@nestjs/common';
import { Db, type Tx } from '../../database/db';

export type ChangeReason = 'events' | 'master_data' | 'calendar' | 'scheme' | 'appeal' | 'publication';

/**
 * Records that inputs of the scores changed. Kept in the database, not in
 * memory, so every instance (and the CLI) sees what any other changed; the
 * scoring module reads it to decide which snapshots are stale.
 */
@Injectable()
export class ChangeFeed {
  constructor(private readonly db: Db) {}

  /**
   * Periods ending after `fromAt` (every period when null) may change. Pass
   * the transaction that made the change, so the record commits with it.
   */
  async changed(reason: ChangeReason, fromAt: Date | null = null, tx?: Tx): Promise<void> {
    await (tx ?? this.db).execute(`insert into score_invalidation (reason, from_at) values (?, ?)`, [reason, fromAt?.toISOString() ?? null]);
  }
}
