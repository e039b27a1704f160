import type { AppealFact, FindingAppeal } from './types';

export const SEP = '\u0000';

/** Among several appeals of one finding the accepted one decides; otherwise the latest filed. */
export function preferAppeal(a: AppealFact | undefined, b: AppealFact): AppealFact {
  if (!a) return b;
  if ((a.status === 'accepted') !== (b.status === 'accepted')) return a.status === 'accepted' ? a : b;
  return b.id > a.id ? b : a;
}

export function toFindingAppeal(a: AppealFact | undefined): FindingAppeal | null {
  return a ? { id: a.id, status: a.status } : null;
}

export interface AppealIndex {
  missedWindow: Map<string, AppealFact>;
  lateRequest: Map<string, AppealFact>;
  lateObjection: Map<string, AppealFact>;
  lowCompleteness: Map<string, AppealFact[]>;
  /** Update ids left out of completeness, by department. */
  removedUpdates: Map<string, Set<string>>;
}

export function missedWindowKey(dept: string, resource: string, windowStart: number): string {
  return dept + SEP + resource + SEP + windowStart;
}

export function caseKey(dept: string, id: string): string {
  return dept + SEP + id;
}

export function indexAppeals(appeals: readonly AppealFact[]): AppealIndex {
  const index: AppealIndex = {
    missedWindow: new Map(),
    lateRequest: new Map(),
    lateObjection: new Map(),
    lowCompleteness: new Map(),
    removedUpdates: new Map(),
  };
  const put = (map: Map<string, AppealFact>, key: string, a: AppealFact): void => {
    map.set(key, preferAppeal(map.get(key), a));
  };
  for (const a of appeals) {
    switch (a.kind) {
      case 'missed_window':
        put(index.missedWindow, missedWindowKey(a.dept, a.resource, a.windowStart), a);
        break;
      case 'late_request':
        put(index.lateRequest, caseKey(a.dept, a.request), a);
        break;
      case 'late_objection':
        put(index.lateObjection, caseKey(a.dept, a.objection), a);
        break;
      case 'low_completeness': {
        const key = a.dept + SEP + a.resource;
        const list = index.lowCompleteness.get(key);
        if (list) list.push(a);
        else index.lowCompleteness.set(key, [a]);
        if (a.status === 'accepted') {
          let removed = index.removedUpdates.get(a.dept);
          if (!removed) index.removedUpdates.set(a.dept, (removed = new Set()));
          for (const id of a.eventIds) removed.add(id);
        }
        break;
      }
    }
  }
  return index;
}
