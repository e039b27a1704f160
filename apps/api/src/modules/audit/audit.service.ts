import { Injectable } from '@nestjs/common';
import { AuditQuery, AuditRepository } from './audit.repository';

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(actor: string, action: string, target: string | null = null, detail: Record<string, unknown> | null = null): Promise<void> {
    return this.audit.append({ actor, action, target, detail });
  }

  async list(query: AuditQuery) {
    const { total, items } = await this.audit.list(query);
    return {
      total,
      items: items.map((e) => ({ id: Number(e.id), at: e.at.toISOString(), actor: e.actor, action: e.action, target: e.target, detail: e.detail })),
    };
  }
}
