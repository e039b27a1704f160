import { sql } from '../../database/sql';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly em: EntityManager) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.em.fork().findOne(UserEntity, { username });
  }

  list(): Promise<UserEntity[]> {
    return this.em.fork().find(UserEntity, {}, { orderBy: { username: 'asc' } });
  }

  async upsert(values: Pick<UserEntity, 'username' | 'passwordHash' | 'role' | 'deptCode'>): Promise<{ created: boolean }> {
    const rows = await this.em.getConnection().execute<{ created: boolean }[]>(
      `insert into app_user (username, password_hash, role, dept_code) values (?, ?, ?, ?)
       on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role,
         dept_code = excluded.dept_code, disabled = false, updated_at = now()
       returning (xmax = 0) as created`,
      [values.username, values.passwordHash, values.role, values.deptCode],
    );
    return { created: rows[0].created };
  }

  async setDisabled(username: string, disabled: boolean): Promise<boolean> {
    const result = await sql(this.em.getKnex(), `update app_user set disabled = ?, updated_at = now() where username = ?`, [disabled, username]);
    return result.rowCount > 0;
  }
}
