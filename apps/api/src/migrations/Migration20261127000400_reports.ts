import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000400_reports extends Migration {
  override up(): void {
    this.addSql(`
      -- Reports kept when a period is published (city workbook, bulletin and CSV),
      -- with their bytes, so the history page can hand out exactly what was issued.
      -- Rows are never changed; a re-opened period keeps its old reports (the
      -- publication row says it was re-opened) and a new publication adds new ones.
      create table report_file (
        id serial primary key,
        period varchar(8) not null,
        format varchar(8) not null check (format in ('xlsx', 'pdf', 'csv')),
        dept varchar(32) null,
        publication_id integer null references publication (id),
        scheme_version integer not null,
        filename text not null,
        content_type text not null,
        size integer not null,
        sha256 char(64) not null,
        content bytea not null,
        created_by text not null,
        created_at timestamptz not null default now()
      );
      create index report_file_period_idx on report_file (period, created_at desc);
      create unique index report_file_publication_idx on report_file (publication_id, format, coalesce(dept, '')) where publication_id is not null;
    `);
  }
}
