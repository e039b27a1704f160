import { Inject, Injectable } from '@nestjs/common';
import {
  computeScores,
  formatPeriod,
  isPeriodAssessed,
  isPeriodEnded,
  localDate,
  parsePeriodOrThrow,
  periodBounds,
  previousPeriod,
  requestsSettledInPeriod,
  startOfLocalDate,
  todoUpdateRange,
  updateFetchRanges,
  type Frequency,
  type InstantRange,
  type Period,
  type RequestFact,
  type Scheme,
  type ScoringInput,
  type SettledRequest,
  type ScoringResult,
  type TodoInput,
} from '@app/scoring';
import type { SchemeVersion, UserMessage } from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { ChangeFeed } from '../changes/change-feed';
import { MasterDataService } from '../master-data/master-data.service';
import { ScoringRepository, type ApiWindow } from './scoring.repository';
import { SnapshotsRepository, type StoredScores } from './snapshots.repository';
import { conflict, notFound } from '../../common/user-error';

const TODO_FREQUENCIES: readonly Frequency[] = ['weekly', 'monthly', 'quarterly', 'yearly'];

type SharedInputs = Pick<ScoringInput, 'departments' | 'resources' | 'calendar' | 'appeals'>;

export interface ScoresWithOrigin extends StoredScores {
  origin: 'published' | 'snapshot' | 'computed';
  computedAt: string | null;
}

