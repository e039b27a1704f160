// Dimension 3, response: requests and objections answered on time, and
// shared-interface success.
import type { ApiFact, AppealFact, ObjectionFact, RequestFact } from './types';
import { effectiveAnswerAt, outcomeOf } from './request-outcome';
import { caseKey } from './appeal-index';
import type { Case, DeptStates, EngineContext, LateCase } from './engine-state';
import type { WorkingDays } from './working-days';
import type { ZoneDays } from './zone-days';

function earlier(at1: number, id1: string, at2: number, id2: string): boolean {
  return at1 < at2 || (at1 === at2 && id1 < id2);
}

/** One case per id: the earliest submission and the earliest answer, whatever order they came in. */
export function resolveCases(cases: Case[]): Case[] {
  const byId = new Map<string, Case>();
  let duplicates = false;
  for (const c of cases) {
    const prev = byId.get(c.id);
    if (!prev) {
      byId.set(c.id, c);
      continue;
    }
    duplicates = true;
    const sub = earlier(c.submittedAt, c.submissionEventId, prev.submittedAt, prev.submissionEventId) ? c : prev;
    let ans: Case | null = null;
    for (const x of [prev, c]) {
      if (x.answeredAt === null) continue;
      if (!ans || earlier(x.answeredAt, x.answerEventId ?? '', ans.answeredAt!, ans.answerEventId ?? '')) ans = x;
    }
    byId.set(c.id, {
      ...sub,
      answeredAt: ans ? ans.answeredAt : null,
      answerEventId: ans ? ans.answerEventId : null,
      decision: ans ? ans.decision : null,
    });
  }
  return duplicates ? [...byId.values()] : cases;
}

export function requestCase(r: RequestFact): Case {
  return {
    id: r.id,
    dept: r.dept,
    resource: r.resource,
    counterpart: r.requester,
    submittedAt: r.submittedAt,
    submissionEventId: r.submissionEventId,
    answeredAt: r.answeredAt,
    answerEventId: r.answerEventId,
    decision: r.decision,
  };
}

export function objectionCase(o: ObjectionFact): Case {
  return {
    id: o.id,
    dept: o.dept,
    resource: o.resource,
    counterpart: o.raisedBy,
    submittedAt: o.raisedAt,
    submissionEventId: o.raiseEventId,
    answeredAt: o.resolvedAt,
    answerEventId: o.resolveEventId,
    decision: null,
  };
}

/** A case's deadline day (civil day) and deadline (the instant that day ends). */
export function caseDeadline(zone: ZoneDays, workingDays: WorkingDays, submittedAt: number, slaWorkdays: number): { deadlineDay: number; deadline: number } {
  const deadlineDay = workingDays.addWorkingDays(zone.dayOf(submittedAt), slaWorkdays);
  return { deadlineDay, deadline: zone.start(deadlineDay + 1) };
}

/**
 * Overdue open (拖延不办) as of `cut`: deadline at or before it, no answer
 * stamped before it, no accepted appeal. Shared by the notice count and the to-do.
 */
export function isOverdueOpen(deadline: number, answeredAt: number | null, cut: number, appealAccepted: boolean): boolean {
  return deadline <= cut && !(answeredAt !== null && answeredAt < cut) && !appealAccepted;
}

/** How one request or objection stands in the period of `ctx` (scoring.md, Dimension 3). */
export interface CaseSettlement {
  /** The answer as of the as-of instant (null: none by then). */
  answeredAt: number | null;
  deadlineDay: number;
  deadline: number;
  appeal: AppealFact | undefined;
  appealAccepted: boolean;
  /** Counts in this period: on time in the period of the answer, late in that of the deadline day. */
  settledHere: boolean;
  /** Settled here on time, or late with an accepted appeal. */
  onTimeHere: boolean;
  /** Settled here late: a finding. */
  lateHere: boolean;
}

export function settleCase(ctx: EngineContext, c: Case, sla: number, kind: 'request' | 'objection'): CaseSettlement {
  const { start, end, startDay, endDay, asOf, zone, workingDays } = ctx;
  const appealMap = kind === 'request' ? ctx.appeals.lateRequest : ctx.appeals.lateObjection;
  const answeredAt = effectiveAnswerAt(c, asOf);
  const { deadlineDay, deadline } = caseDeadline(zone, workingDays, c.submittedAt, sla);
  const appeal = appealMap.size > 0 ? appealMap.get(caseKey(c.dept, c.id)) : undefined;
  const appealAccepted = appeal?.status === 'accepted';
  const onTime = answeredAt !== null && outcomeOf(answeredAt, deadline, asOf) === 'on_time';
  if (onTime) {
    const here = answeredAt >= start && answeredAt < end;
    return { answeredAt, deadlineDay, deadline, appeal, appealAccepted, settledHere: here, onTimeHere: here, lateHere: false };
  }
  const lateHere = asOf >= deadline && deadlineDay >= startDay && deadlineDay < endDay;
  return { answeredAt, deadlineDay, deadline, appeal, appealAccepted, settledHere: lateHere, onTimeHere: lateHere && appealAccepted, lateHere };
}

/** Settles requests or objections in the period: on time in the period of the answer, late in that of the deadline day. */
export function assessCases(ctx: EngineContext, depts: DeptStates, cases: Case[], sla: number, kind: 'request' | 'objection'): void {
  const { start, end, asOf, cut, zone, workingDays } = ctx;
  for (const c of resolveCases(cases)) {
    const st = depts.get(c.dept);
    if (!st || c.submittedAt > asOf) continue;
    const { answeredAt, deadlineDay, deadline, appeal, appealAccepted, settledHere, onTimeHere, lateHere } = settleCase(ctx, c, sla, kind);
    if (lateHere) {
      const late: LateCase = {
        item: c,
        deadline,
        answeredAt,
        workdaysLate: workingDays.countBetween(deadlineDay, zone.dayOf(answeredAt ?? asOf)),
        appeal,
      };
      (kind === 'request' ? st.lateRequests : st.lateObjections).push(late);
    }
    if (kind === 'request') {
      if (settledHere) st.counts.requestsSettled++;
      if (onTimeHere) st.counts.requestsOnTime++;
      if (isOverdueOpen(deadline, answeredAt, cut, appealAccepted)) st.counts.requestsOverdueOpen++;
      if (c.submittedAt < cut && answeredAt === null && asOf < deadline) st.counts.requestsPending++;
      if (answeredAt !== null && answeredAt >= start && answeredAt < end) {
        st.answeredInPeriod++;
        if (c.decision === 'rejected') st.rejectedInPeriod++;
        st.answerWorkdays.push(workingDays.countBetween(zone.dayOf(c.submittedAt), zone.dayOf(answeredAt)));
      }
    } else {
      if (settledHere) st.counts.objectionsSettled++;
      if (onTimeHere) st.counts.objectionsOnTime++;
    }
  }
}

/** Status 200-399 succeeds, 500-599 fails; 1xx and 4xx are the caller's side. */
export function assessInterfaces(depts: DeptStates, api: readonly ApiFact[]): void {
  for (const a of api) {
    const st = depts.get(a.dept);
    if (!st) continue;
    const [, c2, c3, , c5] = a.byStatusClass;
    st.counts.apiSuccess += c2 + c3;
    st.counts.apiFailure += c5;
    if (a.latencyP95Ms !== undefined && a.latencyP95Ms !== null)
      st.latencyP95Ms = st.latencyP95Ms === null ? a.latencyP95Ms : Math.max(st.latencyP95Ms, a.latencyP95Ms);
  }
}
