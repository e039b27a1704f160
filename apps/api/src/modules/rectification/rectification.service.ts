import { Inject, Injectable } from '@nestjs/common';
import type { CaseDecision, CasesQuery, CaseSubmission, CurrentUser, RectificationCase, RectificationCaseDetail } from '@app/contracts';
import { formatInstant, formatPeriod, parsePeriodOrThrow, rectificationDue } from '@app/scoring';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { MasterDataService } from '../master-data/master-data.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ScoresViewService } from '../scoring/scores-view.service';
import { ScoringService } from '../scoring/scoring.service';
import { RectificationRepository, type CaseRecord } from './rectification.repository';
import { conflict, forbidden, notFound } from '../../common/user-error';

/**
 * Rectification (整改, issue 15): a published month's notice list opens one
 * case per department on it; the department answers, an inspector accepts or
 * returns. The states and their transitions live here; every step is audited
 * and sent through the channels.
 */
@Injectable()
export class RectificationService {
  constructor(
    private readonly repo: RectificationRepository,
    private readonly scoring: ScoringService,
    private readonly view: ScoresViewService,
    private readonly masterData: MasterDataService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get timeZone(): string {
    return this.config.ASSESSMENT_TIME_ZONE;
  }

  toView(c: CaseRecord, now: number = Date.now()): RectificationCase {
    return {
      id: c.id,
      period: c.period,
      dept: c.dept,
      state: c.state,
      due: c.dueDay,
      dueAt: formatInstant(c.dueAt.getTime(), this.timeZone),
      overdue: c.state !== 'closed' && c.dueAt.getTime() <= now,
      openedAt: formatInstant(c.openedAt.getTime(), this.timeZone),
      cause: c.cause,
      measures: c.measures,
      concerned: c.concerned,
      submittedBy: c.submittedBy,
      submittedAt: c.submittedAt ? formatInstant(c.submittedAt.getTime(), this.timeZone) : null,
      inspectorComment: c.inspectorComment,
      decidedBy: c.decidedBy,
      closedAt: c.closedAt ? formatInstant(c.closedAt.getTime(), this.timeZone) : null,
    };
  }

  /**
   * After a month is published: a case for each department on its notice list
   * that has none for the month yet (re-publishing keeps the cases it opened).
   * Quarters and years open none of their own.
   */
  async openForPublication(periodText: string, actor: string): Promise<RectificationCase[]> {
    const period = parsePeriodOrThrow(periodText);
    if (period.kind !== 'month') return [];
    const name = formatPeriod(period);
    const scores = await this.scoring.scores(name);
    if (scores.origin !== 'published' || scores.computedAt === null) throw conflict('period.notPublished', { period: name });
    const publishedAt = new Date(scores.computedAt);
    const [scheme, calendar] = await Promise.all([this.scoring.currentScheme(), this.masterData.calendar()]);
    const due = rectificationDue(publishedAt.getTime(), scheme, { holidays: calendar.holidays, workdays: calendar.workdays }, this.timeZone);
    const opened: RectificationCase[] = [];
    for (const n of scores.record.noticed) {
      const c = await this.repo.open({ period: name, dept: n.dept, openedAt: publishedAt, dueDay: due.deadlineDay, dueAt: new Date(due.deadline), actor });
      if (!c) continue;
      const v = this.toView(c);
      await this.audit.record(actor, 'rectification.open', n.dept, { case: c.id, period: name, due: v.due });
      this.notifications.caseInBackground('opened', v, v.openedAt);
      opened.push(v);
    }
    return opened;
  }

  /** Leaders and inspectors read every case; a department user its own (another department's: 403, audited). */
  async list(user: CurrentUser, query: CasesQuery): Promise<RectificationCase[]> {
    // Another department's: 403 and audited for a department user; an unknown one: 404 for the others.
    if (query.dept !== undefined) await this.view.assertMayRead(user, query.dept, 'rectification cases');
    const dept = user.role === 'department' ? (user.dept ?? '') : query.dept;
    const period = query.period === undefined ? undefined : formatPeriod(parsePeriodOrThrow(query.period));
    const now = Date.now();
    return (await this.repo.list({ period, dept, state: query.state })).map((c) => this.toView(c, now));
  }

  /** For the CLI: every case, or a period's. */
  async all(period?: string): Promise<RectificationCase[]> {
    const name = period === undefined ? undefined : formatPeriod(parsePeriodOrThrow(period));
    const now = Date.now();
    return (await this.repo.list({ period: name })).map((c) => this.toView(c, now));
  }

  /** The cases opened by a period's notice list, for the next period's bulletin. */
  async forPeriod(period: string, now: number = Date.now()): Promise<RectificationCase[]> {
    return (await this.repo.list({ period })).map((c) => this.toView(c, now));
  }

  private async readable(user: CurrentUser, id: number): Promise<CaseRecord> {
    const c = await this.repo.find(id);
    if (!c) throw notFound('rectification.unknown', { id });
    if (user.role === 'department' && user.dept !== c.dept) await this.view.assertMayRead(user, c.dept, 'rectification cases');
    return c;
  }

  async get(user: CurrentUser, id: number): Promise<RectificationCaseDetail> {
    const c = await this.readable(user, id);
    return { ...this.toView(c), events: await this.repo.events(id) };
  }

  /** The department's cause and measures: from open or returned to submitted. */
  async submit(user: CurrentUser, id: number, body: CaseSubmission): Promise<RectificationCaseDetail> {
    const c = await this.readable(user, id);
    if (user.role !== 'department') throw forbidden('rectification.departmentOnly');
    const actor = `user:${user.username}`;
    const submitted = await this.repo.submit(id, {
      cause: body.cause,
      measures: body.measures,
      concerned: { resources: body.resources, requests: body.requests },
      actor,
    });
    if (!submitted) throw conflict('rectification.notSubmittable', { id, state: c.state });
    const v = this.toView(submitted);
    await this.audit.record(actor, 'rectification.submit', c.dept, { case: id, period: c.period, resources: body.resources, requests: body.requests });
    this.notifications.caseInBackground('submitted', v, v.submittedAt ?? new Date().toISOString());
    return { ...v, events: await this.repo.events(id) };
  }

  /** An inspector accepts a submitted case (closed) or returns it with a comment. */
  async decide(user: CurrentUser, id: number, body: CaseDecision): Promise<RectificationCaseDetail> {
    const actor = `user:${user.username}`;
    const accept = body.decision === 'accept';
    const decided = await this.repo.decide(id, { accept, comment: body.comment?.trim() ? body.comment.trim() : null, actor });
    if (!decided) {
      const existing = await this.repo.find(id);
      if (!existing) throw notFound('rectification.unknown', { id });
      throw conflict('rectification.notDecidable', { id, state: existing.state });
    }
    const v = this.toView(decided);
    await this.audit.record(actor, accept ? 'rectification.accept' : 'rectification.return', decided.dept, {
      case: id,
      period: decided.period,
      comment: v.inspectorComment,
    });
    if (!accept) this.notifications.caseInBackground('returned', v, new Date().toISOString());
    return { ...v, events: await this.repo.events(id) };
  }

  /** Cases that became overdue since the last run: each department told once (audited as the system). */
  async notifyOverdue(asOf: number = Date.now()): Promise<RectificationCase[]> {
    const cases = (await this.repo.claimOverdue(new Date(asOf))).map((c) => this.toView(c, asOf));
    for (const v of cases) {
      await this.audit.record('system', 'rectification.overdue', v.dept, { case: v.id, period: v.period, due: v.due });
      await this.notifications.sendCase('overdue', v, v.dueAt);
    }
    return cases;
  }
}
