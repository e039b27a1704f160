import { EXPORT_CONTENT_TYPES } from '../../common/export/content-types';
import {
  formatInstant,
  GRADE_LABELS,
  parsePeriodOrThrow,
  type DepartmentExtras,
  type DepartmentScore,
  type Finding,
  type Grade,
  type NoticeEntry,
  type Scheme,
  type ScoreRecord,
} from '@app/scoring';
import { FINDING_PART, POINTS_LOST_PART_ZH, POINTS_LOST_PARTS, type PointsLostPart } from '@app/contracts';

export const REPORT_FORMATS = ['xlsx', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** What a publication keeps: the city's reports and the zip of every department's PDF. */
export const KEPT_FORMATS = [...REPORT_FORMATS, 'zip'] as const;
export type KeptFormat = (typeof KEPT_FORMATS)[number];

export const CONTENT_TYPES: Record<KeptFormat, string> = EXPORT_CONTENT_TYPES;

/** One period's city figures, for the trend chart. */
export interface TrendPoint {
  period: string;
  cityAverage: number | null;
  /** The department's own total, in a department's report. */
  dept: number | null;
}

/** A trend point as loaded: the city figures and every department's total (narrowed by buildReportModel). */
export interface TrendSourcePoint extends Omit<TrendPoint, 'dept'> {
  totals: Record<string, number | null>;
}

export interface NoticedRow extends NoticeEntry {
  name: string;
  total: number | null;
  rank: number | null;
  reasons: string[];
}

/**
 * Everything a report shows, in one shape for the workbook, the bulletin and
 * the CSV: the score record (scoring.md) narrowed to the report's scope, with
 * the labels and derived figures the formats share. For a department's report
 * only that department's detail is in `departments`, `findings` and `extras`.
 */
export interface ReportModel {
  city: string;
  period: string;
  periodLabel: string;
  asOf: string;
  /** True only for the frozen record of a published period. */
  published: boolean;
  publishedAt: string | null;
  schemeVersion: number;
  scheme: Scheme;
  scope: { kind: 'city' } | { kind: 'department'; dept: string; name: string };
  departments: DepartmentScore[];
  /** Departments in the whole city record, and how many of them are ranked. */
  cityDepartments: number;
  cityRanked: number;
  cityAverage: number | null;
  gradeCounts: Record<Grade, number>;
  findings: Record<string, Finding[]>;
  extras: Record<string, DepartmentExtras>;
  commended: DepartmentScore[];
  noticed: NoticedRow[];
  trend: TrendPoint[];
  /** Totals per period (the trend's periods) of the departments in scope. */
  trendTotals: Record<string, (number | null)[]>;
  /** 上期通报整改情况: the previous month's cases in scope; null when there are none. */
  rectification: { period: string; periodLabel: string; cases: RectificationRow[] } | null;
  generatedAt: string;
  timeZone: string;
  /** Resource and department names by code, so findings name what their codes stand for. */
  names: ReportNames;
}

export interface ReportNames {
  resources: Record<string, string>;
  departments: Record<string, string>;
}

/** A case opened by the previous month's notice list, as the next bulletin reports it (issue 15). */
export interface RectificationRow {
  dept: string;
  name: string;
  state: 'open' | 'submitted' | 'returned' | 'closed';
  overdue: boolean;
  /** The due day, YYYY-MM-DD. */
  due: string;
  closedAt: string | null;
}

export const CASE_STATE_ZH: Record<RectificationRow['state'], string> = { open: '待整改', submitted: '待审核', returned: '已退回', closed: '已办结' };

/** 已办结, or the state with 已逾期 when past due. */
export function caseStateText(row: Pick<RectificationRow, 'state' | 'overdue'>): string {
  return row.overdue ? `${CASE_STATE_ZH[row.state]}（已逾期）` : CASE_STATE_ZH[row.state];
}

export interface ModelSource {
  city: string;
  timeZone: string;
  record: ScoreRecord;
  findings: Record<string, Finding[]>;
  extras: Record<string, DepartmentExtras>;
  published: boolean;
  publishedAt: string | null;
  scheme: Scheme;
  trend: TrendSourcePoint[];
  /** The previous month's rectification cases (a month's report only; null for quarters, years, or no cases). */
  rectification?: { period: string; cases: Omit<RectificationRow, 'name'>[] } | null;
  /** The catalog's resource names and every department's name (the record names only active departments). */
  names?: ReportNames;
  now?: number;
}

export const GRADE_ZH = GRADE_LABELS.zh;

export const FINDING_KIND_ZH: Record<Finding['kind'], string> = {
  missed_window: '未按时更新',
  late_request: '共享申请逾期答复',
  late_objection: '数据异议逾期处理',
  low_completeness: '数据完整率偏低',
};

export const APPEAL_STATUS_ZH = { pending: '申诉处理中', accepted: '申诉已采纳', rejected: '申诉未采纳' } as const;

const QUARTER_ZH = ['一', '二', '三', '四'];

/** '2026-10' -> 2026年10月, '2026-Q4' -> 2026年第四季度, '2026' -> 2026年度. */
export function periodLabel(period: string): string {
  const p = parsePeriodOrThrow(period);
  if (p.kind === 'month') return `${p.year}年${p.index}月`;
  if (p.kind === 'quarter') return `${p.year}年第${QUARTER_ZH[p.index - 1]}季度`;
  return `${p.year}年度`;
}

/** An ISO instant (any offset) as local 'YYYY-MM-DD HH:mm' in the assessment time zone. */
export function localDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatInstant(ms, timeZone).slice(0, 16).replace('T', ' ');
}

