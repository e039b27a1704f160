import { Inject, Injectable } from '@nestjs/common';
import type { CurrentUser } from '@app/contracts';
import { parseTimestamp, type DepartmentFindings, type ScoreRecord } from '@app/scoring';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { MasterDataService } from '../master-data/master-data.service';
import { ScoringService } from './scoring.service';
import { badRequest, forbidden, notFound } from '../../common/user-error';

/** What each role may see of the scores (access.md), on top of ScoringService. */
@Injectable()
export class ScoresViewService {
  constructor(
    private readonly scoring: ScoringService,
    private readonly masterData: MasterDataService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  parseAsOf(asOf: string | undefined): number | undefined {
    if (asOf === undefined) return undefined;
    const ms = parseTimestamp(asOf, this.config.ASSESSMENT_TIME_ZONE);
    if (ms === null) throw badRequest('asOf.invalid', { asOf });
    return ms;
  }

  /** The score record as JSON text; the stored text is passed through untouched when nothing needs redacting. */
  async recordJson(user: CurrentUser, period: string, asOf?: string): Promise<string> {
    const instant = this.parseAsOf(asOf);
    if (instant === undefined && user.role !== 'department') return this.scoring.recordJson(period);
    const { record } = await this.scoring.scores(period, instant);
    return JSON.stringify(user.role === 'department' ? redactFor(record, user.dept!) : record);
  }

  /**
   * A department's findings. A department user asking for another department
   * gets 403 whether or not it exists, and the attempt is audited; for the
   * other roles an unknown department is 404.
   */
  async findings(user: CurrentUser, dept: string, period: string, asOf?: string) {
    await this.assertMayRead(user, dept, 'findings');
    return this.findingsDocument(dept, period, this.parseAsOf(asOf));
  }

  /** The findings document of scoring.md, as a non-department caller gets it (the CLI's `findings`). */
  async findingsDocument(dept: string, period: string, asOf?: number): Promise<DepartmentFindings> {
    if (!(await this.masterData.departmentExists(dept))) throw notFound('dept.unknown', { dept });
    const scores = await this.scoring.scores(period, asOf);
    return { dept, period: scores.record.period, asOf: scores.record.asOf, findings: scores.findings[dept] ?? [] };
  }

  departmentExists(dept: string): Promise<boolean> {
    return this.masterData.departmentExists(dept);
  }

  async assertMayRead(user: CurrentUser, dept: string, what: string): Promise<void> {
    if (user.role === 'department' && user.dept !== dept) {
      await this.audit.record(`user:${user.username}`, 'access.denied', dept, { what, ownDept: user.dept });
      throw forbidden('dept.notOwn', { what });
    }
    if (!(await this.masterData.departmentExists(dept))) throw notFound('dept.unknown', { dept });
  }
}

/** Other departments keep only what the public ranking shows (a notice keeps who and the grade, not their counts). */
export function redactFor(record: ScoreRecord, ownDept: string): ScoreRecord {
  return {
    ...record,
    departments: record.departments.map((d) =>
      d.dept === ownDept
        ? d
        : ({ dept: d.dept, name: d.name, total: d.total, rank: d.rank, rankChange: d.rankChange, grade: d.grade } as ScoreRecord['departments'][number]),
    ),
    noticed: record.noticed.map((n) => (n.dept === ownDept ? n : ({ dept: n.dept, grade: n.grade } as ScoreRecord['noticed'][number]))),
  };
}
