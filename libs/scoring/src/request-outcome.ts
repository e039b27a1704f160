import { addWorkingDays } from './working-days';
import { DEFAULT_TIME_ZONE } from './time';
import type { RequestFact, WorkingDayCalendar } from './types';

export type RequestOutcome = 'on_time' | 'late' | 'pending';

/**
 * When a request (or objection) counts as answered as of an instant: null
 * when unanswered by then; an answer stamped before the submission counts as
 * given at the submission.
 */
export function effectiveAnswerAt(c: Pick<RequestFact, 'submittedAt' | 'answeredAt'>, asOf: number): number | null {
  return c.answeredAt !== null && c.answeredAt <= asOf ? Math.max(c.answeredAt, c.submittedAt) : null;
}

/** On time when answered before the deadline; late when answered at or after it, or unanswered once it has passed. */
export function outcomeOf(answeredAt: number | null, deadline: number, asOf: number): RequestOutcome {
  if (answeredAt !== null) return answeredAt < deadline ? 'on_time' : 'late';
  return asOf >= deadline ? 'late' : 'pending';
}

/**
 * One request's state as of an instant, by the method's rule (scoring.md,
 * Dimension 3): on time when answered before its deadline (an answer stamped
 * before the submission counts at the submission), late when answered at or
 * after the deadline or still unanswered once the deadline has passed,
 * pending otherwise. Used for the sharing-network view.
 */
export function requestOutcome(
  request: Pick<RequestFact, 'submittedAt' | 'answeredAt'>,
  asOf: number,
  slaWorkdays: number,
  calendar: WorkingDayCalendar,
  timeZone: string = DEFAULT_TIME_ZONE,
): RequestOutcome {
  const { deadline } = addWorkingDays(request.submittedAt, slaWorkdays, calendar, timeZone);
  return outcomeOf(effectiveAnswerAt(request, asOf), deadline, asOf);
}
