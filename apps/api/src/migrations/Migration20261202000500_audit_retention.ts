import { Migration } from '@mikro-orm/migrations';

/**
 * Audit retention: the log stays append-only (no update, no truncate), and a
 * row may be deleted only once it is older than the retention the deleting
 * transaction declares (`app.audit_retention_days`), never younger than 180
 * days whatever is declared: the purge job is the only deleter.
 */
export class Migration20261202000500_audit_retention extends Migration {
  override up(): void {
    this.addSql(`
      drop trigger audit_log_no_update on audit_log;
      create function audit_log_retention() returns trigger language plpgsql as $$
      declare
        kept_days integer := greatest(coalesce(nullif(current_setting('app.audit_retention_days', true), '')::integer, 0), 180);
      begin
        if tg_op = 'DELETE' and current_setting('app.audit_retention_days', true) is not null
           and current_setting('app.audit_retention_days', true) <> ''
           and old.at < now() - make_interval(days => kept_days) then
          return old;
        end if;
        raise exception 'audit_log is append-only (entries younger than the retention period are kept)';
      end;
      $$;
      create trigger audit_log_no_update before update or delete on audit_log
        for each row execute function audit_log_retention();
    `);
  }
}
