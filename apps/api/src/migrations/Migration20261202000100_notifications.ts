import { Migration } from '@mikro-orm/migrations';

/**
 * Notification channels and the delivery log (issue 14). A channel's secret
 * (robot signing key, SMTP password) is stored AES-256-GCM encrypted. The log
 * is unique on (channel, kind, item) so a message goes out once however often
 * sending runs; every try is kept with the receiver's answer.
 */
export class Migration20261202000100_notifications extends Migration {
  override up(): void {
    this.addSql(`
      create table notify_channel (
        id serial primary key,
        name varchar(100) not null unique,
        kind varchar(16) not null check (kind in ('dingtalk', 'wecom', 'feishu', 'webhook', 'email')),
        target text not null,
        secret_enc text null,
        dept varchar(32) null references department (code) on delete cascade,
        role varchar(16) null check (role in ('inspector', 'leader')),
        created_at timestamptz not null default now(),
        check ((dept is null) <> (role is null))
      );
      create table notify_delivery (
        id bigserial primary key,
        channel_id integer not null references notify_channel (id) on delete cascade,
        kind varchar(16) not null check (kind in ('todo', 'digest', 'result', 'summary', 'test')),
        item_key varchar(200) not null,
        message jsonb not null,
        status varchar(16) not null default 'pending' check (status in ('pending', 'sent', 'failed')),
        attempts integer not null default 0,
        last_answer text null,
        next_attempt_at timestamptz null,
        created_at timestamptz not null default now(),
        sent_at timestamptz null,
        unique (channel_id, kind, item_key)
      );
      create index notify_delivery_due on notify_delivery (next_attempt_at) where status = 'pending';
      create table notify_attempt (
        delivery_id bigint not null references notify_delivery (id) on delete cascade,
        attempt integer not null,
        at timestamptz not null default now(),
        ok boolean not null,
        answer text not null,
        primary key (delivery_id, attempt)
      );
    `);
  }
}
