import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { parsePeriod, parseTimestamp } from '@app/scoring';
import { loadConfig } from '../config/app-config';
import { REPORT_FORMATS, type ReportFormat } from '../modules/reports/report-model';
import { cliActor, withCliContext } from './cli-context';
import { printJson, UsageError } from './cli-output';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description("write a period's assessment report (the city's, or one department's with --dept); audited")
    .requiredOption('--period <period>', '2026-10, 2026-Q4 or 2026')
    .requiredOption('--format <format>', REPORT_FORMATS.join(' | '))
    .option('--dept <code>', "one department's report")
    .option('--as-of <instant>', 'compute as of this ISO-8601 instant without storing (as score --as-of)')
    .requiredOption('--out <file>', 'where to write the report')
    .action(async (opts: { period: string; format: string; dept?: string; asOf?: string; out: string }) => {
      const { ReportsService } = await import('../modules/reports/reports.service');
      if (!parsePeriod(opts.period)) throw new UsageError(`--period must be a month (2026-10), a quarter (2026-Q4) or a year (2026), got "${opts.period}"`);
      if (!(REPORT_FORMATS as readonly string[]).includes(opts.format))
        throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${opts.format}"`);
      if (opts.dept !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(opts.dept)) throw new UsageError(`--dept must be a department code, got "${opts.dept}"`);
      let asOf: number | undefined;
      if (opts.asOf !== undefined) {
        const parsed = parseTimestamp(opts.asOf, loadConfig().ASSESSMENT_TIME_ZONE);
        if (parsed === null) throw new UsageError(`--as-of must be an ISO-8601 timestamp such as 2026-11-05T00:00:00+08:00, got "${opts.asOf}"`);
        asOf = parsed;
      }
      const file = await withCliContext((app) =>
        app.get(ReportsService).export(cliActor(), { period: opts.period, format: opts.format as ReportFormat, dept: opts.dept, asOf }),
      );
      try {
        writeFileSync(opts.out, file.bytes);
      } catch (error) {
        throw new UsageError(`report: cannot write ${opts.out}: ${(error as Error).message}`);
      }
      process.stderr.write(`${file.filename}: ${file.bytes.length} bytes, sha256 ${file.sha256}\n`);
      printJson({ file: opts.out });
    });
}
