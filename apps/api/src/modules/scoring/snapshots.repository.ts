import { Injectable } from '@nestjs/common';
import type { DepartmentExtras, Finding, ScoreRecord } from '@app/scoring';
import { Db } from '../../database/db';

export interface StoredScores {
  record: ScoreRecord;
  findings: Record<string, Finding[]>;
  extras: Record<string, DepartmentExtras>;
}

export interface SnapshotRow extends StoredScores {
  period: string;
  computedAt: string;
  stale: boolean;
}

export interface PublicationRow extends StoredScores {
  id: number;
  period: string;
  schemeVersion: number;
  publishedAt: string;
  publishedBy: string;
}

/** Stored snapshots and publications: the only code that reads or writes them. */
@Injectable()
export class SnapshotsRepository {
  constructor(private readonly db: Db) {}

  async snapshot(period: string): Promise<SnapshotRow | null> {
    const rows = await this.db.many<{
      period: string;
      record: ScoreRecord;
      findings: Record<string, Finding[]>;
      extras: Record<string, DepartmentExtras>;
      computed_at: Date;
      stale: boolean;
    }>(
      `select s.period, s.record, s.findings, s.extras, s.computed_at,
         exists (select 1 from score_invalidation i where i.id > s.basis_invalidation and (i.from_at is null or i.from_at < s.period_end)) as stale
       from score_snapshot s where s.period = ?`,
      [period],
    );
    const r = rows[0];
    return r
      ? { period: r.period, record: r.record, findings: r.findings, extras: r.extras, computedAt: new Date(r.computed_at).toISOString(), stale: r.stale }
      : null;
  }

  /**
   * The record of a period as JSON text, straight from the database, when it
   * can be served as stored: published, or a snapshot that is not stale.
   * The hot path of GET /api/scores: no parse and re-serialise of the record.
   */
  async storedRecordText(period: string): Promise<string | null> {
    const rows = await this.db.many<{ published: string | null; snapshot: string | null; stale: boolean | null }>(
      `select (select p.record::text from publication p where p.period = ? and p.reopened_at is null) as published,
              s.record::text as snapshot,
              exists (select 1 from score_invalidation i where i.id > s.basis_invalidation and (i.from_at is null or i.from_at < s.period_end)) as stale
       from (select 1) one left join score_snapshot s on s.period = ?`,
      [period, period],
    );
    const r = rows[0];
    if (r.published) return r.published;
    return r.snapshot && !r.stale ? r.snapshot : null;
  }

  /** Stores a computed snapshot unless a newer computation (by basis) is already stored. */
  async saveSnapshot(period: string, periodEnd: number, scores: StoredScores, asOf: number, basis: number): Promise<void> {
    await this.db.execute(
      `insert into score_snapshot (period, period_end, record, findings, extras, as_of, provisional, scheme_version, basis_invalidation, computed_at)
       values (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, now())
       on conflict (period) do update set record = excluded.record, findings = excluded.findings, extras = excluded.extras,
         as_of = excluded.as_of, provisional = excluded.provisional, scheme_version = excluded.scheme_version,
         basis_invalidation = excluded.basis_invalidation, computed_at = now(), period_end = excluded.period_end
       where score_snapshot.as_of <= excluded.as_of`,
      [
        period,
        new Date(periodEnd).toISOString(),
        JSON.stringify(scores.record),
        JSON.stringify(scores.findings),
        JSON.stringify(scores.extras),
        new Date(asOf).toISOString(),
        scores.record.provisional,
        scores.record.schemeVersion,
        basis,
      ],
    );
  }

  /** Periods whose snapshot is stale, or provisional and older than `provisionalBefore`. */
  async periodsToRecompute(provisionalBefore: Date): Promise<string[]> {
    const rows = await this.db.many<{ period: string }>(
      `select s.period from score_snapshot s
       where not exists (select 1 from publication p where p.period = s.period and p.reopened_at is null)
         and (exists (select 1 from score_invalidation i where i.id > s.basis_invalidation and (i.from_at is null or i.from_at < s.period_end))
              or (s.provisional and s.computed_at < ?))
       order by s.period_end desc`,
      [provisionalBefore.toISOString()],
    );
    return rows.map((r) => r.period);
  }

  async publication(period: string): Promise<PublicationRow | null> {
    const rows = await this.db.many<{
      id: number;
      period: string;
      record: ScoreRecord;
      findings: Record<string, Finding[]>;
      extras: Record<string, DepartmentExtras>;
      scheme_version: number;
      published_at: Date;
      published_by: string;
    }>(`select id, period, record, findings, extras, scheme_version, published_at, published_by from publication where period = ? and reopened_at is null`, [
      period,
    ]);
    const r = rows[0];
    return r
      ? {
          id: r.id,
          period: r.period,
          record: r.record,
          findings: r.findings,
          extras: r.extras,
          schemeVersion: r.scheme_version,
          publishedAt: new Date(r.published_at).toISOString(),
          publishedBy: r.published_by,
        }
      : null;
  }

  async publish(period: string, scores: StoredScores, actor: string): Promise<void> {
    await this.db.execute(
      `insert into publication (period, record, findings, extras, scheme_version, published_by) values (?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)`,
      [period, JSON.stringify(scores.record), JSON.stringify(scores.findings), JSON.stringify(scores.extras), scores.record.schemeVersion, actor],
    );
  }

  async reopen(period: string, actor: string, reason: string): Promise<boolean> {
    const rowCount = await this.db.execute(
      `update publication set reopened_at = now(), reopened_by = ?, reopen_reason = ? where period = ? and reopened_at is null`,
      [actor, reason, period],
    );
    return rowCount > 0;
  }

  async publishedPeriods(): Promise<{ period: string; publishedAt: string; publishedBy: string; schemeVersion: number }[]> {
    const rows = await this.db.many<{ period: string; published_at: Date; published_by: string; scheme_version: number }>(
      `select period, published_at, published_by, scheme_version from publication where reopened_at is null order by period`,
    );
    return rows.map((r) => ({
      period: r.period,
      publishedAt: new Date(r.published_at).toISOString(),
      publishedBy: r.published_by,
      schemeVersion: r.scheme_version,
    }));
  }
}
