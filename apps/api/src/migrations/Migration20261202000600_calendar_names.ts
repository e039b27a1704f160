import { Migration } from '@mikro-orm/migrations';

/** The calendar's optional holiday name (名称, issue 19): shown to people, ignored by the method. */
export class Migration20261202000600_calendar_names extends Migration {
  override up(): void {
    this.addSql(`alter table calendar_day add column name text null;`);
  }
}
