import { Inject, Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { DATABASE_TARGET } from './database.tokens';
import type { DatabaseTarget } from './database-target';

/**
 * Runs a scheduled job in exactly one process at a time. On PostgreSQL the
 * guard is a session advisory lock on a connection of its own (several
 * instances may share the server); the embedded database belongs to one
 * process, so an in-process flag is enough there.
 */
@Injectable()
export class JobLock {
  private readonly running = new Set<number>();

  constructor(@Inject(DATABASE_TARGET) private readonly target: DatabaseTarget) {}

  /** Runs `work` unless another run holds the lock; returns false when skipped. */
  async runExclusive(lockId: number, work: () => Promise<void>): Promise<boolean> {
    if (this.running.has(lockId)) return false;
    this.running.add(lockId);
    try {
      if (!('clientUrl' in this.target.connection)) {
        await work();
        return true;
      }
      const client = new Client({ connectionString: this.target.connection.clientUrl, connectionTimeoutMillis: 5_000 });
      // A dropped connection surfaces through the queries below; without a listener it would crash the process.
      client.on('error', () => undefined);
      await client.connect();
      try {
        const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [lockId]);
        if (!rows[0].locked) return false;
        try {
          await work();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
        }
        return true;
      } finally {
        await client.end().catch(() => undefined);
      }
    } finally {
      this.running.delete(lockId);
    }
  }
}
