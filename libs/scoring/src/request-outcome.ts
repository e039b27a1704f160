import { addWorkingDays } from './working-days';
import { DEFAULT_TIME_ZONE } from './time';
import type { RequestFact, WorkingDayCalendar } from './types';

export type RequestOutcome = 'on_time' | 'late' | 'pending';

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
  const answeredAt = request.answeredAt === null || request.answeredAt > asOf ? null : Math.max(request.answeredAt, request.submittedAt);
  if (answeredAt !== null) return answeredAt < deadline ? 'on_time' : 'late';
  return asOf >= deadline ? 'late' : 'pending';
}
