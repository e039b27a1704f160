import { Injectable } from '@nestjs/common';
import type { AuditEntryView, Page } from '@app/contracts';
import { AuditQuery, AuditRepository } from './audit.repository';

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(actor: string, action: string, target: string | null = null, detail: Record<string, unknown> | null = null): Promise<void> {
    return this.audit.append({ actor, action, target, detail });
  }

  list(query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.audit.list(query);
  }
}
