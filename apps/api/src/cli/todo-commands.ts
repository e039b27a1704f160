import type { Command } from 'commander';
import { parseTimestamp } from '@app/scoring';
import { loadConfig } from '../config/app-config';
import { withCliContext } from './cli-context';
import { printJson, UsageError } from './cli-output';

export function registerTodoCommands(program: Command): void {
  program
    .command('todo')
    .description('what each department must act on now (to-do and early warnings): one JSON line per department in code order')
    .option('--dept <code>', 'one department only')
    .option('--as-of <instant>', 'ISO-8601 instant (local time without an offset); default now')
    .option('--json', 'print JSON lines (the only output format)')
    .action(async (opts: { dept?: string; asOf?: string }) => {
      const { MasterDataService } = await import('../modules/master-data/master-data.service');
      const { TodoService } = await import('../modules/todo/todo.service');
      let asOf = Date.now();
      if (opts.asOf !== undefined) {
        const parsed = parseTimestamp(opts.asOf, loadConfig().ASSESSMENT_TIME_ZONE);
        if (parsed === null) throw new UsageError(`--as-of must be an ISO-8601 timestamp such as 2026-11-05T00:00:00+08:00, got "${opts.asOf}"`);
        asOf = parsed;
      }
      const todos = await withCliContext(async (app) => {
        if (opts.dept !== undefined && !(await app.get(MasterDataService).departmentExists(opts.dept))) {
          throw new UsageError(`--dept: unknown department "${opts.dept}"`);
        }
        return app.get(TodoService).todos(asOf, opts.dept);
      });
      for (const todo of todos) printJson(todo);
    });
}
