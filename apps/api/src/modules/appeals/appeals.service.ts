import { Inject, Injectable } from '@nestjs/common';
import type { AppealView, CurrentUser } from '@app/contracts';
import { formatInstant, parseTimestamp, type AppealStatus, type AppealTarget, type Finding } from '@app/scoring';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { ChangeFeed } from '../changes/change-feed';
import { ScoringService } from '../scoring/scoring.service';
import { ScoresViewService } from '../scoring/scores-view.service';
import { AppealsRepository, type AppealRecord } from './appeals.repository';
import { conflict, notFound } from '../../common/user-error';

export interface FileAppealInput {
  dept: string;
  period: string;
  kind: AppealTarget['kind'];
  resource?: string;
  windowStart?: string;
  request?: string;
  objection?: string;
  reason: string;
}

/** The finding an appeal names, and what the method needs to apply it. */
function matchFinding(findings: Finding[], input: FileAppealInput, timeZone: string): { target: Record<string, unknown> } | null {
  for (const f of findings) {
    if (f.kind !== input.kind) continue;
    if (f.kind === 'missed_window' && f.resource === input.resource && input.windowStart) {
      const wanted = parseTimestamp(input.windowStart, timeZone);
      if (wanted !== null && parseTimestamp(f.windowStart, timeZone) === wanted) return { target: { resource: f.resource, windowStart: wanted } };
    }
    if (f.kind === 'late_request' && f.request === input.request) return { target: { request: f.request } };
    if (f.kind === 'late_objection' && f.objection === input.objection) return { target: { objection: f.objection } };
    if (f.kind === 'low_completeness' && f.resource === input.resource) return { target: { resource: f.resource, eventIds: f.eventIds } };
  }
  return null;
}

@Injectable()
export class AppealsService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly scoring: ScoringService,
    private readonly view: ScoresViewService,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the API shows of an appeal: its record, the window it names, and whether its period's publication holds it back. */
  private async views(records: AppealRecord[]): Promise<AppealView[]> {
    if (records.length === 0) return [];
    const publishedAt = new Map((await this.scoring.publishedPeriods()).map((p) => [p.period, Date.parse(p.publishedAt)]));
    const tz = this.config.ASSESSMENT_TIME_ZONE;
    // The frozen record holds what was accepted before it was published; a later acceptance waits for the re-opening.
    const waits = (a: AppealRecord): boolean => {
      const published = publishedAt.get(a.period);
      if (published === undefined || a.status === 'rejected') return false;
      return a.status === 'pending' || Date.parse(a.decidedAt!) > published;
    };
    return records.map((a) => ({
      ...a,
      windowStart: a.kind === 'missed_window' && typeof a.target.windowStart === 'number' ? formatInstant(a.target.windowStart, tz) : null,
      takesEffectOnReopen: waits(a),
    }));
  }

  /** A department user appeals one of its own department's current findings. */
  async file(user: CurrentUser, input: FileAppealInput): Promise<AppealView> {
    return (await this.views([await this.fileRecord(user, input)]))[0];
  }

  private async fileRecord(user: CurrentUser, input: FileAppealInput): Promise<AppealRecord> {
    // Another department's finding: 403 and audited, whether or not that department exists.
    if (user.dept !== input.dept) await this.view.assertMayRead(user, input.dept, 'appeals');
    const scores = await this.scoring.scores(input.period);
    const match = matchFinding(scores.findings[input.dept] ?? [], input, this.config.ASSESSMENT_TIME_ZONE);
    if (!match) throw notFound('appeal.noFinding', { kind: input.kind, dept: input.dept, period: input.period });
    const existing = await this.appeals.list({ dept: input.dept });
    if (existing.some((a) => a.kind === input.kind && a.status !== 'rejected' && JSON.stringify(a.target) === JSON.stringify(match.target))) {
      throw conflict('appeal.exists');
    }
    const appeal = await this.appeals.insert({
      dept: input.dept,
      period: input.period,
      kind: input.kind,
      target: match.target,
      reason: input.reason,
      filedBy: `user:${user.username}`,
    });
    await this.audit.record(`user:${user.username}`, 'appeal.file', input.dept, { appeal: appeal.id, kind: input.kind, period: input.period });
    await this.changes.changed('appeal');
    return appeal;
  }

  /** An inspector accepts or rejects a pending appeal; an accepted one becomes an input of the method. */
  async decide(id: number, status: 'accepted' | 'rejected', comment: string | null, actor: string): Promise<AppealView> {
    const decided = await this.appeals.decide(id, status, comment, actor);
    if (!decided) {
      const existing = await this.appeals.find(id);
      if (!existing) throw notFound('appeal.unknown', { id });
      throw conflict('appeal.decided', { id, status: existing.status });
    }
    await this.audit.record(actor, `appeal.${status}`, decided.dept, { appeal: id, comment });
    await this.changes.changed('appeal');
    return (await this.views([decided]))[0];
  }

  async list(user: CurrentUser, filter: { dept?: string; status?: AppealStatus; period?: string }): Promise<AppealView[]> {
    if (user.role === 'department') {
      if (filter.dept && filter.dept !== user.dept) await this.view.assertMayRead(user, filter.dept, 'appeals');
      return this.views(await this.appeals.list({ ...filter, dept: user.dept! }));
    }
    if (filter.dept && !(await this.view.departmentExists(filter.dept))) throw notFound('dept.unknown', { dept: filter.dept });
    return this.views(await this.appeals.list(filter));
  }

  async any(): Promise<boolean> {
    return (await this.appeals.list({})).length > 0;
  }
}
