import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { formatPeriod, parsePeriodOrThrow, previousPeriod, type Period, type ScoreRecord, type Scheme } from '@app/scoring';
import type { CurrentUser } from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { MasterDataService } from '../master-data/master-data.service';
import { RectificationService } from '../rectification/rectification.service';
import { ScoresViewService } from '../scoring/scores-view.service';
import { ScoringService } from '../scoring/scoring.service';
import { safeFilename } from '../../common/export/content-disposition';
import {
  buildReportModel,
  cityAverageOf,
  CONTENT_TYPES,
  findingRows,
  KEPT_FORMATS,
  reportFilename,
  type ModelSource,
  type ReportFormat,
  type ReportModel,
  type TrendSourcePoint,
} from './report-model';
import { ReportsRepository, type KeptReport } from './reports.repository';
import { conflict, notFound } from '../../common/user-error';

export interface ReportRequest {
  period: string;
  format: ReportFormat;
  /** One department's report; the city's when absent. */
  dept?: string;
  /** Compute as of this instant (epoch ms) without storing, as GET /api/scores?asOf does. */
  asOf?: number;
}

export interface ReportFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
  /** Department rows in the report, and finding rows (findings are listed only for the departments shown). */
  rows: number;
  findings: number;
  period: string;
  published: boolean;
  schemeVersion: number;
}

/** Periods of the same kind shown in the trend chart, the report's own included. */
const TREND_LENGTH: Record<Period['kind'], number> = { month: 6, quarter: 4, year: 3 };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The renderers pull in exceljs and jszip (and, in the PDF worker, pdfmake and
 * ECharts): loaded on the first report, not by every CLI command and server start.
 */
const renderers = {
  xlsx: () => import('./xlsx-report'),
  csv: () => import('./csv-report'),
  pdf: async () => (await import('./pdf-worker')).renderReportPdfs,
  zip: async () => (await import('jszip')).default,
};

