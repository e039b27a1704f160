import type { Command } from 'commander';
import { passwordProblem, ROLES, type Role } from '@app/contracts';
import { cliActor, withCliContext } from './cli-context';
import { printJson, UsageError } from './cli-output';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage dashboard users');
  user
    .command('add')
    .description('create or update a user')
    .requiredOption('--username <username>', 'login name')
    .requiredOption('--password <password>', 'password (12+ characters, three of: lower, upper, digits, others; not the username)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--dept <code>', 'department code (required for role department)')
    .action(async (opts: { username: string; password: string; role: string; dept?: string }) => {
      const { UsersService } = await import('../modules/users/users.service');
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${opts.role}"`);
      if (opts.role === 'department' && !opts.dept) throw new UsageError('--dept is required for role department');
      if (opts.role !== 'department' && opts.dept) throw new UsageError('--dept is only for role department');
      if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(opts.username)) throw new UsageError('--username must be 1-64 characters of letters, digits, _ . @ -');
      const weak = passwordProblem(opts.password, opts.username);
      if (weak) throw new UsageError(`--password ${weak}`);
      const result = await withCliContext((app) =>
        app.get(UsersService).save({ username: opts.username, password: opts.password, role: opts.role as Role, dept: opts.dept ?? null }, cliActor()),
      );
      printJson({ username: result.username, role: result.role });
    });
  user
    .command('disable')
    .description('disable a user; their sign-ins end at once')
    .requiredOption('--username <username>', 'login name')
    .action(async (opts: { username: string }) => {
      const { NotFoundException } = await import('@nestjs/common');
      const { UsersService } = await import('../modules/users/users.service');
      try {
        await withCliContext((app) => app.get(UsersService).disable(opts.username, cliActor()));
      } catch (error) {
        if (error instanceof NotFoundException) throw new UsageError(`--username: user "${opts.username}" does not exist`);
        throw error;
      }
      printJson({ username: opts.username, disabled: true });
    });
}
