import { Migration } from '@mikro-orm/migrations';

/**
 * Server-side sign-ins: every token names its sign-in, and the guard checks
 * the row on each request, so logout, disabling a user or changing its role,
 * department or password can end a token before it expires.
 */
export class Migration20261202000100_sign_ins extends Migration {
  override up(): void {
    this.addSql(`
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
    `);
  }
}
