import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000300_scoring extends Migration {
  override up(): void {
    // The method's defaults (scoring.md) as version 1, written out so this migration never changes meaning.
    const params = {
      weights: { timeliness: 0.4, completeness: 0.3, response: 0.3 },
      responseWeights: { requests: 0.5, objections: 0.2, api: 0.3 },
      requestSlaWorkdays: 10,
      objectionSlaWorkdays: 5,
      updateGraceHours: 0,
      gradeThresholds: { A: 90, B: 80, C: 60 },
      commendTopN: 3,
    };
    this.addSql(`
      -- Assessment schemes are versioned; the highest version is in force.
      create table scheme (
        version integer primary key,
        params jsonb not null,
        note text null,
        created_by text not null,
        created_at timestamptz not null default now()
      );
      insert into scheme (version, params, note, created_by) values (1, '${JSON.stringify(params)}'::jsonb, 'default scheme', 'system');

      -- The latest computed record of each unpublished period, with its findings.
      -- basis_invalidation: the newest score_invalidation row it reflects.
      create table score_snapshot (
        period varchar(8) primary key,
        period_end timestamptz not null,
        record jsonb not null,
        findings jsonb not null,
        extras jsonb not null,
        as_of timestamptz not null,
        provisional boolean not null,
        scheme_version integer not null,
        basis_invalidation bigint not null,
        computed_at timestamptz not null default now()
      );

      -- Frozen records of published periods. A re-opening keeps the row (history)
      -- and stamps reopened_at; at most one publication of a period is in force.
      create table publication (
        id serial primary key,
        period varchar(8) not null,
        record jsonb not null,
        findings jsonb not null,
        extras jsonb not null,
        scheme_version integer not null,
        published_at timestamptz not null default now(),
        published_by text not null,
        reopened_at timestamptz null,
        reopened_by text null,
        reopen_reason text null
      );
      create unique index publication_in_force_idx on publication (period) where reopened_at is null;

      -- A department's appeal (复核) against one of its findings. target holds
      -- what the finding names (resource and window, request or objection id,
      -- or the events of a low-completeness finding).
      create table appeal (
        id serial primary key,
        dept varchar(32) not null references department (code),
        period varchar(8) not null,
        kind varchar(20) not null check (kind in ('missed_window', 'late_request', 'late_objection', 'low_completeness')),
        target jsonb not null,
        reason text not null,
        status varchar(10) not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
        filed_by text not null,
        filed_at timestamptz not null default now(),
        decided_by text null,
        decided_at timestamptz null,
        decision_comment text null
      );
      create index appeal_dept_idx on appeal (dept);
      create index event_type_at_idx on event (type, at);
    `);
  }
}
