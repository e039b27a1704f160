import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { RequestContext } from '@mikro-orm/core';
import { userInfo } from 'node:os';
import { CliModule } from '../cli.module';
import { loadConfig } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';

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
