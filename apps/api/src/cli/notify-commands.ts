import type { Command } from 'commander';
import { channelInputSchema, channelKindSchema, channelRoleSchema } from '@app/contracts';
import { parsePeriod, parseTimestamp } from '@app/scoring';
import { loadConfig } from '../config/app-config';
import { cliActor, withCliContext } from './cli-context';
import { printJson, UsageError } from './cli-output';

interface ChannelAddOptions {
  name: string;
  kind: string;
  target: string;
  secret?: string;
  dept?: string;
  role?: string;
}

export function registerNotifyCommands(program: Command): void {
  const notify = program.command('notify').description('notification channels and sending (DingTalk, WeCom, Feishu, a JSON webhook, email)');
  const channel = notify.command('channel').description("where a department's or a role's messages go");

  channel
    .command('add')
    .description(
      "register a channel for one department (--dept) or a role (--role); --secret signs DingTalk and Feishu calls (an email channel's SMTP password)",
    )
    .requiredOption('--name <name>', 'unique name')
    .requiredOption('--kind <kind>', channelKindSchema.options.join('|'))
    .requiredOption('--target <target>', 'the robot or webhook URL, or an email address')
    .option('--secret <secret>', 'stored encrypted, never shown')
    .option('--dept <code>', 'the department whose messages go here')
    .option('--role <role>', channelRoleSchema.options.join('|'))
    .action(async (opts: ChannelAddOptions) => {
      const { NotificationsService } = await import('../modules/notifications/notifications.service');
      if (!channelKindSchema.safeParse(opts.kind).success)
        throw new UsageError(`--kind must be one of ${channelKindSchema.options.join(', ')}, got "${opts.kind}"`);
      if (opts.role !== undefined && !channelRoleSchema.safeParse(opts.role).success)
        throw new UsageError(`--role must be inspector or leader, got "${opts.role}"`);
      if ((opts.dept === undefined) === (opts.role === undefined)) throw new UsageError('give exactly one of --dept and --role');
      const parsed = channelInputSchema.safeParse(opts);
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'target')}: ${i.message}`).join('\n'));
      const added = await withCliContext((app) => app.get(NotificationsService).addChannel(parsed.data, cliActor()));
      printJson({ name: added.name, kind: added.kind });
    });

  notify
    .command('send')
    .description(
      "send what is due: each department's to-do and the roles' overdue digest (warnings), or a published period's results; each item goes to each channel once",
    )
    .requiredOption('--what <what>', 'warnings|results')
    .option('--period <period>', 'results: the published period (default: the latest published)')
    .option('--as-of <instant>', 'warnings: ISO-8601 instant (local time without an offset); default now')
    .action(async (opts: { what: string; period?: string; asOf?: string }) => {
      const { NotificationsService } = await import('../modules/notifications/notifications.service');
      if (opts.what !== 'warnings' && opts.what !== 'results') throw new UsageError(`--what must be warnings or results, got "${opts.what}"`);
      if (opts.period !== undefined && !parsePeriod(opts.period))
        throw new UsageError(`--period must be a month (2026-10), a quarter (2026-Q4) or a year (2026), got "${opts.period}"`);
      let asOf: number | undefined;
      if (opts.asOf !== undefined) {
        const parsed = parseTimestamp(opts.asOf, loadConfig().ASSESSMENT_TIME_ZONE);
        if (parsed === null) throw new UsageError(`--as-of must be an ISO-8601 timestamp such as 2026-11-05T00:00:00+08:00, got "${opts.asOf}"`);
        asOf = parsed;
      }
      const counts = await withCliContext((app) => {
        const service = app.get(NotificationsService);
        return opts.what === 'warnings' ? service.sendWarnings(asOf) : service.sendResults(opts.period);
      });
      printJson(counts);
    });
}
