import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';

export interface LockRow {
  username: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

@Injectable()
export class LoginLimitsRepository {
  constructor(private readonly db: Db) {}

  lock(username: string): Promise<LockRow | null> {
    return this.db.one<LockRow>(`select * from login_lock where username = ?`, [username]);
  }

  /** Counts one more failure in a row (starting over after `resetBefore`), locking at `threshold`; the row after. */
  async fail(username: string, at: Date, resetBefore: Date, threshold: number, lockedUntil: Date): Promise<LockRow> {
    const row = await this.db.one<LockRow>(
      `insert into login_lock as l (username, failures, last_failure_at, locked_until) values (?, 1, ?, case when 1 >= ? then ?::timestamptz end)
       on conflict (username) do update set
         failures = case when l.last_failure_at < ? or l.locked_until is not null then 1 else l.failures + 1 end,
         last_failure_at = excluded.last_failure_at,
         locked_until = case when (case when l.last_failure_at < ? or l.locked_until is not null then 1 else l.failures + 1 end) >= ?
           then ?::timestamptz end
       returning *`,
      [username, at, threshold, lockedUntil, resetBefore, resetBefore, threshold, lockedUntil],
    );
    return row!;
  }

  async clear(username: string): Promise<boolean> {
    return (await this.db.execute(`delete from login_lock where username = ?`, [username])) > 0;
  }

  async locked(now: Date): Promise<LockRow[]> {
    return this.db.many<LockRow>(`select * from login_lock where locked_until > ? order by username`, [now]);
  }

  async recordAddressFailure(address: string, username: string, at: Date, before: Date): Promise<void> {
    await this.db.execute(`delete from login_failure where at < ?`, [before]);
    await this.db.execute(`insert into login_failure (address, username, at) values (?, ?, ?)`, [address, username, at]);
  }

  /** Distinct usernames that failed from the address since `since`, and when the oldest of those failures was. */
  async addressFailures(address: string, since: Date): Promise<{ usernames: number; oldest: Date | null }> {
    const row = await this.db.one<{ usernames: string | number; oldest: Date | null }>(
      `select count(distinct username) as usernames, min(at) as oldest from login_failure where address = ? and at >= ?`,
      [address, since],
    );
    return { usernames: Number(row?.usernames ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
  }

  async recordSuccess(username: string, address: string, at: Date): Promise<void> {
    await this.db.execute(`insert into login_success (username, address, at) values (?, ?, ?) on conflict (username, address) do update set at = excluded.at`, [
      username,
      address,
      at,
    ]);
  }

  async succeededSince(username: string, address: string, since: Date): Promise<boolean> {
    return (await this.db.one(`select 1 from login_success where username = ? and address = ? and at >= ?`, [username, address, since])) !== null;
  }
}
