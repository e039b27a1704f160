import { Injectable } from '@nestjs/common';
import type { SourceView } from '@app/contracts';
import { Db } from '../../database/db';

@Injectable()
export class SourcesRepository {
  constructor(private readonly db: Db) {}

  /** Creates the source or gives it a new key (the old key stops working). */
  async upsert(name: string, keyHash: string, keyPrefix: string): Promise<void> {
    await this.db.execute(
      `insert into ingest_source (name, key_hash, key_prefix) values (?, ?, ?)
       on conflict (name) do update set key_hash = excluded.key_hash, key_prefix = excluded.key_prefix, revoked_at = null`,
      [name, keyHash, keyPrefix],
    );
  }

  async revoke(name: string): Promise<boolean> {
    return (await this.db.execute(`update ingest_source set revoked_at = now() where name = ? and revoked_at is null`, [name])) > 0;
  }

  async findActiveByKeyHash(keyHash: string): Promise<string | null> {
    return (await this.db.one<{ name: string }>(`select name from ingest_source where key_hash = ? and revoked_at is null`, [keyHash]))?.name ?? null;
  }

  async list(): Promise<SourceView[]> {
    const rows = await this.db.many<{ name: string; key_prefix: string; created_at: Date; revoked_at: Date | null }>(
      `select name, key_prefix, created_at, revoked_at from ingest_source order by name`,
    );
    return rows.map((r) => ({
      name: r.name,
      keyPrefix: r.key_prefix,
      createdAt: new Date(r.created_at).toISOString(),
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    }));
  }
}
