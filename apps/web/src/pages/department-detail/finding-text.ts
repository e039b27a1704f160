import type { Finding } from '@app/contracts';

/** A stable key per finding (also what an appeal names). */
export function findingKey(f: Finding): string {
  switch (f.kind) {
    case 'missed_window':
      return `w:${f.resource}:${f.windowStart}`;
    case 'late_request':
      return `r:${f.request}`;
    case 'late_objection':
      return `o:${f.objection}`;
    case 'low_completeness':
      return `c:${f.resource}`;
  }
}

export function findingEventIds(f: Finding): string[] {
  return f.kind === 'missed_window' ? [] : f.eventIds;
}
