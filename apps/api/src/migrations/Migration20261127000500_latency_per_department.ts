import { Migration } from '@mikro-orm/migrations';

/**
 * The latency histogram moves from every (day, department, resource,
 * consumer) rollup row to one row per day and department: the p95 is shown
 * per department, and a 64-bucket array on every rollup row made both ingest
 * and scoring slow.
 */
export class Migration20261127000500_latency_per_department extends Migration {
  override up(): void {
    this.addSql(`
      create table api_latency_day (
        day date not null,
        dept varchar(32) not null,
        latency_hist bigint[] not null,
        primary key (day, dept)
      );
      insert into api_latency_day (day, dept, latency_hist)
        select day, dept, array_agg(n order by i) from (
          select r.day, r.dept, u.i, sum(u.h) as n
          from api_rollup r, unnest(r.latency_hist) with ordinality as u(h, i)
          group by r.day, r.dept, u.i) t
        group by day, dept;
      alter table api_rollup drop column latency_hist;
    `);
  }
}
