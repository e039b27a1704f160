import { Migration } from '@mikro-orm/migrations';

/**
 * The optional TOTP second factor: a user's secret (sealed with the server's
 * secret key) is pending until a first code confirms it; the last time step
 * used is kept so a code works once. Recovery codes are kept only as hashes.
 * A sign-in opened for an admin who must still enrol (REQUIRE_ADMIN_2FA) is
 * marked, and reaches only the enrolment routes.
 */
export class Migration20261202000400_two_factor extends Migration {
  override up(): void {
    this.addSql(`
      create table two_factor (
        username varchar(64) primary key references app_user (username) on update cascade on delete cascade,
        secret_sealed text not null,
        created_at timestamptz not null default now(),
        enabled_at timestamptz null,
        last_step bigint null
      );
      create table two_factor_recovery (
        username varchar(64) not null references app_user (username) on update cascade on delete cascade,
        code_hash char(64) not null,
        used_at timestamptz null,
        primary key (username, code_hash)
      );
      alter table sign_in add column pending_two_factor boolean not null default false;
    `);
  }
}
