import { Injectable } from '@nestjs/common';
import type { SchemePreview, SchemeVersion } from '@app/contracts';
import { describeScheme, schemeChangeAffectsScores, validateScheme, type DescribeLocale, type Scheme } from '@app/scoring';
import { AuditService } from '../audit/audit.service';
import { ChangeFeed } from '../changes/change-feed';
import { ScoringService } from '../scoring/scoring.service';
import { invalidInput, problemFromText } from '../../common/user-error';

export type SchemeParams = Omit<Scheme, 'version'>;

@Injectable()
export class SchemesService {
  constructor(
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
  ) {}

  list(): Promise<SchemeVersion[]> {
    return this.scoring.schemeVersions();
  }

  current(): Promise<Scheme> {
    return this.scoring.currentScheme();
  }

  /** The method in plain words, generated from the scheme in force, so the page never disagrees with the scores. */
  async method(locale: DescribeLocale) {
    return describeScheme(await this.scoring.currentScheme(), locale);
  }

  private async checked(params: SchemeParams): Promise<Scheme> {
    const current = await this.scoring.currentScheme();
    const draft: Scheme = { ...params, version: current.version + 1 };
    const issues = validateScheme(draft);
    if (issues.length > 0)
      throw invalidInput(
        issues.map((i) => `scheme.${i.field}: ${i.message}`).join('; '),
        issues.map((i) => problemFromText(`scheme.${i.field}`, i.message, 'scheme.')),
      );
    return draft;
  }

  /** A new scheme version: every unpublished period is rescored with it (unless only score-neutral params changed). */
  async create(params: SchemeParams, note: string | null, actor: string): Promise<SchemeVersion> {
    await this.checked(params);
    const before = await this.scoring.currentScheme();
    const version = await this.scoring.addScheme(params, note, actor);
    await this.audit.record(actor, 'scheme.create', `v${version}`, { note, params });
    // A change of the score-neutral params only (to-do, rectification) leaves every snapshot current.
    if (schemeChangeAffectsScores(before, params)) await this.changes.changed('scheme');
    return (await this.scoring.schemeVersions()).find((s) => s.version === version)!;
  }

  /** What-if: the period scored under a draft scheme beside the current record; nothing is stored. */
  async preview(params: SchemeParams, period: string): Promise<SchemePreview> {
    const draft = await this.checked(params);
    const now = Date.now();
    const current = await this.scoring.scores(period);
    const proposed = await this.scoring.compute(period, now, { scheme: draft });
    return { period: current.record.period, current: current.record, draft: proposed.record };
  }
}
