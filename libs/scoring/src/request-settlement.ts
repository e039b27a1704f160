import { factsFromAssessmentStart, assessmentStartInstant } from './assessment-start';
import { createEngineContext } from './compute-scores';
import { requestCase, resolveCases, settleCase } from './response';
import type { AppealFact, RequestFact, Scheme, WorkingDayCalendar } from './types';

export interface RequestSettlementInput {
  period: string;
  asOf: number;
  timeZone: string;
  scheme: Pick<Scheme, 'requestSlaWorkdays' | 'assessmentStart' | 'updateGraceHours'>;
  calendar: WorkingDayCalendar;
  /** As computeScores reads them: every request still open at the period start or submitted since. */
  requests: readonly RequestFact[];
  appeals: readonly AppealFact[];
}

/** One request the response dimension counts in the period. */
export interface SettledRequest {
  id: string;
  /** The provider, whose score the request counts for. */
  dept: string;
  requester: string;
  /** On time, or late with an accepted appeal: what requestsOnTime counts. */
  onTime: boolean;
}

/**
 * The requests the response dimension settles in a period (scoring.md,
 * Dimension 3), by the engine's own rule: on time in the period of the
 * answer, late in that of the deadline day, an accepted appeal counting as on
 * time. Summed per provider they are the score's requestsSettled and
 * requestsOnTime; views that break them down by requester (the sharing
 * network) read them here rather than restating the rule.
 */
export function requestsSettledInPeriod(input: RequestSettlementInput): SettledRequest[] {
  const ctx = createEngineContext(input);
  const { requests } = factsFromAssessmentStart(
    { updates: [], requests: input.requests, objections: [] },
    assessmentStartInstant(input.scheme, input.timeZone),
  );
  const settled: SettledRequest[] = [];
  for (const c of resolveCases(requests.map(requestCase))) {
    if (c.submittedAt > ctx.asOf) continue;
    const s = settleCase(ctx, c, input.scheme.requestSlaWorkdays, 'request');
    if (s.settledHere) settled.push({ id: c.id, dept: c.dept, requester: c.counterpart, onTime: s.onTimeHere });
  }
  return settled;
}
