import { Injectable } from '@nestjs/common';
import type { Role, UserView } from '@app/contracts';
import { Db } from '../../database/db';

/** A user as the service sees it: the view, plus the hash only the login checks. */
export interface UserRecord extends UserView {
  passwordHash: string;
  mustChangePassword: boolean;
}

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  dept_code: string | null;
  disabled: boolean;
  must_change_password: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'username, password_hash, role, dept_code, disabled, must_change_password, created_at, updated_at';

function toRecord(r: UserRow): UserRecord {
  return {
    username: r.username,
    passwordHash: r.password_hash,
    role: r.role,
    dept: r.dept_code,
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Db) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    const row = await this.db.one<UserRow>(`select ${COLUMNS} from app_user where username = ?`, [username]);
    return row ? toRecord(row) : null;
  }

  async list(): Promise<UserRecord[]> {
    return (await this.db.many<UserRow>(`select ${COLUMNS} from app_user order by username`)).map(toRecord);
  }

  /** `mustChangePassword` applies to a new user only: an update keeps the flag it had. */
  async upsert(values: {
    username: string;
    passwordHash: string;
    role: Role;
    dept: string | null;
    mustChangePassword: boolean;
  }): Promise<{ created: boolean }> {
    const row = await this.db.one<{ created: boolean }>(
      `insert into app_user (username, password_hash, role, dept_code, must_change_password) values (?, ?, ?, ?, ?)
       on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role,
         dept_code = excluded.dept_code, disabled = false, updated_at = now()
       returning (xmax = 0) as created`,
      [values.username, values.passwordHash, values.role, values.dept, values.mustChangePassword],
    );
    return { created: row!.created };
  }

  async setPassword(username: string, passwordHash: string): Promise<void> {
    await this.db.execute(`update app_user set password_hash = ?, must_change_password = false, updated_at = now() where username = ?`, [
      passwordHash,
      username,
    ]);
  }

  async setDisabled(username: string, disabled: boolean): Promise<boolean> {
    return (await this.db.execute(`update app_user set disabled = ?, updated_at = now() where username = ?`, [disabled, username])) > 0;
  }
}
