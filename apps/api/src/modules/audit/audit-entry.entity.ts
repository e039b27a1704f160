import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Property({ type: 'Date' })
  at: Date = new Date();

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text', nullable: true })
  target: string | null = null;

  @Property({ type: 'json', nullable: true })
  detail: Record<string, unknown> | null = null;
}
