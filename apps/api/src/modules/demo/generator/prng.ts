// Seeded pseudo-random numbers: mulberry32 plus a 32-bit mixing hash to
// derive independent streams (per day, per purpose) from one seed.

/** mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes integers (each taken modulo 2^32, plus the high part of safe integers) into a 32-bit hash. */
export function hash32(...parts: number[]): number {
  let h = 0x9747b28c;
  for (const p of parts) {
    const lo = p >>> 0;
    const hi = Math.floor(p / 4294967296) >>> 0;
    h = fmix32(Math.imul(h ^ lo, 0x9e3779b1) + 0x7f4a7c15);
    if (hi !== 0) h = fmix32(Math.imul(h ^ hi, 0x9e3779b1) + 0x165667b1);
  }
  return h;
}

export function rngFor(...parts: number[]): () => number {
  return mulberry32(hash32(...parts));
}

export function assertSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
}

/** Walker's alias method: O(1) weighted sampling. Weights must be >= 0 with a positive sum. */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  readonly size: number;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let sum = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`invalid weight ${w}`);
      sum += w;
    }
    if (n === 0 || sum <= 0) throw new RangeError('alias table needs a positive total weight');
    const scaled = weights.map((w) => (w * n) / sum);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((s, i) => (s < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  sample(rng: () => number): number {
    const x = rng() * this.size;
    const i = Math.floor(x);
    return x - i < this.prob[i] ? i : this.alias[i];
  }
}
