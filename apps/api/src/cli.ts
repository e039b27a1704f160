import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { printJson, UsageError } from './cli/cli-output';
import { registerDemoCommands } from './cli/demo-commands';
import { registerImportCommands } from './cli/import-commands';
import { registerIngestCommands } from './cli/ingest-commands';
import { registerNotifyCommands } from './cli/notify-commands';
import { registerRectificationCommands } from './cli/rectification-commands';
import { registerReportCommands } from './cli/report-commands';
import { registerScoreCommands } from './cli/score-commands';
import { registerTodoCommands } from './cli/todo-commands';
import { registerUserCommands } from './cli/user-commands';
import { ConfigError } from './config/app-config';
import { APP_VERSION } from './version';

/**
 * The command line. Each command loads the services it uses when it runs (`await import`), so
 * `--version`, `--help` and usage errors start in a fraction of a second without the application.
 */
export function buildProgram(): Command {
  const program = new Command('cli')
    .description('政务数据共享绩效考核看板 — command line (JSON on stdout, progress and logs on stderr)')
    .version(APP_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerImportCommands(program);
  registerIngestCommands(program);
  registerScoreCommands(program);
  registerTodoCommands(program);
  registerNotifyCommands(program);
  registerReportCommands(program);
  registerRectificationCommands(program);
  registerUserCommands(program);
  registerDemoCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 1;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

export { printJson };

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
