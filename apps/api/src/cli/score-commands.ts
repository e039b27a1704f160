import type { Command } from 'commander';
import { parsePeriod, parseTimestamp } from '@app/scoring';
import { loadConfig } from '../config/app-config';
import { cliActor, withCliContext } from './cli-context';
import { printJson, UsageError } from './cli-output';

function checkPeriod(period: string): string {
  if (!parsePeriod(period)) throw new UsageError(`--period must be a month (2026-10), a quarter (2026-Q4) or a year (2026), got "${period}"`);
  return period;
}

function parseAsOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseTimestamp(text, loadConfig().ASSESSMENT_TIME_ZONE);
  if (parsed === null) throw new UsageError(`--as-of must be an ISO-8601 timestamp such as 2026-11-05T00:00:00+08:00, got "${text}"`);
  return parsed;
}

export function registerScoreCommands(program: Command): void {
  program
    .command('score')
    .description("a period's score record: the published one, else the latest snapshot; --as-of computes without storing")
    .requiredOption('--period <period>', '2026-10, 2026-Q4 or 2026')
    .option('--as-of <instant>', 'ISO-8601 instant (local time without an offset)')
    .option('--json', 'print the record as JSON (the only output format)')
    .action(async (opts: { period: string; asOf?: string }) => {
      const { ScoringService } = await import('../modules/scoring/scoring.service');
      checkPeriod(opts.period);
      const asOf = parseAsOf(opts.asOf);
      const scores = await withCliContext((app) => app.get(ScoringService).scores(opts.period, asOf));
      printJson(scores.record);
    });

  program
    .command('findings')
    .description("a department's findings for a period, each with the points it cost (as GET /api/departments/{code}/findings)")
    .requiredOption('--dept <code>', 'the department code')
    .requiredOption('--period <period>', '2026-10, 2026-Q4 or 2026')
    .option('--as-of <instant>', 'ISO-8601 instant (local time without an offset)')
    .option('--json', 'print the document as JSON (the only output format)')
    .action(async (opts: { dept: string; period: string; asOf?: string }) => {
      const { ScoresViewService } = await import('../modules/scoring/scores-view.service');
      checkPeriod(opts.period);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(opts.dept)) throw new UsageError(`--dept must be a department code, got "${opts.dept}"`);
      const asOf = parseAsOf(opts.asOf);
      printJson(await withCliContext((app) => app.get(ScoresViewService).findingsDocument(opts.dept, opts.period, asOf)));
    });

  program
    .command('publish')
    .description("freeze a period's results (audited)")
    .requiredOption('--period <period>', '2026-10, 2026-Q4 or 2026')
    .action(async (opts: { period: string }) => {
      const { NotificationsService } = await import('../modules/notifications/notifications.service');
      const { RectificationService } = await import('../modules/rectification/rectification.service');
      const { ReportsService } = await import('../modules/reports/reports.service');
      const { ScoringService } = await import('../modules/scoring/scoring.service');
      checkPeriod(opts.period);
      const result = await withCliContext(async (app) => {
        const published = await app.get(ScoringService).publish(opts.period, cliActor());
        await app.get(RectificationService).openForPublication(published.record.period, cliActor());
        await app.get(ReportsService).generateForPublication(published.record.period, cliActor());
        // The command waits for the results to go out (a failure is in the delivery log; the publication stands).
        await app
          .get(NotificationsService)
          .sendResults(published.record.period)
          .catch((error: unknown) => process.stderr.write(`warn: the results were not sent: ${(error as Error).message}\n`));
        return published;
      });
      printJson(result.record);
    });

  program
    .command('reopen')
    .description('re-open a published period (audited)')
    .requiredOption('--period <period>', '2026-10, 2026-Q4 or 2026')
    .requiredOption('--reason <text>', 'why it is re-opened')
    .action(async (opts: { period: string; reason: string }) => {
      const { ScoringService } = await import('../modules/scoring/scoring.service');
      checkPeriod(opts.period);
      if (!opts.reason.trim()) throw new UsageError('--reason must not be empty');
      printJson(await withCliContext((app) => app.get(ScoringService).reopen(opts.period, opts.reason, cliActor())));
    });
}