/**
 * Gathers the facts for a period from the database, lets libs/scoring compute
 * the record, and keeps snapshots and publications. No rule of the method
 * lives here.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly facts: ScoringRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly masterData: MasterDataService,
    private readonly changes: ChangeFeed,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get timeZone(): string {
    return this.config.ASSESSMENT_TIME_ZONE;
  }

  /** Scheme versions live with the scores they parameterise; the schemes module validates and audits them. */
  schemeVersions(): Promise<SchemeVersion[]> {
    return this.facts.schemeVersions();
  }

  currentScheme(): Promise<Scheme> {
    return this.facts.currentScheme();
  }

  addScheme(params: Omit<Scheme, 'version'>, note: string | null, actor: string): Promise<number> {
    return this.facts.addScheme(params, note, actor);
  }

  /** The request facts the engine scores, for views that apply the same request rule (the network). */
  requestFacts(periodStart: number, asOf: number): Promise<RequestFact[]> {
    return this.facts.requests(periodStart, asOf);
  }

  /** The requests the response dimension settles in a period as of an instant, with their requesters (the network's on-time rate). */
  async settledRequests(periodText: string, asOf: number): Promise<SettledRequest[]> {
    const period = parsePeriodOrThrow(periodText);
    const bounds = periodBounds(period, this.timeZone);
    const [scheme, calendar, appeals, requests] = await Promise.all([
      this.facts.currentScheme(),
      this.masterData.calendar(),
      this.facts.appeals(),
      this.facts.requests(bounds.start, asOf),
    ]);
    return requestsSettledInPeriod({
      period: formatPeriod(period),
      asOf,
      timeZone: this.timeZone,
      scheme,
      calendar: { holidays: calendar.holidays, workdays: calendar.workdays },
      requests,
      appeals,
    });
  }

  /**
   * The facts the to-do (computeTodo) reads as of an instant: every request
   * and objection still unanswered then, whenever submitted; the updates of
   * the windows open then; the shared inputs and the current scheme.
   */
  async todoInput(asOf: number): Promise<TodoInput> {
    const scheme = await this.facts.currentScheme();
    const shared = await this.sharedInputs();
    const { from, to } = todoUpdateRange(asOf, scheme, this.timeZone);
    // The repository's ranges end before `to`; the to-do counts an update at the as-of instant itself.
    const range: InstantRange = { from, to: to + 1 };
    const ranges = Object.fromEntries(TODO_FREQUENCIES.map((f) => [f, range])) as Record<Frequency, InstantRange>;
    const [updates, requests, objections] = [
      await this.facts.updates(ranges, asOf),
      await this.facts.requests(asOf, asOf),
      await this.facts.objections(asOf, asOf),
    ];
    return { asOf, timeZone: this.timeZone, scheme, ...shared, updates, requests, objections };
  }

  /** Computes a period's scores as of an instant without storing them. */
  async compute(periodText: string, asOf: number, opts: { scheme?: Scheme } = {}): Promise<ScoringResult> {
    const period = parsePeriodOrThrow(periodText);
    const scheme = opts.scheme ?? (await this.facts.currentScheme());
    const shared = await this.sharedInputs();
    const previous = formatPeriod(previousPeriod(period));
    const published = await this.snapshots.publication(previous);
    // Rank change: the previous period's published ranks, else its ranks computed as of the same instant;
    // none when it is neither published nor assessed (the engine gives no rank change then).
    let previousRanks: Record<string, number | null> | null = null;
    if (published || isPeriodAssessed(previousPeriod(period), scheme, this.timeZone)) {
      const previousRecord = published ? published.record : (await this.computeWith(previousPeriod(period), asOf, scheme, shared, null, false)).record;
      previousRanks = Object.fromEntries(previousRecord.departments.map((d) => [d.dept, d.rank]));
    }
    return this.computeWith(period, asOf, scheme, shared, previousRanks, published !== null);
  }

  /**
   * Null when the period can be asked for: published, or assessed under the
   * current scheme; else why not (scoring.md "Time", assessment start).
   */
  async notAssessedReason(periodText: string, scheme?: Scheme): Promise<UserMessage | null> {
    const period = parsePeriodOrThrow(periodText);
    const s = scheme ?? (await this.facts.currentScheme());
    if (isPeriodAssessed(period, s, this.timeZone)) return null;
    if (await this.snapshots.publication(formatPeriod(period))) return null;
    return { code: 'period.beforeStart', params: { period: formatPeriod(period), start: s.assessmentStart ?? '' } };
  }

  async isAssessed(periodText: string): Promise<boolean> {
    return (await this.notAssessedReason(periodText)) === null;
  }

  /** 404 with the reason for a period before the assessment start that was never published. */
  async assertAssessed(periodText: string): Promise<void> {
    const reason = await this.notAssessedReason(periodText);
    if (reason !== null) throw notFound(reason.code, reason.params);
  }

  /** Inputs that do not depend on the period: loaded once for a period and its previous one. */
  private async sharedInputs(): Promise<SharedInputs> {
    const [departments, resources, calendar, appeals] = await Promise.all([
      this.masterData.departments(),
      this.masterData.resources(),
      this.masterData.calendar(),
      this.facts.appeals(),
    ]);
    return { departments, resources, calendar: { holidays: calendar.holidays, workdays: calendar.workdays }, appeals };
  }

  private async computeWith(
    period: Period,
    asOf: number,
    scheme: Scheme,
    shared: SharedInputs,
    previousRanks: Record<string, number | null> | null,
    previousPublished: boolean,
  ): Promise<ScoringResult> {
    const bounds = periodBounds(period, this.timeZone);
    const updates = await this.facts.updates(updateFetchRanges(period, scheme, this.timeZone), asOf);
    const requests = await this.facts.requests(bounds.start, asOf);
    const objections = await this.facts.objections(bounds.start, asOf);
    const api = await this.facts.api(this.apiWindow(bounds, asOf));
    return computeScores({
      period: formatPeriod(period),
      asOf,
      timeZone: this.timeZone,
      scheme,
      ...shared,
      updates,
      requests,
      objections,
      api,
      previousRanks,
      previousPublished,
    });
  }

  /** Whole local days from the rollups; the as-of instant's own day from raw calls. */
  private apiWindow(bounds: { start: number; end: number }, asOf: number): ApiWindow {
    const firstDay = localDate(bounds.start, this.timeZone);
    const endDay = localDate(bounds.end, this.timeZone);
    if (asOf >= bounds.end) return { fromDay: firstDay, toDay: endDay, raw: null };
    if (asOf < bounds.start) return { fromDay: firstDay, toDay: firstDay, raw: null };
    const asOfDay = localDate(asOf, this.timeZone);
    return { fromDay: firstDay, toDay: asOfDay, raw: { from: startOfLocalDate(asOfDay, this.timeZone), to: asOf } };
  }

  /**
   * A period's scores as scoring.md's "Stored scores" says: with asOf,
   * computed and never stored; else the published record, else the latest
   * snapshot, computed and stored first when missing or stale.
   */
  async scores(periodText: string, asOf?: number, opts: { allowStale?: boolean } = {}): Promise<ScoresWithOrigin> {
    const period = formatPeriod(parsePeriodOrThrow(periodText));
    await this.assertAssessed(period);
    if (asOf !== undefined) return { ...(await this.compute(period, asOf)), origin: 'computed', computedAt: null };
    const published = await this.snapshots.publication(period);
    if (published) return { ...published, origin: 'published', computedAt: published.publishedAt };
    const snapshot = await this.snapshots.snapshot(period);
    if (snapshot && (!snapshot.stale || opts.allowStale)) return { ...snapshot, origin: 'snapshot', computedAt: snapshot.computedAt };
    return this.recompute(period);
  }

  /**
   * For views over many periods (trends, the overview's heatmap): a stale
   * snapshot is shown as it is while the background job (within a minute)
   * brings it up to date, so one change does not make such a view recompute
   * every period in the request.
   */
  historyScores(periodText: string): Promise<ScoresWithOrigin> {
    return this.scores(periodText, undefined, { allowStale: true });
  }

  /** As historyScores, but null for a period that is not assessed (a gap in a trend, not an error). */
  async historyScoresIfAssessed(periodText: string): Promise<ScoresWithOrigin | null> {
    return (await this.isAssessed(periodText)) ? this.historyScores(periodText) : null;
  }

  /** As scores, but null for a period that is not assessed. */
  async scoresIfAssessed(periodText: string, asOf?: number): Promise<ScoresWithOrigin | null> {
    return (await this.isAssessed(periodText)) ? this.scores(periodText, asOf) : null;
  }

  /** The stored record as JSON text when it is current (published or a fresh snapshot), else computed and stored. */
  async recordJson(periodText: string): Promise<string> {
    const period = formatPeriod(parsePeriodOrThrow(periodText));
    // No current snapshot of an unassessed period exists (a scheme change makes them all stale and they are
    // never recomputed), so the hot path needs no scheme lookup; recompute refuses the period.
    return (await this.snapshots.storedRecordText(period)) ?? JSON.stringify((await this.recompute(period)).record);
  }

  /** Computes a period as of now and stores it as its snapshot. */
  async recompute(periodText: string): Promise<ScoresWithOrigin> {
    const period = parsePeriodOrThrow(periodText);
    await this.assertAssessed(formatPeriod(period));
    // Read the basis first: a change that lands while computing leaves the snapshot stale.
    const basis = await this.facts.latestInvalidation();
    const asOf = Date.now();
    const result = await this.compute(formatPeriod(period), asOf);
    await this.snapshots.saveSnapshot(formatPeriod(period), periodBounds(period, this.timeZone).end, result, asOf, basis);
    return { ...result, origin: 'snapshot', computedAt: new Date().toISOString() };
  }

  async recomputeStale(provisionalOlderThanMs: number): Promise<string[]> {
    const candidates = await this.snapshots.periodsToRecompute(new Date(Date.now() - provisionalOlderThanMs));
    // A snapshot of a period the scheme no longer assesses is never served, so it is not recomputed either.
    const periods: string[] = [];
    for (const period of candidates) if (await this.isAssessed(period)) periods.push(period);
    for (const period of periods) await this.recompute(period);
    return periods;
  }

  async publish(periodText: string, actor: string): Promise<StoredScores> {
    const period = parsePeriodOrThrow(periodText);
    const name = formatPeriod(period);
    if (await this.snapshots.publication(name)) throw conflict('period.published', { period: name });
    const scheme = await this.facts.currentScheme();
    const reason = await this.notAssessedReason(name, scheme);
    if (reason !== null) throw notFound(reason.code, reason.params);
    const now = Date.now();
    if (!isPeriodEnded(period, now, this.timeZone, scheme.updateGraceHours)) {
      throw conflict('period.notEnded', { period: name });
    }
    const result = await this.compute(name, now, { scheme });
    await this.snapshots.publish(name, result, actor);
    await this.audit.record(actor, 'period.publish', name, { schemeVersion: result.record.schemeVersion, asOf: result.record.asOf });
    await this.changes.changed('publication', new Date(periodBounds(period, this.timeZone).end - 1));
    return result;
  }

  async reopen(periodText: string, reason: string, actor: string): Promise<{ period: string; reopened: true }> {
    const period = parsePeriodOrThrow(periodText);
    const name = formatPeriod(period);
    if (!(await this.snapshots.reopen(name, actor, reason))) throw notFound('period.notPublished', { period: name });
    await this.audit.record(actor, 'period.reopen', name, { reason });
    await this.changes.changed('publication', new Date(periodBounds(period, this.timeZone).start));
    return { period: name, reopened: true };
  }

  publishedPeriods() {
    return this.snapshots.publishedPeriods();
  }
}
