import { Inject, Injectable } from '@nestjs/common';
import type { CurrentUser, DepartmentSummary, NetworkResponse, OverviewResponse, PeriodStatus, TrendsResponse } from '@app/contracts';
import {
  cityAverages,
  comparePeriods,
  formatPeriod,
  gradeDistribution,
  localDate,
  parsePeriodOrThrow,
  periodBounds,
  periodsBetween,
  previousPeriod,
  rankMovers,
  requestOutcome,
  subPeriods,
  type Period,
  type ScoreRecord,
} from '@app/scoring';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MasterDataService } from '../master-data/master-data.service';
import { ScoringService } from '../scoring/scoring.service';
import { ScoresViewService } from '../scoring/scores-view.service';
import { InsightsRepository } from './insights.repository';
import { badRequest } from '../../common/user-error';

const MAX_TREND_PERIODS = 60;
/** A department is isolated when its exchanges are below this share of the median department's. */
const ISOLATION_SHARE = 0.05;
const NO_AVERAGES = cityAverages({ departments: [] });

@Injectable()
export class InsightsService {
  constructor(
    private readonly scoring: ScoringService,
    private readonly view: ScoresViewService,
    private readonly masterData: MasterDataService,
    private readonly insights: InsightsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async periodStatus(period: string): Promise<PeriodStatus> {
    const name = formatPeriod(parsePeriodOrThrow(period));
    const scores = await this.scoring.scores(name);
    const publication = scores.origin === 'published' ? (await this.scoring.publishedPeriods()).find((p) => p.period === name) : undefined;
    return {
      period: name,
      origin: scores.origin === 'published' ? 'published' : 'snapshot',
      provisional: scores.record.provisional,
      schemeVersion: scores.record.schemeVersion,
      computedAt: scores.computedAt,
      publishedAt: publication?.publishedAt ?? null,
      publishedBy: publication?.publishedBy ?? null,
    };
  }

  async overview(period: string): Promise<OverviewResponse> {
    const p = parsePeriodOrThrow(period);
    const name = formatPeriod(p);
    const current = await this.scoring.scores(name);
    const previous = await this.scoring.scoresIfAssessed(formatPeriod(previousPeriod(p)));
    const record = current.record;
    const names = new Map(record.departments.map((d) => [d.dept, d.name]));
    const average = cityAverages(record).total;
    const previousAverage = previous ? cityAverages(previous.record).total : null;
    const lastMonth = subPeriods(p, 'month').at(-1)!;
    const months = periodsBetween(previousMonths(lastMonth, 11), lastMonth).map(formatPeriod);
    // A month before the assessment start is a gap, not a row of zeros.
    const monthRecords: (ScoreRecord | null)[] = [];
    for (const m of months) monthRecords.push((await this.scoring.historyScoresIfAssessed(m))?.record ?? null);
    return {
      period: name,
      provisional: record.provisional,
      published: current.origin === 'published',
      cityAverage: average,
      cityAverageChange: average !== null && previousAverage !== null ? Math.round((average - previousAverage) * 100) / 100 : null,
      departmentsAssessed: record.departments.filter((d) => d.rank !== null).length,
      overdueOpenRequests: record.departments.reduce((sum, d) => sum + (d.counts?.requestsOverdueOpen ?? 0), 0),
      gradeDistribution: gradeDistribution(record),
      commended: record.commended.map((dept) => ({
        dept,
        name: names.get(dept) ?? dept,
        total: record.departments.find((d) => d.dept === dept)?.total ?? null,
      })),
      noticed: record.noticed.map((n) => ({ ...n, name: names.get(n.dept) ?? n.dept })),
      climbers: rankMovers(record, 'up', 5).map((d) => ({ dept: d.dept, name: d.name, rankChange: d.rankChange!, rank: d.rank })),
      fallers: rankMovers(record, 'down', 5).map((d) => ({ dept: d.dept, name: d.name, rankChange: d.rankChange!, rank: d.rank })),
      heatmap: {
        months,
        departments: record.departments.map((d) => ({
          dept: d.dept,
          name: d.name,
          totals: monthRecords.map((r) => r?.departments.find((x) => x.dept === d.dept)?.total ?? null),
        })),
      },
    };
  }

  /**
   * Totals and dimensions across periods for the city and the departments.
   * A department user sees the city and its own department only.
   */
  async trends(user: CurrentUser, kind: 'month' | 'quarter' | 'year', from: string, to: string, dept?: string): Promise<TrendsResponse> {
    const first = parsePeriodOrThrow(from);
    const last = parsePeriodOrThrow(to);
    if (first.kind !== kind || last.kind !== kind) throw badRequest('trend.kinds', { kind });
    if (comparePeriods(first, last) > 0) throw badRequest('trend.order');
    const periods = periodsBetween(first, last);
    if (periods.length > MAX_TREND_PERIODS) throw badRequest('trend.tooMany', { max: MAX_TREND_PERIODS });
    if (dept) await this.view.assertMayRead(user, dept, 'trends');
    const only = dept ?? (user.role === 'department' ? user.dept! : undefined);
    const records: (ScoreRecord | null)[] = [];
    for (const p of periods) records.push((await this.scoring.historyScoresIfAssessed(formatPeriod(p)))?.record ?? null);
    const departments = (await this.masterData.departments()).filter((d) => (only ? d.code === only : true));
    return {
      kind,
      periods: periods.map(formatPeriod),
      city: records.map((r) => (r ? cityAverages(r) : NO_AVERAGES)),
      departments: departments.map((d) => ({
        dept: d.code,
        name: d.name,
        values: records.map((r) => {
          const s = r?.departments.find((x) => x.dept === d.code);
          return {
            total: s?.total ?? null,
            timeliness: s?.timeliness ?? null,
            completeness: s?.completeness ?? null,
            response: s?.response ?? null,
            rank: s?.rank ?? null,
            grade: s?.grade ?? null,
          };
        }),
      })),
    };
  }

  async departmentSummary(user: CurrentUser, code: string, period: string): Promise<DepartmentSummary> {
    await this.view.assertMayRead(user, code, 'detail');
    const departments = await this.masterData.departments();
    const department = departments.find((d) => d.code === code)!;
    const scores = await this.scoring.scores(period);
    return {
      department: { code: department.code, name: department.name, nameEn: department.nameEn, category: department.category, active: department.active },
      period: scores.record.period,
      provisional: scores.record.provisional,
      score: scores.record.departments.find((d) => d.dept === code) ?? null,
      extras: scores.extras[code] ?? null,
      cityAverage: cityAverages(scores.record),
    };
  }

  async events(user: CurrentUser, code: string, ids: string[]) {
    await this.view.assertMayRead(user, code, 'events');
    return this.insights.eventsOf(code, ids);
  }

  /**
   * Who requests from whom in a period, how many, answered on time or not; isolated departments marked.
   * Volumes count the requests submitted in the period; on-time rates count the requests the response
   * dimension settles in it (libs/scoring), so they agree with the scores.
   */
  async network(period: string): Promise<NetworkResponse> {
    const p = parsePeriodOrThrow(period);
    const tz = this.config.ASSESSMENT_TIME_ZONE;
    const bounds = periodBounds(p, tz);
    const asOf = Date.now();
    const [departments, calendar, scheme, requests, settledRequests] = await Promise.all([
      this.masterData.departments(),
      this.masterData.calendar(),
      this.scoring.currentScheme(),
      this.scoring.requestFacts(bounds.start, Math.max(bounds.start, asOf)),
      this.scoring.settledRequests(formatPeriod(p), asOf),
    ]);
    const calls = await this.insights.callsBetween(localDate(bounds.start, tz), localDate(bounds.end, tz));
    const active = departments.filter((d) => d.active);
    const nodes = new Map(
      active.map((d) => [
        d.code,
        { dept: d.code, name: d.name, category: d.category, requestsReceived: 0, requestsMade: 0, callsServed: 0, callsMade: 0, onTime: 0, settled: 0 },
      ]),
    );
    const edges = new Map<string, NetworkResponse['edges'][number]>();
    const edge = (from: string, to: string) => {
      const key = `${from}->${to}`;
      let e = edges.get(key);
      if (!e) {
        e = { from, to, requests: 0, onTime: 0, late: 0, pending: 0, onTimeRate: null, calls: 0 };
        edges.set(key, e);
      }
      return e;
    };
    const summary = { requestsSubmitted: 0, requestsSettled: 0, requestsOnTime: 0, onTimeRate: null as number | null };
    for (const r of requests) {
      if (r.submittedAt < bounds.start || r.submittedAt >= bounds.end || !nodes.has(r.dept) || !nodes.has(r.requester)) continue;
      const e = edge(r.requester, r.dept);
      e.requests++;
      if (requestOutcome(r, asOf, scheme.requestSlaWorkdays, calendar, tz) === 'pending') e.pending++;
      nodes.get(r.dept)!.requestsReceived++;
      nodes.get(r.requester)!.requestsMade++;
      summary.requestsSubmitted++;
    }
    for (const s of settledRequests) {
      const provider = nodes.get(s.dept);
      // Every settled request of an active provider counts, as in its score, whoever asked.
      if (!provider) continue;
      provider.settled++;
      summary.requestsSettled++;
      if (s.onTime) {
        provider.onTime++;
        summary.requestsOnTime++;
      }
      if (!nodes.has(s.requester)) continue;
      const e = edge(s.requester, s.dept);
      if (s.onTime) e.onTime++;
      else e.late++;
    }
    for (const c of calls) {
      if (c.consumer === c.provider || !nodes.has(c.consumer) || !nodes.has(c.provider)) continue;
      edge(c.consumer, c.provider).calls += c.calls;
      nodes.get(c.provider)!.callsServed += c.calls;
      nodes.get(c.consumer)!.callsMade += c.calls;
    }
    const exchanges = [...nodes.values()].map((n) => n.requestsReceived + n.requestsMade + n.callsServed + n.callsMade);
    const sorted = [...exchanges].sort((a, b) => a - b);
    const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
    return {
      period: formatPeriod(p),
      summary: { ...summary, onTimeRate: rate(summary.requestsOnTime, summary.requestsSettled) },
      nodes: [...nodes.values()].map((n, i) => ({
        dept: n.dept,
        name: n.name,
        category: n.category,
        requestsReceived: n.requestsReceived,
        requestsMade: n.requestsMade,
        callsServed: n.callsServed,
        callsMade: n.callsMade,
        requestsSettled: n.settled,
        onTimeRate: rate(n.onTime, n.settled),
        isolated: exchanges[i] === 0 || exchanges[i] < median * ISOLATION_SHARE,
      })),
      edges: [...edges.values()].map((e) => ({ ...e, onTimeRate: rate(e.onTime, e.onTime + e.late) })),
    };
  }
}

/** A share in percent with two decimals; null without a denominator. */
function rate(part: number, whole: number): number | null {
  return whole ? Math.round((10000 * part) / whole) / 100 : null;
}

function previousMonths(month: Period, count: number): Period {
  let p = month;
  for (let i = 0; i < count; i++) p = previousPeriod(p);
  return p;
}
