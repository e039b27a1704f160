// Dimension 2, completeness: records and complete records of the period's updates.
import type { UpdateFact } from './types';
import type { DeptStates, EngineContext } from './engine-state';

export function assessCompleteness(ctx: EngineContext, depts: DeptStates, updates: readonly UpdateFact[]): void {
  const { start, end, asOf } = ctx;
  for (let i = 0; i < updates.length; i++) {
    const u = updates[i];
    const at = u.at;
    if (at < start || at >= end || at > asOf) continue;
    const st = depts.get(u.dept);
    if (!st) continue;
    let rc = st.completeness.get(u.resource);
    if (!rc) st.completeness.set(u.resource, (rc = { resource: u.resource, records: 0, completeRecords: 0, updateIndexes: [] }));
    rc.records += u.records;
    rc.completeRecords += u.completeRecords;
    rc.updateIndexes.push(i);
    const removed = ctx.appeals.removedUpdates.get(u.dept);
    if (removed && removed.has(u.id)) continue;
    st.counts.records += u.records;
    st.counts.completeRecords += u.completeRecords;
  }
}
