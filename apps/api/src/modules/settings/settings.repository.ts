import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';

@Injectable()
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  /** Stores the value unless one is already there; returns the value that won (safe across instances). */
  async putIfAbsent(key: string, value: string): Promise<string> {
    const row = await this.db.one<{ value: string }>(
      `insert into app_setting (key, value) values (?, ?) on conflict (key) do update set key = excluded.key returning value`,
      [key, value],
    );
    return row!.value;
  }
}