export function gradeText(grade: Grade | null): string {
  return grade ? `${grade}（${GRADE_ZH[grade]}）` : '无数据';
}

/** Mean of the ranked departments' rounded totals, to two decimals; null when nobody is ranked. */
export function cityAverageOf(departments: readonly Pick<DepartmentScore, 'total'>[]): number | null {
  const totals = departments.map((d) => d.total).filter((t): t is number => t !== null);
  if (totals.length === 0) return null;
  // Totals carry two decimals: sum them as integer hundredths so the mean is exact before its one rounding.
  const hundredths = totals.reduce((sum, t) => sum + Math.round(t * 100), 0);
  return Math.round(hundredths / totals.length) / 100;
}

export function noticeReasons(entry: NoticeEntry): string[] {
  const reasons: string[] = [];
  if (entry.grade === 'D') reasons.push(`等级为${GRADE_ZH.D}`);
  if (entry.overdueOpenRequests > 0) reasons.push(`拖延不办共享申请 ${entry.overdueOpenRequests} 件`);
  return reasons;
}

export function buildReportModel(source: ModelSource, dept?: string): ReportModel {
  const { record } = source;
  const byCode = new Map(record.departments.map((d) => [d.dept, d]));
  const inScope = (code: string) => dept === undefined || code === dept;
  const departments = record.departments.filter((d) => inScope(d.dept));
  const gradeCounts: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const d of record.departments) if (d.grade) gradeCounts[d.grade]++;
  const pick = <T>(map: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(map).filter(([code]) => inScope(code)));
  const own = dept === undefined ? null : byCode.get(dept);
  return {
    city: source.city,
    period: record.period,
    periodLabel: periodLabel(record.period),
    asOf: record.asOf,
    published: source.published,
    publishedAt: source.publishedAt,
    schemeVersion: record.schemeVersion,
    scheme: source.scheme,
    scope: own ? { kind: 'department', dept: own.dept, name: own.name } : { kind: 'city' },
    departments,
    cityDepartments: record.departments.length,
    cityRanked: record.departments.filter((d) => d.rank !== null).length,
    cityAverage: cityAverageOf(record.departments),
    gradeCounts,
    findings: pick(source.findings),
    extras: pick(source.extras),
    commended: record.commended
      .filter(inScope)
      .map((code) => byCode.get(code)!)
      .filter(Boolean),
    noticed: record.noticed
      .filter((n) => inScope(n.dept))
      .map((n) => {
        const d = byCode.get(n.dept);
        return { ...n, name: d?.name ?? n.dept, total: d?.total ?? null, rank: d?.rank ?? null, reasons: noticeReasons(n) };
      }),
    trend: source.trend.map((t) => ({
      period: t.period,
      cityAverage: t.cityAverage,
      dept: dept === undefined ? null : (t.totals[dept] ?? null),
    })),
    trendTotals: Object.fromEntries(departments.map((d) => [d.dept, source.trend.map((t) => t.totals[d.dept] ?? null)])),
    rectification: rectificationOf(source, inScope, byCode),
    generatedAt: formatInstant(source.now ?? Date.now(), source.timeZone),
    timeZone: source.timeZone,
    names: {
      resources: source.names?.resources ?? {},
      departments: { ...Object.fromEntries(record.departments.map((d) => [d.dept, d.name])), ...source.names?.departments },
    },
  };
}

