import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000100_foundation extends Migration {
  override up(): void {
    this.addSql(`
      create table app_setting (
        key text primary key,
        value text not null,
        updated_at timestamptz not null default now()
      );

      create table app_user (
        id serial primary key,
        username varchar(64) not null unique,
        password_hash text not null,
        role varchar(16) not null check (role in ('leader', 'inspector', 'department', 'admin')),
        dept_code varchar(32) null,
        disabled boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint app_user_dept_for_department check ((role = 'department') = (dept_code is not null))
      );

      create table audit_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        actor text not null,
        action text not null,
        target text null,
        detail jsonb null
      );
      create index audit_log_at_idx on audit_log (at desc);
      create index audit_log_action_idx on audit_log (action);

      -- The audit log is append-only: no row is ever changed or removed.
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only';
      end;
      $$;
      create trigger audit_log_no_update before update or delete on audit_log
        for each row execute function audit_log_append_only();
      create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only();
    `);
  }
}
