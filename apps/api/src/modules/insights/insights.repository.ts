import { Injectable } from '@nestjs/common';
import type { EventView } from '@app/contracts';
import { Db } from '../../database/db';

/** Reads for the leadership views that the scoring facts do not cover. */
@Injectable()
export class InsightsRepository {
  constructor(private readonly db: Db) {}

  /** The events of one department with these ids (never another department's). */
  async eventsOf(dept: string, ids: string[]): Promise<EventView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.many<Record<string, unknown>>(
      `select id, type, at, dept, resource, records, complete_records, request, requester, decision, reason, objection, raised_by, source, line
       from event where dept = ? and id = any(?::text[]) order by at, id`,
      [dept, ids],
    );
    return rows.map((r) => ({
      id: r.id as string,
      type: r.type as string,
      at: new Date(r.at as string).toISOString(),
      dept: r.dept as string,
      resource: (r.resource as string) ?? null,
      records: r.records === null ? null : Number(r.records),
      completeRecords: r.complete_records === null ? null : Number(r.complete_records),
      request: (r.request as string) ?? null,
      requester: (r.requester as string) ?? null,
      decision: (r.decision as string) ?? null,
      reason: (r.reason as string) ?? null,
      objection: (r.objection as string) ?? null,
      raisedBy: (r.raised_by as string) ?? null,
      source: r.source as string,
      line: Number(r.line),
    }));
  }

  /** Interface calls from consumer to provider over whole local days [fromDay, toDay). */
  async callsBetween(fromDay: string, toDay: string): Promise<{ consumer: string; provider: string; calls: number }[]> {
    const rows = await this.db.many<{ consumer: string; dept: string; calls: string }>(
      `select consumer, dept, sum(c1xx + c2xx + c3xx + c4xx + c5xx) as calls from api_rollup
       where day >= ?::date and day < ?::date group by consumer, dept`,
      [fromDay, toDay],
    );
    return rows.map((r) => ({ consumer: r.consumer, provider: r.dept, calls: Number(r.calls) }));
  }
}
