import { describe, expect, it } from 'vitest';
import { computeScores } from './index';
import { syntheticYear } from './test-support/synthetic';

describe('performance', () => {
  it('scores a year of 100 departments, 2,000 resources and 1M updates in well under a few seconds', () => {
    const input = syntheticYear();
    expect(input.updates.length).toBe(1_000_000);
    const t0 = performance.now();
    const result = computeScores(input);
    const elapsed = performance.now() - t0;
    expect(result.record.departments).toHaveLength(100);
    expect(result.record.departments.every((d) => d.counts.windowsDue > 0)).toBe(true);
    // Generous for a loaded 2-core CI machine; typically a fraction of this.
    expect(elapsed).toBeLessThan(3000);
    console.info(`computeScores(year, 1M updates): ${elapsed.toFixed(0)} ms`);
  });
});
