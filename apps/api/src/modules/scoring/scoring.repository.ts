import { Injectable } from '@nestjs/common';
import type { AppealFact, ApiFact, Frequency, InstantRange, ObjectionFact, RequestFact, Scheme, UpdateFact } from '@app/scoring';
import type { SchemeVersion } from '@app/contracts';
import { Db } from '../../database/db';
import type { EventType } from '../ingest/parsing';
import { LATENCY_BUCKETS, latencyBucket, percentileFromHistogram } from '../ingest/latency-buckets';

const iso = (ms: number) => new Date(ms).toISOString();

export interface ApiWindow {
  /** Whole local days [fromDay, toDay) read from the rollups. */
  fromDay: string;
  toDay: string;
  /** Raw calls in [from, to] for a partial day (the as-of instant's day). */
  raw: { from: number; to: number } | null;
}

/** A fact opened by one event and closed by the first of another, keyed by a column of the event. */
interface TwoStep {
  key: 'request' | 'objection';
  opened: EventType;
  closed: EventType;
  openedBy: 'requester' | 'raised_by';
  decision: 'decision' | null;
}

const TWO_STEP = {
  request: { key: 'request', opened: 'request.submitted', closed: 'request.answered', openedBy: 'requester', decision: 'decision' },
  objection: { key: 'objection', opened: 'objection.raised', closed: 'objection.resolved', openedBy: 'raised_by', decision: null },
} as const satisfies Record<string, TwoStep>;

interface TwoStepRow {
  key: string;
  open_id: string;
  dept: string;
  resource: string;
  opened_by: string;
  opened_at: Date;
  close_id: string | null;
  closed_at: Date | null;
  decision: string | null;
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
    const rows = await this.db.many<{ version: number; params: Omit<Scheme, 'version'> }>(`select version, params from scheme order by version desc limit 1`);
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
    const rows = await this.openedAndClosed(TWO_STEP.request, periodStart, asOf);
    return rows.map((r) => ({
      id: r.key,
      dept: r.dept,
      resource: r.resource,
      requester: r.opened_by,
      submittedAt: new Date(r.opened_at).getTime(),
      submissionEventId: r.open_id,
      answeredAt: r.closed_at ? new Date(r.closed_at).getTime() : null,
      answerEventId: r.close_id,
      decision: r.decision as RequestFact['decision'],
    }));
  }

  /** The same for objections: earliest raise and earliest resolution. */
  async objections(periodStart: number, asOf: number): Promise<ObjectionFact[]> {
    const rows = await this.openedAndClosed(TWO_STEP.objection, periodStart, asOf);
    return rows.map((r) => ({
      id: r.key,
      dept: r.dept,
      resource: r.resource,
      raisedBy: r.opened_by,
      raisedAt: new Date(r.opened_at).getTime(),
      raiseEventId: r.open_id,
      resolvedAt: r.closed_at ? new Date(r.closed_at).getTime() : null,
      resolveEventId: r.close_id,
    }));
  }

  private openedAndClosed(kind: TwoStep, periodStart: number, asOf: number): Promise<TwoStepRow[]> {
    // Column names come from TWO_STEP, never from input.
    return this.db.many<TwoStepRow>(
      `with opened as (
         select distinct on (${kind.key}) ${kind.key} as key, id, dept, resource, ${kind.openedBy} as opened_by, at from event
         where type = ? and at <= ? order by ${kind.key}, at, id),
       closed as (
         select distinct on (${kind.key}) ${kind.key} as key, id, at, ${kind.decision ?? 'null::text'} as decision from event
         where type = ? and at <= ? order by ${kind.key}, at, id)
       select o.key, o.id as open_id, o.dept, o.resource, o.opened_by, o.at as opened_at, c.id as close_id, c.at as closed_at, c.decision
       from opened o left join closed c on c.key = o.key
       where c.at is null or greatest(c.at, o.at) >= ?`,
      [kind.opened, iso(asOf), kind.closed, iso(asOf), iso(periodStart)],
    );
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
