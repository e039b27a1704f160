import { Injectable } from '@nestjs/common';
import type { Role } from '@app/contracts';
import { Db } from '../../database/db';

/** A sign-in with what the guard needs of its user, read in one query. */
export interface SignInState {
  id: string;
  username: string;
  role: Role;
  dept: string | null;
  userDisabled: boolean;
  mustChangePassword: boolean;
  /** Opened for an admin who must still set up the second factor: only the enrolment is open to it. */
  pendingTwoFactor: boolean;
  expiresAt: number;
  lastActivityAt: number;
  revoked: boolean;
}

export interface SignInRecord {
  id: string;
  username: string;
  createdAt: string;
  expiresAt: string;
  lastActivityAt: string;
  address: string | null;
  userAgent: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

interface StateRow {
  id: string;
  username: string;
  role: Role;
  dept_code: string | null;
  disabled: boolean;
  must_change_password: boolean;
  pending_two_factor: boolean;
  expires_at: Date;
  last_activity_at: Date;
  revoked_at: Date | null;
}

interface SignInRow {
  id: string;
  username: string;
  created_at: Date;
  expires_at: Date;
  last_activity_at: Date;
  address: string | null;
  user_agent: string | null;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

@Injectable()
export class SignInsRepository {
  constructor(private readonly db: Db) {}

  async create(values: {
    id: string;
    username: string;
    expiresAt: Date;
    address: string | null;
    userAgent: string | null;
    pendingTwoFactor: boolean;
  }): Promise<void> {
    await this.db.execute(`insert into sign_in (id, username, expires_at, address, user_agent, pending_two_factor) values (?, ?, ?, ?, ?, ?)`, [
      values.id,
      values.username,
      values.expiresAt,
      values.address,
      values.userAgent?.slice(0, 300) ?? null,
      values.pendingTwoFactor,
    ]);
  }

  async state(id: string): Promise<SignInState | null> {
    const row = await this.db.one<StateRow>(
      `select s.id, s.username, u.role, u.dept_code, u.disabled, u.must_change_password, s.pending_two_factor, s.expires_at, s.last_activity_at, s.revoked_at
       from sign_in s join app_user u on u.username = s.username where s.id = ?`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      username: row.username,
      role: row.role,
      dept: row.dept_code,
      userDisabled: row.disabled,
      mustChangePassword: row.must_change_password,
      pendingTwoFactor: row.pending_two_factor,
      expiresAt: new Date(row.expires_at).getTime(),
      lastActivityAt: new Date(row.last_activity_at).getTime(),
      revoked: row.revoked_at !== null,
    };
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.execute(`update sign_in set last_activity_at = greatest(last_activity_at, ?) where id = ?`, [at, id]);
  }

  /** Ends one sign-in; true when it was still open. */
  async revoke(id: string, reason: string): Promise<SignInRecord | null> {
    const row = await this.db.one<SignInRow>(`update sign_in set revoked_at = now(), revoked_reason = ? where id = ? and revoked_at is null returning *`, [
      reason,
      id,
    ]);
    return row ? toRecord(row) : null;
  }

  /** Ends every open sign-in of the user; returns the ids ended. */
  async revokeAll(username: string, reason: string): Promise<string[]> {
    const rows = await this.db.many<{ id: string }>(
      `update sign_in set revoked_at = now(), revoked_reason = ? where username = ? and revoked_at is null returning id`,
      [reason, username],
    );
    return rows.map((r) => r.id);
  }

  async find(id: string): Promise<SignInRecord | null> {
    const row = await this.db.one<SignInRow>(`select * from sign_in where id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  /** The user's sign-ins that still work, newest first. */
  async listOpen(username: string, idleSince: Date): Promise<SignInRecord[]> {
    const rows = await this.db.many<SignInRow>(
      `select * from sign_in where username = ? and revoked_at is null and expires_at > now() and last_activity_at > ?
       order by created_at desc`,
      [username, idleSince],
    );
    return rows.map(toRecord);
  }
}

function toRecord(r: SignInRow): SignInRecord {
  return {
    id: r.id,
    username: r.username,
    createdAt: iso(r.created_at)!,
    expiresAt: iso(r.expires_at)!,
    lastActivityAt: iso(r.last_activity_at)!,
    address: r.address,
    userAgent: r.user_agent,
    revokedAt: iso(r.revoked_at),
    revokedReason: r.revoked_reason,
  };
}
