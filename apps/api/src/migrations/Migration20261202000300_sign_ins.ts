import { Migration } from '@mikro-orm/migrations';

/**
 * Server-side sign-ins: every token names its sign-in, and the guard checks
 * the row on each request, so logout, disabling a user or changing its role,
 * department or password can end a token before it expires.
 * Failed logins are counted per username (the lockout; any name, known or
 * not) and per address (across distinct usernames), and successful ones per
 * user and address (who the address limit spares).
 */
export class Migration20261202000300_sign_ins extends Migration {
  override up(): void {
    this.addSql(`
      alter table app_user add column must_change_password boolean not null default false;

      create table sign_in (
        id uuid primary key,
        username varchar(64) not null references app_user (username) on update cascade on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        last_activity_at timestamptz not null default now(),
        address text null,
        user_agent text null,
        revoked_at timestamptz null,
        revoked_reason text null
      );
      create index sign_in_username_idx on sign_in (username) where revoked_at is null;

      create table login_lock (
        username varchar(64) primary key,
        failures integer not null,
        last_failure_at timestamptz not null,
        locked_until timestamptz null
      );
      create table login_failure (
        address text not null,
        username varchar(64) not null,
        at timestamptz not null
      );
      create index login_failure_address_idx on login_failure (address, at);
      create table login_success (
        username varchar(64) not null,
        address text not null,
        at timestamptz not null,
        primary key (username, address)
      );
    `);
  }
}
