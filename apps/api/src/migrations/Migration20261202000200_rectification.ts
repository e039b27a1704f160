import { Migration } from '@mikro-orm/migrations';

/**
 * Rectification cases (issue 15): one per department on a published month's
 * notice list, unique on (period, dept) so re-publishing keeps the cases it
 * already opened. Every step of the workflow is kept in rectification_event.
 * The delivery log learns the message kind 'case'.
 */
export class Migration20261202000200_rectification extends Migration {
  override up(): void {
    this.addSql(`
      create table rectification_case (
        id serial primary key,
        period varchar(16) not null,
        dept varchar(32) not null references department (code),
        opened_at timestamptz not null default now(),
        due_day date not null,
        due timestamptz not null,
        state varchar(16) not null default 'open' check (state in ('open', 'submitted', 'returned', 'closed')),
        cause text null,
        measures text null,
        concerned jsonb not null default '{"resources":[],"requests":[]}'::jsonb,
        submitted_by varchar(200) null,
        submitted_at timestamptz null,
        inspector_comment text null,
        decided_by varchar(200) null,
        closed_at timestamptz null,
        overdue_notified_at timestamptz null,
        unique (period, dept)
      );
      create table rectification_event (
        id bigserial primary key,
        case_id integer not null references rectification_case (id) on delete cascade,
        at timestamptz not null default now(),
        actor varchar(200) not null,
        action varchar(16) not null check (action in ('opened', 'submitted', 'returned', 'accepted')),
        comment text null
      );
      create index rectification_event_case on rectification_event (case_id, id);
      alter table notify_delivery drop constraint notify_delivery_kind_check;
      alter table notify_delivery add constraint notify_delivery_kind_check check (kind in ('todo', 'digest', 'result', 'summary', 'test', 'case'));
    `);
  }
}
