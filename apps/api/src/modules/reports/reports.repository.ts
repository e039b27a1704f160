import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import type { KeptFormat } from './report-model';

/** One kept report as the history lists it (ReportHistoryEntry of libs/contracts, plus its publication). */
export interface KeptReport {
  id: number;
  period: string;
  format: KeptFormat;
  dept: string | null;
  publicationId: number | null;
  schemeVersion: number;
  fileName: string;
  contentType: string;
  bytes: number;
  sha256: string;
  createdBy: string;
  createdAt: string;
  /** When the report's publication was published, and whether it is still in force (not re-opened since). */
  publishedAt: string | null;
  inForce: boolean;
}

export interface NewKeptReport {
  period: string;
  format: KeptFormat;
  dept: string | null;
  publicationId: number;
  schemeVersion: number;
  filename: string;
  contentType: string;
  sha256: string;
  content: Buffer;
  createdBy: string;
}

interface Row {
  id: number;
  period: string;
  format: KeptFormat;
  dept: string | null;
  publication_id: number | null;
  scheme_version: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  created_by: string;
  created_at: Date;
  published_at: Date | null;
  reopened_at: Date | null;
}

const COLUMNS = `f.id, f.period, f.format, f.dept, f.publication_id, f.scheme_version, f.filename, f.content_type, f.size, f.sha256,
  f.created_by, f.created_at, p.published_at, p.reopened_at`;

function toKept(r: Row): KeptReport {
  return {
    id: r.id,
    period: r.period,
    format: r.format,
    dept: r.dept,
    publicationId: r.publication_id,
    schemeVersion: r.scheme_version,
    fileName: r.filename,
    contentType: r.content_type,
    bytes: r.size,
    sha256: r.sha256.trim(),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    inForce: r.publication_id !== null && r.reopened_at === null,
  };
}

/** Kept report files (table report_file): the only code that reads or writes them. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  /** The publication in force for a period, if any. */
  async publication(period: string): Promise<{ id: number; publishedAt: string; schemeVersion: number } | null> {
    const rows = await this.db.many<{ id: number; published_at: Date; scheme_version: number }>(
      `select id, published_at, scheme_version from publication where period = ? and reopened_at is null`,
      [period],
    );
    const r = rows[0];
    return r ? { id: r.id, publishedAt: new Date(r.published_at).toISOString(), schemeVersion: r.scheme_version } : null;
  }

  /** Keeps a file; a second copy for the same publication, format and department is ignored (null). */
  async insert(file: NewKeptReport): Promise<number | null> {
    const rows = await this.db.many<{ id: number }>(
      `insert into report_file (period, format, dept, publication_id, scheme_version, filename, content_type, size, sha256, content, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict do nothing
       returning id`,
      [
        file.period,
        file.format,
        file.dept,
        file.publicationId,
        file.schemeVersion,
        file.filename,
        file.contentType,
        file.content.length,
        file.sha256,
        file.content,
        file.createdBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async forPublication(publicationId: number): Promise<KeptReport[]> {
    const rows = await this.db.many<Row>(
      `select ${COLUMNS} from report_file f left join publication p on p.id = f.publication_id where f.publication_id = ? order by f.id`,
      [publicationId],
    );
    return rows.map(toKept);
  }

  /** Kept reports, newest first. */
  async list(filter: { period?: string; limit: number; offset: number }): Promise<KeptReport[]> {
    const where = filter.period ? 'where f.period = ?' : '';
    const params = filter.period ? [filter.period] : [];
    const rows = await this.db.many<Row>(
      `select ${COLUMNS} from report_file f left join publication p on p.id = f.publication_id ${where}
       order by f.created_at desc, f.id desc limit ? offset ?`,
      [...params, filter.limit, filter.offset],
    );
    return rows.map(toKept);
  }

  async get(id: number): Promise<(KeptReport & { content: Buffer }) | null> {
    const rows = await this.db.many<Row & { content: Buffer }>(
      `select ${COLUMNS}, f.content from report_file f left join publication p on p.id = f.publication_id where f.id = ?`,
      [id],
    );
    const r = rows[0];
    return r ? { ...toKept(r), content: Buffer.from(r.content) } : null;
  }
}
