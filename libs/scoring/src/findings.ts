// The findings of one department, in the order of scoring.md "Findings".
import type { AppealFact, Finding, UpdateFact } from './types';
import { mul, percent, rational, roundToHundredths } from './rational';
import { roundedCost, type FindingCosts } from './points-lost';
import { preferAppeal, SEP, toFindingAppeal, type AppealIndex } from './appeal-index';
import { byCode, hundredthsToNumber, MAX_LOW_COMPLETENESS_FINDINGS, type DeptState, type LateCase } from './engine-state';

export function buildFindings(
  st: DeptState,
  updates: readonly UpdateFact[],
  appeals: AppealIndex,
  format: (ms: number) => string,
  costs: FindingCosts,
): Finding[] {
  const cost = (each: FindingCosts[keyof FindingCosts], appeal: AppealFact | undefined): number => (appeal?.status === 'accepted' ? 0 : roundedCost(each));
  const out: Finding[] = [];

  st.missed.sort((a, b) => a.window.startMs - b.window.startMs || a.window.endMs - b.window.endMs || byCode(a.resource, b.resource));
  for (const m of st.missed) {
    const w = m.window;
    w.startText ??= format(w.startMs);
    w.endText ??= format(w.endMs);
    out.push({
      kind: 'missed_window',
      resource: m.resource,
      windowStart: w.startText,
      windowEnd: w.endText,
      appeal: toFindingAppeal(m.appeal),
      pointsLost: cost(costs.missedWindow, m.appeal),
    });
  }

  const byDeadline = (a: LateCase, b: LateCase): number => a.deadline - b.deadline || byCode(a.item.id, b.item.id);
  const lateFields = (l: LateCase) => ({
    resource: l.item.resource,
    submittedAt: format(l.item.submittedAt),
    deadline: format(l.deadline),
    answeredAt: l.answeredAt === null ? null : format(l.answeredAt),
    workdaysLate: l.workdaysLate,
    // The submission always precedes a late answer, so this is already sorted by `at`.
    eventIds: l.answeredAt !== null && l.item.answerEventId !== null ? [l.item.submissionEventId, l.item.answerEventId] : [l.item.submissionEventId],
    appeal: toFindingAppeal(l.appeal),
  });
  for (const l of st.lateRequests.sort(byDeadline)) {
    const f = lateFields(l);
    out.push({
      kind: 'late_request',
      request: l.item.id,
      resource: f.resource,
      requester: l.item.counterpart,
      submittedAt: f.submittedAt,
      deadline: f.deadline,
      answeredAt: f.answeredAt,
      workdaysLate: f.workdaysLate,
      eventIds: f.eventIds,
      appeal: f.appeal,
      pointsLost: cost(costs.lateRequest, l.appeal),
    });
  }
  for (const l of st.lateObjections.sort(byDeadline)) {
    const f = lateFields(l);
    out.push({
      kind: 'late_objection',
      objection: l.item.id,
      resource: f.resource,
      raisedBy: l.item.counterpart,
      submittedAt: f.submittedAt,
      deadline: f.deadline,
      answeredAt: f.answeredAt,
      workdaysLate: f.workdaysLate,
      eventIds: f.eventIds,
      appeal: f.appeal,
      pointsLost: cost(costs.lateObjection, l.appeal),
    });
  }

  // A finding whose appeal was accepted stays listed but does not take one of the five places.
  const below = [...st.completeness.values()]
    .filter((rc) => rc.records > 0 && rc.completeRecords < rc.records)
    .sort((a, b) => {
      const l = BigInt(a.completeRecords) * BigInt(b.records);
      const r = BigInt(b.completeRecords) * BigInt(a.records);
      return l < r ? -1 : l > r ? 1 : byCode(a.resource, b.resource);
    });
  let places = MAX_LOW_COMPLETENESS_FINDINGS;
  for (const rc of below) {
    const eventIds = rc.updateIndexes
      .map((i) => updates[i])
      .sort((a, b) => a.at - b.at || byCode(a.id, b.id))
      .map((u) => u.id);
    let appeal: AppealFact | undefined;
    const candidates = appeals.lowCompleteness.get(st.info.code + SEP + rc.resource);
    if (candidates) {
      const named = new Set(eventIds);
      for (const a of candidates) if (a.kind === 'low_completeness' && a.eventIds.some((id) => named.has(id))) appeal = preferAppeal(appeal, a);
    }
    const accepted = appeal?.status === 'accepted';
    if (!accepted) {
      if (places === 0) continue;
      places--;
    }
    const each = costs.incompleteRecord === null ? null : mul(costs.incompleteRecord, rational(BigInt(rc.records - rc.completeRecords)));
    out.push({
      kind: 'low_completeness',
      resource: rc.resource,
      records: rc.records,
      completeRecords: rc.completeRecords,
      completeness: hundredthsToNumber(roundToHundredths(percent(rc.completeRecords, rc.records))),
      eventIds,
      appeal: toFindingAppeal(appeal),
      pointsLost: cost(each, appeal),
    });
  }
  return out;
}
