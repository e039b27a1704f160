import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDecimalNumber, percent, rational, round2, roundToHundredths } from './rational';

describe('exact rounding', () => {
  it('rounds half a cent away from zero on the exact value', () => {
    // 1.005 is 1.00499999999999989... as a double; Math.round would give 1.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(round2(rational(201n, 200n))).toBe(1.01);
    expect(round2(rational(-201n, 200n))).toBe(-1.01);
    expect(round2(percent(201, 20000))).toBe(1.01);
    expect(round2(rational(1n, 8n))).toBe(0.13);
    expect(round2(rational(1n, 3n))).toBe(0.33);
    expect(round2(rational(2n, 3n))).toBe(0.67);
    expect(round2(percent(2, 3))).toBe(66.67);
    expect(round2(rational(100n))).toBe(100);
  });

  it('reads scheme numbers as the decimals they were typed as', () => {
    expect(fromDecimalNumber(0.3)).toEqual({ n: 3n, d: 10n });
    expect(fromDecimalNumber(0.1 + 0.2)).toEqual(rational(30000000000000004n, 100000000000000000n));
    expect(fromDecimalNumber(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(fromDecimalNumber(2e21)).toEqual({ n: 2000000000000000000000n, d: 1n });
    expect(fromDecimalNumber(-2.5)).toEqual({ n: -5n, d: 2n });
  });

  it('matches decimal string rounding for every two-part fraction (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (p, q) => {
        const k = roundToHundredths(rational(BigInt(p), BigInt(q)));
        // 100p/q in hundredths: floor((100p*2 + q) / 2q) by integer arithmetic.
        expect(k).toBe(BigInt(Math.floor((200 * p + q) / (2 * q))));
      }),
    );
  });
});
