import type { Command } from 'commander';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { cliActor, withCliContext } from './cli-context';
import { printJson, UsageError } from './cli-output';

/** A progress bar on stderr for long files, only when a person is watching. */
function progressReporter(file: string, size: number) {
  let bytes = 0;
  let lastDraw = 0;
  const tty = process.stderr.isTTY && size > 5_000_000;
  const draw = (final: boolean) => {
    if (!tty) return;
    const now = Date.now();
    if (!final && now - lastDraw < 250) return;
    lastDraw = now;
    const share = size ? Math.min(1, bytes / size) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(`\r${basename(file)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0)}%${final ? '\n' : ''}`);
  };
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      draw(false);
      done(null, chunk);
    },
  });
  return { counter, finish: () => draw(true) };
}

export function registerIngestCommands(program: Command): void {
  program
    .command('ingest')
    .description('ingest event files (NDJSON or CSV, optionally .gz), in the order given')
    .argument('<files...>', 'event files')
    .action(async (files: string[]) => {
      const { IngestService } = await import('../modules/ingest/ingest.service');
      const { detectFormat } = await import('../modules/ingest/parsing');
      let unreadable = 0;
      await withCliContext(async (app) => {
        const ingest = app.get(IngestService);
        for (const file of files) {
          let size: number;
          try {
            const stat = statSync(file);
            if (!stat.isFile()) throw new Error('not a regular file');
            size = stat.size;
          } catch (error) {
            process.stderr.write(`ingest: cannot read ${file}: ${(error as Error).message}\n`);
            unreadable++;
            continue;
          }
          const { format, gzip } = detectFormat(file);
          const progress = progressReporter(file, size);
          try {
            const result = await ingest.ingest(createReadStream(file).pipe(progress.counter), {
              source: basename(file),
              format,
              gzip: gzip || undefined,
              via: 'cli',
              size,
            });
            progress.finish();
            printJson({ file, read: result.read, accepted: result.accepted, duplicates: result.duplicates, quarantined: result.quarantined });
          } catch (error) {
            progress.finish();
            process.stderr.write(`ingest: ${file}: ${(error as Error).message}\n`);
            unreadable++;
          }
        }
      });
      if (unreadable > 0) process.exitCode = 1;
    });

  const quarantine = program.command('quarantine').description('inspect and replay quarantined lines');
  quarantine
    .command('list')
    .description('list quarantined lines, one JSON line each')
    .option('--source <name>', 'only lines from this source (file name or HTTP source)')
    .option('--reason <text>', 'only lines whose reason contains this text')
    .action(async (opts: { source?: string; reason?: string }) => {
      const { QuarantineService } = await import('../modules/ingest/quarantine.service');
      const { items } = await withCliContext((app) => app.get(QuarantineService).list({ source: opts.source, reason: opts.reason }));
      for (const e of items) {
        printJson({
          source: e.source,
          line: e.line,
          reason: e.reason,
          text: e.raw,
          times: e.times,
          replay: e.replayOutcome ? { outcome: e.replayOutcome, reason: e.replayReason, at: e.replayedAt } : null,
        });
      }
    });
  quarantine
    .command('replay')
    .description('re-validate quarantined lines against the current master data')
    .option('--source <name>', 'only lines from this source')
    .action(async (opts: { source?: string }) => {
      const { QuarantineService } = await import('../modules/ingest/quarantine.service');
      const result = await withCliContext((app) => app.get(QuarantineService).replay(opts.source));
      printJson({ replayed: result.replayed, accepted: result.accepted, duplicates: result.duplicates, quarantined: result.quarantined });
    });

  program
    .command('source')
    .description('ingest sources')
    .command('add')
    .description('register an ingest source and print its API key (shown once)')
    .requiredOption('--name <name>', 'source name')
    .action(async (opts: { name: string }) => {
      const { SourcesService } = await import('../modules/ingest/sources.service');
      if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(opts.name)) throw new UsageError('--name must be 1-100 characters of letters, digits, _ . : -');
      printJson(await withCliContext((app) => app.get(SourcesService).add(opts.name, cliActor())));
    });
}