function rectificationOf(source: ModelSource, inScope: (code: string) => boolean, byCode: Map<string, DepartmentScore>): ReportModel['rectification'] {
  const r = source.rectification;
  if (!r) return null;
  const cases = r.cases.filter((c) => inScope(c.dept)).map((c) => ({ ...c, name: byCode.get(c.dept)?.name ?? c.dept }));
  return cases.length > 0 ? { period: r.period, periodLabel: periodLabel(r.period), cases } : null;
}

/** The status line every format carries: published with its scheme version, or not yet (未发布). */
export function statusText(model: ReportModel): string {
  return model.published
    ? `已发布（${localDateTime(model.publishedAt, model.timeZone)} 发布，考核方案第 ${model.schemeVersion} 版）`
    : `未发布（考核方案第 ${model.schemeVersion} 版，结果可能随数据更新而变化）`;
}

export function shortStatus(model: ReportModel): string {
  return model.published ? `已发布 · 考核方案第 ${model.schemeVersion} 版` : '未发布';
}

export function reportTitle(model: ReportModel): string {
  return model.scope.kind === 'city' ? `${model.city}政务数据共享绩效考核通报` : `${model.city}政务数据共享绩效考核部门报告`;
}

/** The download's file name (Chinese; content-disposition.ts encodes it). */
export function reportFilename(model: Pick<ReportModel, 'city' | 'period' | 'published' | 'scope'>, format: ReportFormat): string {
  const who = model.scope.kind === 'city' ? '' : `_${model.scope.name}(${model.scope.dept})`;
  const state = model.published ? '' : '_未发布';
  return `${model.city}数据共享绩效考核_${model.period}${who}${state}.${format}`;
}

/** One line per finding with the columns every format shows. */
export interface FindingRow {
  dept: string;
  name: string;
  kind: string;
  resource: string;
  /** The resource's catalog name, '' when the catalog has none. */
  resourceName: string;
  subject: string;
  counterpart: string;
  /** The requesting or objecting department's name, '' when unknown. */
  counterpartName: string;
  windowStart: string;
  windowEnd: string;
  submittedAt: string;
  deadline: string;
  answeredAt: string;
  workdaysLate: number | null;
  records: number | null;
  completeRecords: number | null;
  completeness: number | null;
  eventIds: string;
  appeal: string;
  /** What the finding cost the total (scoring.md "Points lost"); null for a finding stored before points lost existed. */
  pointsLost: number | null;
}

