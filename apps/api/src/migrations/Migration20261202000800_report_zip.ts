import { Migration } from '@mikro-orm/migrations';

/** A published period keeps its zip of department reports beside the city's reports (issue 19: it was missing from the history). */
export class Migration20261202000800_report_zip extends Migration {
  override up(): void {
    this.addSql(`
      alter table report_file drop constraint report_file_format_check;
      alter table report_file add constraint report_file_format_check check (format in ('xlsx', 'pdf', 'csv', 'zip'));
    `);
  }
}
