import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditQuery {
  action?: string;
  actor?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly em: EntityManager) {}

  async append(entry: Pick<AuditEntryEntity, 'actor' | 'action' | 'target' | 'detail'>): Promise<void> {
    await this.em
      .getConnection()
      .execute(`insert into audit_log (actor, action, target, detail) values (?, ?, ?, ?)`, [
        entry.actor,
        entry.action,
        entry.target,
        entry.detail === null ? null : JSON.stringify(entry.detail),
      ]);
  }

  async list(query: AuditQuery): Promise<{ total: number; items: AuditEntryEntity[] }> {
    const where: Record<string, unknown> = {};
    if (query.action) where.action = { $like: `${query.action}%` };
    if (query.actor) where.actor = query.actor;
    const [items, total] = await this.em.fork().findAndCount(AuditEntryEntity, where, {
      orderBy: { id: 'desc' },
      limit: query.limit,
      offset: query.offset,
    });
    return { total, items };
  }
}
