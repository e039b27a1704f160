// Exact non-negative-denominator rationals on BigInt: scores are rounded once,
// on the exact value, so a result sitting on a half cent rounds the way a
// person with a pencil would.

export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/** 100 * part / whole as an exact rational (whole > 0). */
export function percent(part: number, whole: number): Rational {
  return rational(100n * BigInt(part), BigInt(whole));
}

/**
 * The decimal a person typed, not the binary double that stores it: 0.3 is
 * 3/10 here. Uses the shortest round-trip representation of the number.
 */
export function fromDecimalNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
  if (!m) throw new Error(`cannot read ${x} as a decimal`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let n = BigInt(int + frac);
  let d = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e >= 0) n *= 10n ** BigInt(e);
  else d *= 10n ** BigInt(-e);
  return rational(sign === '-' ? -n : n, d);
}

/** Hundredths, rounded half away from zero: the integer k with value ~ k / 100. */
export function roundToHundredths(a: Rational): bigint {
  const scaled = a.n * 100n;
  const abs = scaled < 0n ? -scaled : scaled;
  const k = (2n * abs + a.d) / (2n * a.d);
  return scaled < 0n ? -k : k;
}

/** The value rounded to two decimals, half away from zero, as the double nearest that decimal. */
export function round2(a: Rational): number {
  // An IEEE division of two exact integers is correctly rounded, so this is the double of the decimal k/100.
  return Number(roundToHundredths(a)) / 100;
}
