import { Injectable } from '@nestjs/common';
import type { AppealFact, ApiFact, Frequency, InstantRange, ObjectionFact, RequestFact, Scheme, UpdateFact } from '@app/scoring';
import type { SchemeVersion } from '@app/contracts';
import { Db } from '../../database/db';
import { LATENCY_BUCKETS, latencyBucket, percentileFromHistogram } from '../ingest/latency-buckets';

const iso = (ms: number) => new Date(ms).toISOString();

export interface ApiWindow {
  /** Whole local days [fromDay, toDay) read from the rollups. */
  fromDay: string;
  toDay: string;
  /** Raw calls in [from, to] for a partial day (the as-of instant's day). */
  raw: { from: number; to: number } | null;
}

/**
 * Aggregation queries: they gather the facts and counts the scoring engine
 * needs for one period and as-of instant, and decide nothing themselves.
 */
@Injectable()
export class ScoringRepository {
  constructor(private readonly db: Db) {}

  async schemeVersions(): Promise<SchemeVersion[]> {
    const rows = await this.db.many<{ version: number; params: Omit<Scheme, 'version'>; note: string | null; created_by: string; created_at: string }>(
      `select version, params, note, created_by, created_at from scheme order by version desc`,
    );
    return rows.map((r) => ({ ...r.params, version: r.version, note: r.note, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }));
  }

  async currentScheme(): Promise<Scheme> {
    const rows = await this.db.many<{ version: number; params: Omit<Scheme, 'version'> }>(
      `select version, params from scheme order by version desc limit 1`,
    );
    return { ...rows[0].params, version: rows[0].version };
  }

  async addScheme(params: Omit<Scheme, 'version'>, note: string | null, actor: string): Promise<number> {
    const rows = await this.db.many<{ version: number }>(
      `insert into scheme (version, params, note, created_by)
       select coalesce(max(version), 0) + 1, ?::jsonb, ?, ? from scheme returning version`,
      [JSON.stringify(params), note, actor],
    );
    return rows[0].version;
  }

  /** resource.updated facts per frequency range, not after the as-of instant. */
  async updates(ranges: Record<Frequency, InstantRange>, asOf: number): Promise<UpdateFact[]> {
    const frequencies = Object.keys(ranges) as Frequency[];
    const rows = await this.db.many<{ id: string; dept: string; resource: string; at: Date; records: string; complete_records: string }>(
      `select e.id, e.dept, e.resource, e.at, e.records, e.complete_records
       from event e join resource r on r.code = e.resource
       join unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) as f(frequency, from_at, to_at) on f.frequency = r.frequency
       where e.type = 'resource.updated' and e.at >= f.from_at and e.at < f.to_at and e.at <= ?`,
      [frequencies, frequencies.map((f) => iso(ranges[f].from)), frequencies.map((f) => iso(ranges[f].to)), iso(asOf)],
    );
    return rows.map((r) => ({
      id: r.id,
      dept: r.dept,
      resource: r.resource,
      at: new Date(r.at).getTime(),
      records: Number(r.records),
      completeRecords: Number(r.complete_records),
    }));
  }

  /**
   * Each request's earliest submission and earliest answer (by at, then id)
   * up to the as-of instant, for requests that can still matter to a period
   * starting at `periodStart`: unanswered, or answered (an early answer counts
   * at its submission) on or after that start.
   */
  async requests(periodStart: number, asOf: number): Promise<RequestFact[]> {
    const rows = await this.db.many<{
      request: string; sub_id: string; dept: string; resource: string; requester: string; sub_at: Date;
      ans_id: string | null; ans_at: Date | null; decision: 'approved' | 'rejected' | null;
    }>(
      `with subs as (
         select distinct on (request) request, id, dept, resource, requester, at from event
         where type = 'request.submitted' and at <= ? order by request, at, id),
       answers as (
         select distinct on (request) request, id, at, decision from event
         where type = 'request.answered' and at <= ? order by request, at, id)
       select s.request, s.id as sub_id, s.dept, s.resource, s.requester, s.at as sub_at, a.id as ans_id, a.at as ans_at, a.decision
       from subs s left join answers a on a.request = s.request
       where a.at is null or greatest(a.at, s.at) >= ?`,
      [iso(asOf), iso(asOf), iso(periodStart)],
    );
    return rows.map((r) => ({
      id: r.request,
      dept: r.dept,
      resource: r.resource,
      requester: r.requester,
      submittedAt: new Date(r.sub_at).getTime(),
      submissionEventId: r.sub_id,
      answeredAt: r.ans_at ? new Date(r.ans_at).getTime() : null,
      answerEventId: r.ans_id,
      decision: r.decision,
    }));
  }