/** The department table's values by column header, shared by the CSV and the workbook (each picks its columns and formats the scores). */
export function departmentCells(d: DepartmentScore) {
  const c = d.counts;
  return {
    名次: d.rank,
    名次变化: d.rankChange,
    部门代码: d.dept,
    部门名称: d.name,
    总分: d.total,
    等级: d.grade,
    及时性: d.timeliness,
    完整性: d.completeness,
    响应: d.response,
    应考核窗口数: c.windowsDue,
    按时更新窗口数: c.windowsMet,
    记录数: c.records,
    字段齐全记录数: c.completeRecords,
    已办结申请数: c.requestsSettled,
    按时答复申请数: c.requestsOnTime,
    办理中申请数: c.requestsPending,
    拖延不办申请数: c.requestsOverdueOpen,
    已办结异议数: c.objectionsSettled,
    按时处理异议数: c.objectionsOnTime,
    接口成功次数: c.apiSuccess,
    接口失败次数: c.apiFailure,
  } satisfies Record<string, string | number | null>;
}

export type DepartmentColumn = keyof ReturnType<typeof departmentCells>;

/** The columns of departmentCells that hold a score (0-100 with two decimals, or null when not applicable). */
export const SCORE_COLUMNS: ReadonlySet<DepartmentColumn> = new Set<DepartmentColumn>(['总分', '及时性', '完整性', '响应']);

/** A finding row's cells in the column order of the findings table (workbook and CSV). */
export function findingCells(f: FindingRow): (string | number | null)[] {
  return [
    f.dept,
    f.name,
    f.kind,
    f.resource,
    f.subject,
    f.counterpart,
    f.windowStart,
    f.windowEnd,
    f.submittedAt,
    f.deadline,
    f.answeredAt,
    f.workdaysLate,
    f.records,
    f.completeRecords,
    f.completeness,
    f.eventIds,
    f.appeal,
    f.pointsLost,
  ];
}

export function findingRows(model: ReportModel): FindingRow[] {
  const rows: FindingRow[] = [];
  const tz = model.timeZone;
  for (const d of model.departments) {
    for (const f of model.findings[d.dept] ?? []) {
      const base: FindingRow = {
        dept: d.dept,
        name: d.name,
        kind: FINDING_KIND_ZH[f.kind],
        resource: f.resource,
        resourceName: model.names.resources[f.resource] ?? '',
        subject: '',
        counterpart: '',
        counterpartName: '',
        windowStart: '',
        windowEnd: '',
        submittedAt: '',
        deadline: '',
        answeredAt: '',
        workdaysLate: null,
        records: null,
        completeRecords: null,
        completeness: null,
        eventIds: '',
        appeal: f.appeal ? `${APPEAL_STATUS_ZH[f.appeal.status]}（#${f.appeal.id}）` : '',
        pointsLost: f.pointsLost ?? null,
      };
      if (f.kind === 'missed_window') {
        rows.push({ ...base, windowStart: localDateTime(f.windowStart, tz), windowEnd: localDateTime(f.windowEnd, tz) });
      } else if (f.kind === 'late_request' || f.kind === 'late_objection') {
        rows.push({
          ...base,
          subject: f.kind === 'late_request' ? f.request : f.objection,
          counterpart: f.kind === 'late_request' ? f.requester : f.raisedBy,
          counterpartName: model.names.departments[f.kind === 'late_request' ? f.requester : f.raisedBy] ?? '',
          submittedAt: localDateTime(f.submittedAt, tz),
          deadline: localDateTime(f.deadline, tz),
          answeredAt: f.answeredAt ? localDateTime(f.answeredAt, tz) : '未答复',
          workdaysLate: f.workdaysLate,
          eventIds: f.eventIds.join(' '),
        });
      } else {
        rows.push({
          ...base,
          records: f.records,
          completeRecords: f.completeRecords,
          completeness: f.completeness,
          eventIds: f.eventIds.join(' '),
        });
      }
    }
  }
  return rows;
}

/** 名称（代码） where the name is known, else the code alone. */
function named(name: string, code: string): string {
  return name ? `${name}（${code}）` : code;
}