/**
 * Assessment reports (issue 8): the workbook, the PDF bulletin and the CSV of
 * a period, for the city or one department; the zip of every department's
 * PDF; the reports kept when a period is published. Every export is audited
 * with who, what, the filters, the rows and the file's sha256.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly scoring: ScoringService,
    private readonly view: ScoresViewService,
    private readonly kept: ReportsRepository,
    private readonly audit: AuditService,
    private readonly rectification: RectificationService,
    private readonly masterData: MasterDataService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * access.md: inspectors and leaders may have any department's report and
   * the city's; a department user only its own department's, else 403 (and
   * the attempt audited) whether or not the department exists.
   */
  async authorize(user: CurrentUser, dept: string | undefined): Promise<void> {
    if (dept !== undefined) return this.view.assertMayRead(user, dept, 'report');
    if (user.role === 'department') await this.view.assertMayRead(user, '(city)', 'city report');
  }

  /** Builds a report and writes the export to the audit log. */
  async export(actor: string, request: ReportRequest): Promise<ReportFile> {
    const file = await this.build(request);
    await this.audit.record(actor, 'report.export', request.dept ? `${file.period}/${request.dept}` : file.period, {
      format: request.format,
      filters: { period: file.period, dept: request.dept ?? null, asOf: request.asOf === undefined ? null : new Date(request.asOf).toISOString() },
      rows: file.rows,
      findings: file.findings,
      bytes: file.bytes.length,
      sha256: file.sha256,
      filename: file.filename,
      published: file.published,
      schemeVersion: file.schemeVersion,
    });
    return file;
  }

  async build(request: ReportRequest): Promise<ReportFile> {
    const source = await this.load(request.period, request.asOf, request.format === 'pdf');
    if (request.dept !== undefined && !source.record.departments.some((d) => d.dept === request.dept)) {
      throw notFound('report.noScores', { dept: request.dept, period: source.record.period });
    }
    const model = buildReportModel(source, request.dept);
    const bytes = await this.render(model, request.format);
    return this.fileOf(model, request.format, bytes);
  }

  /** Every department's PDF report of a period in one zip (inspectors); the export is audited. */
  async departmentsZip(actor: string, periodText: string, asOf?: number): Promise<ReportFile> {
    const file = await this.zipOf(await this.load(periodText, asOf, true));
    await this.audit.record(actor, 'report.export', file.period, {
      format: 'zip',
      filters: { period: file.period, dept: null, asOf: asOf === undefined ? null : new Date(asOf).toISOString(), departments: 'all' },
      rows: file.rows,
      findings: file.findings,
      bytes: file.bytes.length,
      sha256: file.sha256,
      filename: file.filename,
      published: file.published,
      schemeVersion: file.schemeVersion,
    });
    return file;
  }

  /** The zip of every department's PDF, with one font subset for all of them. */
  private async zipOf(source: ModelSource): Promise<ReportFile> {
    const models = source.record.departments.map((d) => buildReportModel(source, d.dept));
    const pdfs = await (await renderers.pdf())(models);
    const JSZip = await renderers.zip();
    const zip = new JSZip();
    const created = new Date();
    models.forEach((m, i) => zip.file(safeFilename(`${m.departments[0].dept}_${m.departments[0].name}.pdf`), pdfs[i], { date: created }));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
    const city = buildReportModel(source);
    return {
      filename: `${city.city}数据共享绩效考核_${city.period}_各部门报告${city.published ? '' : '_未发布'}.zip`,
      contentType: CONTENT_TYPES.zip,
      bytes,
      sha256: sha256(bytes),
      rows: models.length,
      findings: models.reduce((n, m) => n + findingRows(m).length, 0),
      period: city.period,
      published: city.published,
      schemeVersion: city.schemeVersion,
    };
  }

  /**
   * After a period is published: generates its city reports (xlsx, pdf, csv)
   * and the zip of every department's PDF from the frozen record and keeps
   * them (bytes in the database) for the history page. Idempotent per
   * publication: a report already kept for the publication in force is not
   * generated again.
   */
  async generateForPublication(periodText: string, actor = 'system'): Promise<KeptReport[]> {
    const period = formatPeriod(parsePeriodOrThrow(periodText));
    const publication = await this.kept.publication(period);
    if (!publication) throw conflict('period.notPublished', { period });
    const existing = await this.kept.forPublication(publication.id);
    const missing = KEPT_FORMATS.filter((f) => !existing.some((k) => k.format === f && k.dept === null));
    if (missing.length) {
      const source = await this.load(period, undefined, missing.includes('pdf') || missing.includes('zip'));
      if (!source.published) throw conflict('period.notPublished', { period });
      const model = buildReportModel(source);
      for (const format of missing) {
        const file = format === 'zip' ? await this.zipOf(source) : this.fileOf(model, format, await this.render(model, format));
        const id = await this.kept.insert({
          period,
          format,
          dept: null,
          publicationId: publication.id,
          schemeVersion: file.schemeVersion,
          filename: file.filename,
          contentType: file.contentType,
          sha256: file.sha256,
          content: file.bytes,
          createdBy: actor,
        });
        if (id !== null) {
          await this.audit.record(actor, 'report.generate', period, {
            id,
            format,
            publicationId: publication.id,
            rows: file.rows,
            findings: file.findings,
            bytes: file.bytes.length,
            sha256: file.sha256,
            filename: file.filename,
            schemeVersion: file.schemeVersion,
          });
        }
      }
    }
    return this.kept.forPublication(publication.id);
  }

  history(filter: { period?: string; limit: number; offset: number }) {
    return this.kept.list(filter);
  }

  /** A kept report's bytes, exactly as generated; the download is audited. */
  async download(actor: string, id: number): Promise<KeptReport & { content: Buffer }> {
    const file = await this.kept.get(id);
    if (!file) throw notFound('report.unknown', { id });
    await this.audit.record(actor, 'report.download', file.period, {
      id,
      format: file.format,
      filename: file.fileName,
      bytes: file.bytes,
      sha256: file.sha256,
    });
    return file;
  }

  private async render(model: ReportModel, format: ReportFormat): Promise<Buffer> {
    if (format === 'xlsx') return (await renderers.xlsx()).buildWorkbook(model);
    if (format === 'csv') return (await renderers.csv()).buildCsv(model);
    const [pdf] = await (await renderers.pdf())([model]);
    return pdf;
  }

  private fileOf(model: ReportModel, format: ReportFormat, bytes: Buffer): ReportFile {
    return {
      filename: reportFilename(model, format),
      contentType: CONTENT_TYPES[format],
      bytes,
      sha256: sha256(bytes),
      rows: model.departments.length,
      findings: findingRows(model).length,
      period: model.period,
      published: model.published,
      schemeVersion: model.schemeVersion,
    };
  }

  /**
   * The period's scores as GET /api/scores gives them (published, else the
   * snapshot; computed without storing with asOf), its scheme, and the trend
   * of earlier periods when the report draws one (the PDF).
   */
  private async load(periodText: string, asOf: number | undefined, withTrend: boolean): Promise<ModelSource> {
    const period = formatPeriod(parsePeriodOrThrow(periodText));
    const scores = await this.scoring.scores(period, asOf);
    const published = scores.origin === 'published';
    const scheme = await this.schemeOf(scores.record);
    const trend = withTrend ? await this.trend(scores.record, asOf) : [];
    const rectification = await this.previousCases(period, asOf);
    const [resources, departments] = await Promise.all([this.masterData.resources(), this.masterData.departments()]);
    return {
      city: this.config.CITY_NAME,
      timeZone: this.config.ASSESSMENT_TIME_ZONE,
      record: scores.record,
      findings: scores.findings,
      extras: scores.extras,
      published,
      publishedAt: published ? scores.computedAt : null,
      scheme,
      trend,
      rectification,
      names: {
        resources: Object.fromEntries(resources.map((r) => [r.code, r.name])),
        departments: Object.fromEntries(departments.map((d) => [d.code, d.name])),
      },
    };
  }

  /** A month's report carries the cases its previous month's notice list opened, their states as of the report's instant. */
  private async previousCases(period: string, asOf: number | undefined): Promise<ModelSource['rectification']> {
    const p = parsePeriodOrThrow(period);
    if (p.kind !== 'month') return null;
    const previous = formatPeriod(previousPeriod(p));
    const cases = await this.rectification.forPeriod(previous, asOf ?? Date.now());
    if (cases.length === 0) return null;
    return { period: previous, cases: cases.map((c) => ({ dept: c.dept, state: c.state, overdue: c.overdue, due: c.due, closedAt: c.closedAt })) };
  }

  /** The scheme version the record was computed with (the current one if that version is gone). */
  private async schemeOf(record: ScoreRecord): Promise<Scheme> {
    const used = (await this.scoring.schemeVersions()).find((s) => s.version === record.schemeVersion);
    if (!used) return this.scoring.currentScheme();
    const { note: _note, createdBy: _by, createdAt: _at, ...scheme } = used;
    return scheme;
  }

  /** Totals of the period and the ones before it (same kind), oldest first, for the trend charts. */
  private async trend(record: ScoreRecord, asOf?: number): Promise<TrendSourcePoint[]> {
    const records: ScoreRecord[] = [record];
    let period = parsePeriodOrThrow(record.period);
    for (let i = 1; i < TREND_LENGTH[period.kind]; i++) {
      period = previousPeriod(period);
      if (period.year < 1) break;
      // The trend begins at the assessment start: earlier periods have no record.
      const earlier = await this.scoring.scoresIfAssessed(formatPeriod(period), asOf);
      if (!earlier) break;
      records.unshift(earlier.record);
    }
    return records.map((r) => ({
      period: r.period,
      cityAverage: cityAverageOf(r.departments),
      totals: Object.fromEntries(r.departments.map((d) => [d.dept, d.total])),
    }));
  }
}
