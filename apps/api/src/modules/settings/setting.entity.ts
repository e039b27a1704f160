import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'app_setting' })
export class SettingEntity {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