/** A short description of one finding, for the bulletin's finding list: resources and departments by name and code. */
export function findingSummary(row: FindingRow): string {
  const resource = named(row.resourceName, row.resource);
  const counterpart = named(row.counterpartName, row.counterpart);
  switch (row.kind) {
    case FINDING_KIND_ZH.missed_window:
      return `资源 ${resource} 在 ${row.windowStart} 至 ${row.windowEnd} 的更新周期内未更新`;
    case FINDING_KIND_ZH.late_request:
      return `申请 ${row.subject}（申请方 ${counterpart}，资源 ${resource}）期限 ${row.deadline}，${row.answeredAt === '未答复' ? '至今未答复' : `${row.answeredAt} 答复`}，逾期 ${row.workdaysLate} 个工作日`;
    case FINDING_KIND_ZH.late_objection:
      return `异议 ${row.subject}（提出方 ${counterpart}，资源 ${resource}）期限 ${row.deadline}，${row.answeredAt === '未答复' ? '至今未处理' : `${row.answeredAt} 处理`}，逾期 ${row.workdaysLate} 个工作日`;
    default:
      return `资源 ${resource} 完整率 ${row.completeness?.toFixed(2)}%（${row.completeRecords}/${row.records} 条记录字段齐全）`;
  }
}

/** Scores as text with two decimals; N/A dimensions say so. */
export function scoreText(value: number | null, none = '不适用'): string {
  return value === null ? none : value.toFixed(2);
}

export function rankChangeText(change: number | null): string {
  if (change === null) return '—';
  if (change > 0) return `↑${change}`;
  if (change < 0) return `↓${-change}`;
  return '持平';
}

/** One line of a department's points-lost breakdown: a part, the completeness remainder, or the total. */
export interface PointsLostRow {
  key: PointsLostPart | 'otherResources' | 'total';
  label: string;
  /** Null where the part is N/A. */
  points: number | null;
  basis: string;
}

const cents = (x: number): number => Math.round(x * 100);

/**
 * 100 − total split as scoring.md "Points lost" gives it, with what lies
 * behind each part: its findings, the interface counts, and for completeness
 * what the (at most five) listed resources leave unexplained.
 */
export function pointsLostRows(d: DepartmentScore, findings: readonly Finding[]): PointsLostRow[] {
  const pl = d.pointsLost;
  if (!pl) return [];
  const rows: PointsLostRow[] = [];
  const c = d.counts;
  for (const part of POINTS_LOST_PARTS) {
    const points = pl[part];
    const own = findings.filter((f) => FINDING_PART[f.kind] === part);
    const listed = own.reduce((sum, f) => sum + cents(f.pointsLost ?? 0), 0) / 100;
    let basis: string;
    if (points === null) basis = '不适用';
    else if (part === 'timeliness') basis = `未按时更新 ${own.length} 个窗口（应考核 ${c.windowsDue} 个）`;
    else if (part === 'completeness') basis = `列出资源 ${own.length} 个，扣 ${listed.toFixed(2)} 分`;
    else if (part === 'requests') basis = `逾期答复申请 ${own.length} 件（已办结 ${c.requestsSettled} 件）`;
    else if (part === 'objections') basis = `逾期处理异议 ${own.length} 件（已办结 ${c.objectionsSettled} 件）`;
    else basis = `接口调用成功 ${c.apiSuccess} 次、失败 ${c.apiFailure} 次`;
    rows.push({ key: part, label: POINTS_LOST_PART_ZH[part], points, basis });
    if (part === 'completeness' && points !== null) {
      const other = Math.max(0, cents(points) - cents(listed)) / 100;
      if (other > 0) rows.push({ key: 'otherResources', label: '　其中：其他资源', points: other, basis: '未列出的资源（问题清单至多列出五个资源）' });
    }
  }
  rows.push({ key: 'total', label: '合计', points: pl.total, basis: `100 − 总分 ${d.total?.toFixed(2) ?? '—'}` });
  return rows;
}
