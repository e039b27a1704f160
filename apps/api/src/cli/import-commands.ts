import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { MasterDataKind } from '../modules/master-data/master-data.service';
import { cliActor, withCliContext } from './cli-context';
import { printJson, UsageError } from './cli-output';

const KINDS: MasterDataKind[] = ['departments', 'catalog', 'calendar'];

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description('upsert master data from a CSV or XLSX file: departments, catalog or calendar (English or Chinese headers)')
    .argument('<kind>', KINDS.join(' | '))
    .argument('<file>', 'CSV file (UTF-8 or GB18030) or XLSX workbook (its first sheet)')
    .action(async (kind: string, file: string) => {
      const { MasterDataService } = await import('../modules/master-data/master-data.service');
      const { CsvHeaderError } = await import('../modules/master-data/parsing');
      if (!(KINDS as string[]).includes(kind)) throw new UsageError(`import: kind must be one of ${KINDS.join(', ')}, got "${kind}"`);
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch (error) {
        throw new UsageError(`import: cannot read ${file}: ${(error as Error).message}`);
      }
      const outcome = await withCliContext(async (app) => {
        try {
          return await app.get(MasterDataService).import(kind as MasterDataKind, content, cliActor(), file);
        } catch (error) {
          if (error instanceof CsvHeaderError) throw new UsageError(`${file}: ${error.message}`);
          throw error;
        }
      });
      for (const r of outcome.rejections) process.stderr.write(`${file}:${r.line}: ${r.reason}\n`);
      printJson({ read: outcome.read, upserted: outcome.upserted, rejected: outcome.rejected });
    });
}
