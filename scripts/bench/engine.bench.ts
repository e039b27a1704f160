import { computeScores } from '@app/scoring';
import { syntheticYear } from '../../libs/scoring/src/test-support/synthetic';

/** The pure engine alone: one year, 100 departments, 2,000 resources, 1M updates. */
export function benchEngine(): Record<string, string | number> {
  const input = syntheticYear();
  const t0 = performance.now();
  const result = computeScores(input);
  const elapsed = performance.now() - t0;
  return {
    benchmark: 'scoring engine (pure): one year, 100 departments, 2,000 resources',
    updates: input.updates.length,
    departmentsScored: result.record.departments.length,
    ms: Math.round(elapsed),
  };
}
