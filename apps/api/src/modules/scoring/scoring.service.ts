import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  computeScores,
  formatPeriod,
  isPeriodEnded,
  localDate,
  parsePeriodOrThrow,
  periodBounds,
  previousPeriod,
  startOfLocalDate,
  todoUpdateRange,
  updateFetchRanges,
  type Frequency,
  type InstantRange,
  type Period,
  type RequestFact,
  type Scheme,
  type ScoringInput,
  type ScoringResult,
  type TodoInput,
} from '@app/scoring';
import type { SchemeVersion } from '@app/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { ChangeFeed } from '../changes/change-feed';
import { MasterDataService } from '../master-data/master-data.service';
import { ScoringRepository, type ApiWindow } from './scoring.repository';
import { SnapshotsRepository, type StoredScores } from './snapshots.repository';

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
    const [updates, requests, objections] = [await this.facts.updates(ranges, asOf), await this.facts.requests(asOf, asOf), await this.facts.objections(asOf, asOf)];
    return { asOf, timeZone: this.timeZone, scheme, ...shared, updates, requests, objections };
  }

  /** Computes a period's scores as of an instant without storing them. */
  async compute(periodText: string, asOf: number, opts: { scheme?: Scheme } = {}): Promise<ScoringResult> {
    const period = parsePeriodOrThrow(periodText);
    const scheme = opts.scheme ?? (await this.facts.currentScheme());
    const shared = await this.sharedInputs();
    const previous = formatPeriod(previousPeriod(period));
    const published = await this.snapshots.publication(previous);
    // Rank change: the previous period's published ranks, else its ranks computed as of the same instant.
    const previousRecord = published ? published.record : (await this.computeWith(previousPeriod(period), asOf, scheme, shared, null)).record;
    const previousRanks = Object.fromEntries(previousRecord.departments.map((d) => [d.dept, d.rank]));
    return this.computeWith(period, asOf, scheme, shared, previousRanks);
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

  /** The stored record as JSON text when it is current (published or a fresh snapshot), else computed and stored. */
  async recordJson(periodText: string): Promise<string> {
    const period = formatPeriod(parsePeriodOrThrow(periodText));
    return (await this.snapshots.storedRecordText(period)) ?? JSON.stringify((await this.recompute(period)).record);
  }

  /** Computes a period as of now and stores it as its snapshot. */
  async recompute(periodText: string): Promise<ScoresWithOrigin> {
    const period = parsePeriodOrThrow(periodText);
    // Read the basis first: a change that lands while computing leaves the snapshot stale.
    const basis = await this.facts.latestInvalidation();
    const asOf = Date.now();
    const result = await this.compute(formatPeriod(period), asOf);
    await this.snapshots.saveSnapshot(formatPeriod(period), periodBounds(period, this.timeZone).end, result, asOf, basis);
    return { ...result, origin: 'snapshot', computedAt: new Date().toISOString() };
  }

  async recomputeStale(provisionalOlderThanMs: number): Promise<string[]> {
    const periods = await this.snapshots.periodsToRecompute(new Date(Date.now() - provisionalOlderThanMs));
    for (const period of periods) await this.recompute(period);
    return periods;
  }

  async publish(periodText: string, actor: string): Promise<StoredScores> {
    const period = parsePeriodOrThrow(periodText);
    const name = formatPeriod(period);
    if (await this.snapshots.publication(name)) throw new ConflictException(`period ${name} is already published`);
    const scheme = await this.facts.currentScheme();
    const now = Date.now();
    if (!isPeriodEnded(period, now, this.timeZone, scheme.updateGraceHours)) {
      throw new ConflictException(`period ${name} has not ended (with the update grace); a provisional period cannot be published`);
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
    if (!(await this.snapshots.reopen(name, actor, reason))) throw new NotFoundException(`period ${name} is not published`);
    await this.audit.record(actor, 'period.reopen', name, { reason });
    await this.changes.changed('publication', new Date(periodBounds(period, this.timeZone).start));
    return { period: name, reopened: true };
  }

  publishedPeriods() {
    return this.snapshots.publishedPeriods();
  }
}
