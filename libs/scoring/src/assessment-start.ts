// Assessment start (scoring.md "Time"): the first month a scheme assesses.
import type { ObjectionFact, RequestFact, Scheme, UpdateFact } from './types';
import { ymdToDay } from './civil-day';
import { periodBounds, type Period } from './period';
import { DEFAULT_TIME_ZONE } from './time';
import { ZoneDays } from './zone-days';

import { ASSESSMENT_START_MONTH } from './scheme';

/** The instant the assessment start month begins locally; null when the scheme leaves it unset. */
export function assessmentStartInstant(scheme: Pick<Scheme, 'assessmentStart'>, timeZone: string = DEFAULT_TIME_ZONE): number | null {
  const month = scheme.assessmentStart;
  if (month === undefined || month === null) return null;
  const m = ASSESSMENT_START_MONTH.exec(month);
  if (!m) throw new Error(`assessmentStart ${JSON.stringify(month)} is not a month (YYYY-MM)`);
  const day = ymdToDay(Number(m[1]), Number(m[2]), 1);
  return new ZoneDays(timeZone, 0).start(day);
}

/**
 * False for a period that ends at or before the assessment start: unless it
 * was published earlier, asking for its record is an error, and it gives the
 * next period no rank change.
 */
export function isPeriodAssessed(period: Period | string, scheme: Pick<Scheme, 'assessmentStart'>, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  const start = assessmentStartInstant(scheme, timeZone);
  if (start === null) return true;
  return periodBounds(period, timeZone).end > start;
}

export interface AssessedFacts {
  updates: readonly UpdateFact[];
  requests: readonly RequestFact[];
  objections: readonly ObjectionFact[];
}

/** The facts with every event stamped before the assessment start left out (an answer before it counts as none). */
export function factsFromAssessmentStart(facts: AssessedFacts, start: number | null): AssessedFacts {
  if (start === null) return facts;
  return {
    updates: facts.updates.filter((u) => u.at >= start),
    requests: facts.requests
      .filter((r) => r.submittedAt >= start)
      .map((r) => (r.answeredAt !== null && r.answeredAt < start ? { ...r, answeredAt: null, answerEventId: null, decision: null } : r)),
    objections: facts.objections
      .filter((o) => o.raisedAt >= start)
      .map((o) => (o.resolvedAt !== null && o.resolvedAt < start ? { ...o, resolvedAt: null, resolveEventId: null } : o)),
  };
}
