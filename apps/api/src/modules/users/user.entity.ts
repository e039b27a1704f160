import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '@app/contracts';

@Entity({ tableName: 'app_user' })
export class UserEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64, unique: true })
  username!: string;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'string', length: 16 })
  role!: Role;

  @Property({ type: 'string', length: 32, nullable: true })
  deptCode: string | null = null;

  @Property({ type: 'boolean' })
  disabled = false;

  @Property({ type: 'Date', onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
