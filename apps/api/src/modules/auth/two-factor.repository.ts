import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';

export interface TwoFactorRow {
  username: string;
  secret_sealed: string;
  enabled_at: Date | null;
  last_step: string | number | null;
}

@Injectable()
export class TwoFactorRepository {
  constructor(private readonly db: Db) {}

  find(username: string): Promise<TwoFactorRow | null> {
    return this.db.one<TwoFactorRow>(`select username, secret_sealed, enabled_at, last_step from two_factor where username = ?`, [username]);
  }

  /** A new pending secret, replacing a pending one; an enabled second factor is left alone (false). */
  async putPending(username: string, secretSealed: string): Promise<boolean> {
    const n = await this.db.execute(
      `insert into two_factor (username, secret_sealed) values (?, ?)
       on conflict (username) do update set secret_sealed = excluded.secret_sealed, created_at = now(), last_step = null
       where two_factor.enabled_at is null`,
      [username, secretSealed],
    );
    return n > 0;
  }

  /** Turns the pending secret on with its recovery codes, in one transaction; false when nothing was pending. */
  async enable(username: string, step: number, recoveryHashes: readonly string[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const n = await tx.execute(`update two_factor set enabled_at = now(), last_step = ? where username = ? and enabled_at is null`, [step, username]);
      if (n === 0) return false;
      await tx.execute(`delete from two_factor_recovery where username = ?`, [username]);
      for (const hash of recoveryHashes) await tx.execute(`insert into two_factor_recovery (username, code_hash) values (?, ?)`, [username, hash]);
      return true;
    });
  }

  /** Records the time step a code was accepted at; false when that step (or a later one) was used already: a code works once. */
  async useStep(username: string, step: number): Promise<boolean> {
    const n = await this.db.execute(
      `update two_factor set last_step = ? where username = ? and enabled_at is not null and (last_step is null or last_step < ?)`,
      [step, username, step],
    );
    return n > 0;
  }

  /** Spends one recovery code; false when it is not one of the user's unused codes. */
  async useRecoveryCode(username: string, hash: string): Promise<boolean> {
    const n = await this.db.execute(`update two_factor_recovery set used_at = now() where username = ? and code_hash = ? and used_at is null`, [
      username,
      hash,
    ]);
    return n > 0;
  }

  async recoveryCodesLeft(username: string): Promise<number> {
    const row = await this.db.one<{ n: string | number }>(`select count(*) as n from two_factor_recovery where username = ? and used_at is null`, [username]);
    return Number(row?.n ?? 0);
  }

  /** Removes the second factor and its recovery codes; true when there was an enabled one. */
  async remove(username: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.execute(`delete from two_factor_recovery where username = ?`, [username]);
      const row = await tx.one<{ enabled_at: Date | null }>(`delete from two_factor where username = ? returning enabled_at`, [username]);
      return row?.enabled_at != null;
    });
  }
}
