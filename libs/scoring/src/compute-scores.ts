import type { DepartmentExtras, DepartmentFindings, Finding, Scheme, ScoringInput, ScoringResult } from './types';
import { periodBounds, periodDays, parsePeriodOrThrow, previousPeriod } from './period';
import { assessmentStartInstant, factsFromAssessmentStart, isPeriodAssessed } from './assessment-start';
import { assertValidScheme, graceMs } from './scheme';
import { WorkingDays } from './working-days';
import { ZoneDays } from './zone-days';
import { indexAppeals } from './appeal-index';
import { hasOwn, initialStates, setOwn, type EngineContext } from './engine-state';
import { assessTimeliness } from './timeliness';
import { assessCompleteness } from './completeness';
import { assessCases, assessInterfaces, objectionCase, requestCase } from './response';
import { commendationAndNotice, exactWeights, extrasOf, rankDepartments, scoreDepartment } from './ranking';
import { buildFindings } from './findings';
import { findingCosts } from './points-lost';

export { gradeOf } from './ranking';

/**
 * Scores, ranks, grades, lists and findings of one period as of one instant:
 * the whole scoring method (scoring.md). Pure: everything it needs is in the
 * input, which may hold more facts than the period needs.
 */
export function computeScores(input: ScoringInput): ScoringResult {
  const period = parsePeriodOrThrow(input.period);
  assertValidScheme(input.scheme);
  const { scheme, asOf, timeZone } = input;
  const ctx = createEngineContext(input);
  const { end, grace } = ctx;
  const assessmentStart = assessmentStartInstant(scheme, timeZone);
  const { updates, requests, objections } = factsFromAssessmentStart(input, assessmentStart);

  const depts = initialStates(input.departments);
  assessTimeliness(ctx, depts, input.resources, updates);
  assessCompleteness(ctx, depts, updates);
  assessCases(ctx, depts, requests.map(requestCase), scheme.requestSlaWorkdays, 'request');
  assessCases(ctx, depts, objections.map(objectionCase), scheme.objectionSlaWorkdays, 'objection');
  assessInterfaces(depts, input.api);

  const weights = exactWeights(scheme);
  const ordered = rankDepartments(
    [...depts.values()].map((st) => scoreDepartment(st, weights)),
    scheme,
    input.previousPublished || isPeriodAssessed(previousPeriod(period), scheme, timeZone) ? input.previousRanks : null,
  );
  const { commended, noticed } = commendationAndNotice(ordered, scheme);

  const format = (ms: number): string => ctx.zone.format(ms);
  const findings: Record<string, Finding[]> = {};
  const extras: Record<string, DepartmentExtras> = {};
  for (const { st, exact } of ordered) {
    setOwn(findings, st.info.code, buildFindings(st, updates, ctx.appeals, format, findingCosts(st.counts, exact, weights)));
    setOwn(extras, st.info.code, extrasOf(st));
  }

  return {
    record: {
      period: input.period,
      asOf: format(asOf),
      provisional: asOf < end + grace,
      schemeVersion: scheme.version,
      departments: ordered.map((s) => s.score),
      commended,
      noticed,
    },
    findings,
    extras,
  };
}

/** The period, the instant, the calendar and the appeals every rule of one computation reads. */
export function createEngineContext(
  input: Pick<ScoringInput, 'period' | 'asOf' | 'timeZone' | 'calendar' | 'appeals'> & { scheme: Pick<Scheme, 'assessmentStart' | 'updateGraceHours'> },
): EngineContext {
  const period = parsePeriodOrThrow(input.period);
  const { asOf, timeZone } = input;
  if (!Number.isFinite(asOf)) throw new Error('asOf must be an instant (epoch ms)');
  const { start, end } = periodBounds(period, timeZone);
  const { startDay, endDay } = periodDays(period);
  return {
    start,
    end,
    startDay,
    endDay,
    asOf,
    cut: Math.min(end, asOf),
    grace: graceMs(input.scheme),
    assessmentStart: assessmentStartInstant(input.scheme, timeZone) ?? -Infinity,
    zone: new ZoneDays(timeZone, start),
    workingDays: new WorkingDays(input.calendar),
    appeals: indexAppeals(input.appeals),
  };
}

/** One department's findings in the shape of the findings endpoint; null when it is not in the record. */
export function departmentFindings(result: ScoringResult, dept: string): DepartmentFindings | null {
  if (!hasOwn(result.findings, dept)) return null;
  return { dept, period: result.record.period, asOf: result.record.asOf, findings: result.findings[dept] };
}
