import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { SourcesRepository } from './sources.repository';
import { notFound } from '../../common/user-error';

const KEY_PREFIX = 'dsk_';

/** Keys are 256 random bits, so one fast hash is enough to store them safely (unlike passwords). */
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourcesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Registers a source (or re-keys it) and returns its API key, shown this once. */
  async add(name: string, actor: string): Promise<{ name: string; apiKey: string }> {
    const apiKey = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.sources.upsert(name, hashKey(apiKey), apiKey.slice(0, 10));
    await this.audit.record(actor, 'ingest_source.key_issued', name);
    return { name, apiKey };
  }

  async revoke(name: string, actor: string): Promise<void> {
    if (!(await this.sources.revoke(name))) throw notFound('source.unknown', { name });
    await this.audit.record(actor, 'ingest_source.revoke', name);
  }

  /** The source a key belongs to, or null for an unknown or revoked key. */
  authenticate(apiKey: string): Promise<string | null> {
    return this.sources.findActiveByKeyHash(hashKey(apiKey));
  }

  list() {
    return this.sources.list();
  }
}