  async objections(periodStart: number, asOf: number): Promise<ObjectionFact[]> {
    const rows = await this.db.many<{
      objection: string; raise_id: string; dept: string; resource: string; raised_by: string; raised_at: Date;
      resolve_id: string | null; resolved_at: Date | null;
    }>(
      `with raised as (
         select distinct on (objection) objection, id, dept, resource, raised_by, at from event
         where type = 'objection.raised' and at <= ? order by objection, at, id),
       resolved as (
         select distinct on (objection) objection, id, at from event
         where type = 'objection.resolved' and at <= ? order by objection, at, id)
       select r.objection, r.id as raise_id, r.dept, r.resource, r.raised_by, r.at as raised_at, s.id as resolve_id, s.at as resolved_at
       from raised r left join resolved s on s.objection = r.objection
       where s.at is null or greatest(s.at, r.at) >= ?`,
      [iso(asOf), iso(asOf), iso(periodStart)],
    );
    return rows.map((r) => ({
      id: r.objection,
      dept: r.dept,
      resource: r.resource,
      raisedBy: r.raised_by,
      raisedAt: new Date(r.raised_at).getTime(),
      raiseEventId: r.raise_id,
      resolvedAt: r.resolved_at ? new Date(r.resolved_at).getTime() : null,
      resolveEventId: r.resolve_id,
    }));
  }

  /**
   * Interface calls per department by status class, from the daily rollups
   * for whole days and from raw calls for a partial day, with a latency p95.
   */
  async api(window: ApiWindow): Promise<ApiFact[]> {
    const byDept = new Map<string, { byClass: [number, number, number, number, number]; hist: number[] }>();
    const entry = (dept: string) => {
      let e = byDept.get(dept);
      if (!e) {
        e = { byClass: [0, 0, 0, 0, 0], hist: new Array<number>(LATENCY_BUCKETS).fill(0) };
        byDept.set(dept, e);
      }
      return e;
    };
    if (window.fromDay < window.toDay) {
      const days = [window.fromDay, window.toDay];
      const counts = await this.db.many<{ dept: string; c1: string; c2: string; c3: string; c4: string; c5: string }>(
        `select dept, sum(c1xx) as c1, sum(c2xx) as c2, sum(c3xx) as c3, sum(c4xx) as c4, sum(c5xx) as c5
         from api_rollup where day >= ?::date and day < ?::date group by dept`,
        days,
      );
      for (const r of counts) {
        const e = entry(r.dept);
        [r.c1, r.c2, r.c3, r.c4, r.c5].forEach((v, i) => (e.byClass[i] += Number(v)));
      }
      const hist = await this.db.many<{ dept: string; i: string; n: string }>(
        `select dept, u.i, sum(u.h) as n from api_latency_day, unnest(latency_hist) with ordinality as u(h, i)
         where day >= ?::date and day < ?::date group by dept, u.i`,
        days,
      );
      for (const r of hist) entry(r.dept).hist[Number(r.i) - 1] += Number(r.n);
    }
    if (window.raw && window.raw.from <= window.raw.to) {
      const rows = await this.db.many<{ dept: string; status: number; latency_ms: number }>(
        `select dept, status, latency_ms from event where type = 'api.called' and at >= ? and at <= ?`,
        [iso(window.raw.from), iso(window.raw.to)],
      );
      for (const r of rows) {
        const e = entry(r.dept);
        e.byClass[Math.floor(r.status / 100) - 1]++;
        e.hist[latencyBucket(r.latency_ms)]++;
      }
    }
    return [...byDept.entries()].map(([dept, e]) => ({ dept, byStatusClass: e.byClass, latencyP95Ms: percentileFromHistogram(e.hist, 0.95) }));
  }

  async appeals(): Promise<AppealFact[]> {
    const rows = await this.db.many<{ id: number; dept: string; kind: AppealFact['kind']; target: Record<string, unknown>; status: AppealFact['status'] }>(
      `select id, dept, kind, target, status from appeal order by id`,
    );
    return rows.map((r) => ({ ...(r.target as object), kind: r.kind, dept: r.dept, id: r.id, status: r.status }) as AppealFact);
  }

  /** The newest score_invalidation id, and whether any newer than `basis` touches a period ending at `periodEnd`. */
  async latestInvalidation(): Promise<number> {
    const rows = await this.db.many<{ id: string | null }>(`select max(id) as id from score_invalidation`);
    return Number(rows[0].id ?? 0);
  }
}
