import { Migration } from '@mikro-orm/migrations';

/**
 * The ingest ledger lists every ingest (issue 19), not only inbox files: each entry has its own
 * id and source kind; only inbox files carry a content fingerprint (still unique, so the inbox
 * takes each content once and resumes it), and a size may be unknown.
 */
export class Migration20261202000700_ingest_ledger extends Migration {
  override up(): void {
    this.addSql(`
      alter table ingest_file drop constraint ingest_file_pkey;
      alter table ingest_file add column id bigserial primary key;
      alter table ingest_file alter column fingerprint drop not null;
      alter table ingest_file add constraint ingest_file_fingerprint_key unique (fingerprint);
      alter table ingest_file alter column size drop not null;
      alter table ingest_file add column source_kind varchar(8) not null default 'inbox'
        check (source_kind in ('inbox', 'cli', 'http', 'demo'));
      alter table ingest_file alter column source_kind drop default;
      create index ingest_file_started_idx on ingest_file (started_at desc, id desc);
    `);
  }
}
