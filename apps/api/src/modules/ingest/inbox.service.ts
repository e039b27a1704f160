import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { IngestService, type IngestCounts } from './ingest.service';
import { detectFormat } from './parsing';

/** A file still being copied in is left for the next run. */
const SETTLE_MS = 5_000;
const IGNORED = /^\.|\.(part|tmp|partial)$/i;

export interface InboxFileResult extends IngestCounts {
  file: string;
  status: 'done' | 'failed';
  error?: string;
}

async function fingerprint(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The inbox folder: every settled file is ingested once, known by its content
 * fingerprint in the ledger (a renamed copy is not ingested twice), resumed
 * after a crash from the last committed batch, then moved to done/ (or
 * failed/ with the reason in the ledger).
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);

  constructor(
    private readonly ingest: IngestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get folder(): string {
    return resolve(this.config.INGEST_INBOX_DIR ?? join(this.config.DATA_DIR, 'inbox'));
  }

  async processInbox(now: number = Date.now()): Promise<InboxFileResult[]> {
    const inbox = this.folder;
    await mkdir(join(inbox, 'done'), { recursive: true });
    await mkdir(join(inbox, 'failed'), { recursive: true });
    const names = (await readdir(inbox)).filter((n) => !IGNORED.test(n)).sort();
    const results: InboxFileResult[] = [];
    for (const name of names) {
      const path = join(inbox, name);
      const info = await stat(path);
      if (!info.isFile() || now - info.mtimeMs < SETTLE_MS) continue;
      const print = await fingerprint(path);
      const { format, gzip } = detectFormat(name);
      const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
      try {
        const result = await this.ingest.ingest(createReadStream(path), {
          source: name,
          format,
          gzip: gzip || undefined,
          via: 'inbox',
          size: info.size,
          fingerprint: print,
        });
        await rename(path, join(inbox, 'done', `${stamp}-${name}`));
        results.push({
          file: name,
          status: 'done',
          read: result.read,
          accepted: result.accepted,
          duplicates: result.duplicates,
          quarantined: result.quarantined,
        });
        this.logger.log(`inbox: ${name}: ${result.read} read, ${result.accepted} accepted, ${result.duplicates} duplicates, ${result.quarantined} quarantined`);
      } catch (error) {
        const message = (error as Error).message;
        // A database outage leaves the file where it is, to resume on the next run; any other failure is in the ledger already.
        if (isDatabaseUnavailable(error)) throw error;
        await rename(path, join(inbox, 'failed', `${stamp}-${name}`));
        results.push({ file: name, status: 'failed', error: message, read: 0, accepted: 0, duplicates: 0, quarantined: 0 });
        this.logger.warn(`inbox: ${name} failed: ${message}`);
      }
    }
    return results;
  }
}
