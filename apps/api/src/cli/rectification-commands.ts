import type { Command } from 'commander';
import { parsePeriod } from '@app/scoring';
import { withCliContext } from './cli-context';
import { printJson, UsageError } from './cli-output';

export function registerRectificationCommands(program: Command): void {
  const rectification = program.command('rectification').description('the rectification cases (整改) opened by published notices');
  rectification
    .command('list')
    .description('one JSON line per case, by period and department')
    .option('--period <period>', 'one month only, e.g. 2026-10')
    .option('--json', 'print JSON lines (the only output format)')
    .action(async (opts: { period?: string }) => {
      const { RectificationService } = await import('../modules/rectification/rectification.service');
      if (opts.period !== undefined && parsePeriod(opts.period) === null)
        throw new UsageError(`--period must be a period such as 2026-10, got "${opts.period}"`);
      const cases = await withCliContext((app) => app.get(RectificationService).all(opts.period));
      for (const c of cases) printJson(c);
    });
}
