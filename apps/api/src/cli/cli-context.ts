import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { userInfo } from 'node:os';
import { loadConfig } from '../config/app-config';

/** Logs go to stderr so stdout carries only the command's JSON. */
const stderrLogger: LoggerService = {
  log: () => undefined,
  warn: (message: unknown) => process.stderr.write(`warn: ${String(message)}\n`),
  error: (message: unknown) => process.stderr.write(`error: ${String(message)}\n`),
};

export function cliActor(): string {
  let name = process.env.USER ?? 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // some containers have no passwd entry for the uid
  }
  return `cli:${name}`;
}

/** Opens the database (migrating it), runs `work` inside a request context, and closes everything. */
export async function withCliContext<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: `--help`, `--version` and usage errors need none of the application.
  const [{ NestFactory }, { MikroORM }, { RequestContext }, { CliModule }, { prepareDatabase }] = await Promise.all([
    import('@nestjs/core'),
    import('@mikro-orm/postgresql'),
    import('@mikro-orm/core'),
    import('../cli.module'),
    import('../database/prepare-database'),
  ]);
  const config = loadConfig();
  const target = await prepareDatabase(config, 'cli');
  let app: INestApplicationContext | null = null;
  try {
    app = await NestFactory.createApplicationContext(CliModule.forRoot({ config, target }), { logger: stderrLogger });
    const orm = app.get(MikroORM);
    return await RequestContext.create(orm.em, () => work(app!));
  } finally {
    if (app) await app.close();
    await target.close();
  }
}
