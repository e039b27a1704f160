import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

export type ChangeReason = 'events' | 'master_data' | 'calendar' | 'scheme' | 'appeal' | 'publication';

/**
 * Records that inputs of the scores changed. Kept in the database, not in
 * memory, so every instance (and the CLI) sees what any other changed; the
 * scoring module reads it to decide which snapshots are stale.
 */
@Injectable()
export class ChangeFeed {
  constructor(private readonly em: EntityManager) {}

  /** Events stamped at or after `earliestAt` arrived: periods ending after it may change. */
  async eventsChanged(earliestAt: Date): Promise<void> {
    await this.record('events', earliestAt);
  }

  async masterDataChanged(): Promise<void> {
    await this.record('master_data', null);
  }

  async changed(reason: ChangeReason, fromAt: Date | null = null): Promise<void> {
    await this.record(reason, fromAt);
  }

  private async record(reason: ChangeReason, fromAt: Date | null): Promise<void> {
    await this.em.getConnection().execute(`insert into score_invalidation (reason, from_at) values (?, ?)`, [reason, fromAt]);
  }
}
