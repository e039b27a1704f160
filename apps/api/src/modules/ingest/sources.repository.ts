import { sql } from '../../database/sql';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

export interface SourceRecord {
  name: string;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

@Injectable()
export class SourcesRepository {
  constructor(private readonly em: EntityManager) {}

  private get knex() {
    return this.em.getKnex();
  }

  /** Creates the source or gives it a new key (the old key stops working). */
  async upsert(name: string, keyHash: string, keyPrefix: string): Promise<void> {
    await sql(this.knex, 
      `insert into ingest_source (name, key_hash, key_prefix) values (?, ?, ?)
       on conflict (name) do update set key_hash = excluded.key_hash, key_prefix = excluded.key_prefix, revoked_at = null`,
      [name, keyHash, keyPrefix],
    );
  }

  async revoke(name: string): Promise<boolean> {
    const result = await sql(this.knex, `update ingest_source set revoked_at = now() where name = ? and revoked_at is null`, [name]);
    return result.rowCount > 0;
  }

  async findActiveByKeyHash(keyHash: string): Promise<string | null> {
    const result = await sql(this.knex, `select name from ingest_source where key_hash = ? and revoked_at is null`, [keyHash]);
    return (result.rows[0] as { name: string } | undefined)?.name ?? null;
  }

  async list(): Promise<SourceRecord[]> {
    const result = await sql(this.knex, `select name, key_prefix, created_at, revoked_at from ingest_source order by name`);
    return (result.rows as { name: string; key_prefix: string; created_at: Date; revoked_at: Date | null }[]).map((r) => ({
      name: r.name,
      keyPrefix: r.key_prefix,
      createdAt: new Date(r.created_at).toISOString(),
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    }));
  }
}
