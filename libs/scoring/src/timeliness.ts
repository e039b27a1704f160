// Dimension 1, timeliness: which windows are due in the period and which of
// them an update met.
import type { ResourceInfo, UpdateFact } from './types';
import { dateToDay } from './civil-day';
import { windowsEndingIn, WINDOW_FREQUENCIES, type WindowFrequency } from './windows';
import { missedWindowKey } from './appeal-index';
import type { DeptStates, DueWindow, EngineContext } from './engine-state';

export interface DueWindows {
  /** Windows assessed in the period, shared by every resource of a frequency. */
  byFrequency: Map<WindowFrequency, DueWindow[]>;
  /** The instants an update can meet one of them in: [from, to). */
  fetchFrom: number;
  fetchTo: number;
}

export function dueWindows(ctx: EngineContext): DueWindows {
  const byFrequency = new Map<WindowFrequency, DueWindow[]>();
  let fetchFrom = Infinity;
  let fetchTo = -Infinity;
  for (const frequency of WINDOW_FREQUENCIES) {
    const list: DueWindow[] = [];
    for (const w of windowsEndingIn(frequency, ctx.startDay, ctx.endDay)) {
      const endMs = ctx.zone.start(w.endDay);
      if (endMs + ctx.grace > ctx.asOf) break;
      const startMs = ctx.zone.start(w.startDay);
      if (startMs < ctx.assessmentStart) continue;
      list.push({ startDay: w.startDay, endDay: w.endDay, startMs, endMs, metUntil: endMs + ctx.grace });
      fetchFrom = Math.min(fetchFrom, startMs);
      fetchTo = Math.max(fetchTo, endMs + ctx.grace);
    }
    byFrequency.set(frequency, list);
  }
  return { byFrequency, fetchFrom, fetchTo };
}

/** The active range of a resource as civil days, open ends infinite. */
export function activeDays(r: ResourceInfo): { activeFrom: number; activeTo: number } {
  const activeFrom = r.activeFrom ? dateToDay(r.activeFrom) : -Infinity;
  const activeTo = r.activeTo ? dateToDay(r.activeTo) : Infinity;
  if (activeFrom === null || activeTo === null) throw new Error(`resource "${r.code}" has an active range that is not made of dates (YYYY-MM-DD)`);
  return { activeFrom, activeTo };
}

/** A window counts only while the resource is active for the whole of it. */
export function activeForWindow(active: { activeFrom: number; activeTo: number }, startDay: number, endDay: number): boolean {
  return startDay >= active.activeFrom && endDay - 1 <= active.activeTo;
}

function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts due and met windows and records the missed ones, walking each resource's sorted updates alongside its windows. */
export function assessTimeliness(ctx: EngineContext, depts: DeptStates, resources: readonly ResourceInfo[], updates: readonly UpdateFact[]): void {
  const due = dueWindows(ctx);
  // Update instants of every assessed resource, whichever department stamped them.
  const updateTimes = new Map<string, number[]>();
  for (const r of resources) {
    if (r.frequency !== 'on_demand' && depts.has(r.dept) && due.byFrequency.get(r.frequency)!.length > 0) updateTimes.set(r.code, []);
  }
  if (updateTimes.size > 0) {
    for (let i = 0; i < updates.length; i++) {
      const at = updates[i].at;
      if (at >= due.fetchFrom && at < due.fetchTo) {
        const times = updateTimes.get(updates[i].resource);
        if (times) times.push(at);
      }
    }
  }

  const appeals = ctx.appeals.missedWindow;
  for (const r of resources) {
    const times = updateTimes.get(r.code);
    if (!times) continue;
    const st = depts.get(r.dept)!;
    const windows = due.byFrequency.get(r.frequency as WindowFrequency)!;
    const active = activeDays(r);
    const sorted = Float64Array.from(times).sort();
    updateTimes.delete(r.code);
    let ptr = 0;
    for (const w of windows) {
      if (!activeForWindow(active, w.startDay, w.endDay)) continue;
      st.counts.windowsDue++;
      if (ptr < sorted.length && sorted[ptr] < w.startMs) ptr = lowerBound(sorted, w.startMs);
      if (ptr < sorted.length && sorted[ptr] < w.metUntil) {
        st.counts.windowsMet++;
        continue;
      }
      const appeal = appeals.size > 0 ? appeals.get(missedWindowKey(r.dept, r.code, w.startMs)) : undefined;
      if (appeal?.status === 'accepted') st.counts.windowsMet++;
      st.missed.push({ window: w, resource: r.code, appeal });
    }
  }
}
