import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

@Injectable()
export class SettingsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Stores the value unless one is already there; returns the value that won (safe across instances). */
  async putIfAbsent(key: string, value: string): Promise<string> {
    const rows = await this.em
      .getConnection()
      .execute<{ value: string }[]>(
        `insert into app_setting (key, value) values (?, ?) on conflict (key) do update set key = excluded.key returning value`,
        [key, value],
      );
    return rows[0].value;
  }
}
