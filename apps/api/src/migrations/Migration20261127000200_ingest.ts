import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000200_ingest extends Migration {
  override up(): void {
    this.addSql(`
      create table department (
        code varchar(32) primary key,
        name text not null,
        name_en text null,
        category text null,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table resource (
        code text primary key,
        name text not null,
        dept_code varchar(32) not null references department (code),
        frequency varchar(16) not null check (frequency in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_demand')),
        active_from date null,
        active_to date null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index resource_dept_idx on resource (dept_code);

      create table calendar_day (
        day date primary key,
        kind varchar(8) not null check (kind in ('holiday', 'workday')),
        updated_at timestamptz not null default now()
      );

      -- One row per accepted event id. The partitioned event table cannot hold
      -- a unique index on id alone (it would have to include the partition
      -- key), so de-duplication happens here.
      create table event_key (
        id varchar(128) primary key,
        content_hash text not null,
        at timestamptz not null
      );

      create table event (
        id varchar(128) not null,
        type varchar(24) not null,
        at timestamptz not null,
        dept varchar(32) not null,
        resource text null,
        records bigint null,
        complete_records bigint null,
        request text null,
        requester varchar(32) null,
        decision varchar(8) null,
        reason text null,
        objection text null,
        raised_by varchar(32) null,
        consumer varchar(32) null,
        status smallint null,
        latency_ms double precision null,
        source text not null,
        line integer not null,
        ingested_at timestamptz not null default now()
      ) partition by range (at);
      create index event_dept_type_at_idx on event (dept, type, at);
      create index event_request_idx on event (request) where request is not null;
      create index event_objection_idx on event (objection) where objection is not null;
      create index event_id_idx on event (id);

      -- Interface calls per local day, department, resource and consumer,
      -- added exactly once per accepted api.called event. latency_hist counts
      -- calls per latency bucket (see ingest/latency-buckets.ts).
      create table api_rollup (
        day date not null,
        dept varchar(32) not null,
        resource text not null,
        consumer varchar(32) not null,
        c1xx bigint not null default 0,
        c2xx bigint not null default 0,
        c3xx bigint not null default 0,
        c4xx bigint not null default 0,
        c5xx bigint not null default 0,
        latency_sum double precision not null default 0,
        latency_hist bigint[] not null,
        primary key (day, dept, resource, consumer)
      );
      create index api_rollup_dept_day_idx on api_rollup (dept, day);

      create table quarantine (
        id bigserial primary key,
        source text not null,
        line integer not null,
        raw text not null,
        raw_hash text not null,
        reason text not null,
        -- CSV lines keep their file's header columns so they can be replayed alone.
        csv_columns jsonb null,
        times integer not null default 1,
        first_at timestamptz not null default now(),
        last_at timestamptz not null default now(),
        replay_outcome varchar(16) null check (replay_outcome in ('accepted', 'duplicate', 'quarantined')),
        replay_reason text null,
        replayed_at timestamptz null,
        unique (source, line, raw_hash)
      );
      create index quarantine_source_idx on quarantine (source, line);

      create table ingest_source (
        id serial primary key,
        name varchar(100) not null unique,
        key_hash text not null,
        key_prefix varchar(16) not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz null
      );

      -- Something that scores depend on changed. Snapshots of unpublished
      -- periods ending after from_at (all of them when null) and computed
      -- before this row are stale.
      create table score_invalidation (
        id bigserial primary key,
        at timestamptz not null default now(),
        from_at timestamptz null,
        reason varchar(32) not null
      );

      -- Files seen by the inbox (and the CLI), by content fingerprint.
      create table ingest_file (
        fingerprint text primary key,
        name text not null,
        size bigint not null,
        status varchar(12) not null check (status in ('processing', 'done', 'failed')),
        lines_done integer not null default 0,
        read integer not null default 0,
        accepted integer not null default 0,
        duplicates integer not null default 0,
        quarantined integer not null default 0,
        error text null,
        started_at timestamptz not null default now(),
        finished_at timestamptz null
      );
    `);
  }
}
