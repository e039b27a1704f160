// Interface-call latency is kept as a histogram so a p95 can be read from
// daily rollups without the raw calls: bucket 0 holds latencies below 1 ms,
// bucket i (i >= 1) holds [RATIO^(i-1), RATIO^i) ms; the last bucket is open.
// Buckets are 25% wide, so the p95 read from them is within 25%.

export const LATENCY_RATIO = 1.25;
export const LATENCY_BUCKETS = 64;

const LOG_RATIO = Math.log(LATENCY_RATIO);

export function latencyBucket(ms: number): number {
  if (!(ms >= 1)) return 0;
  return Math.min(LATENCY_BUCKETS - 1, 1 + Math.floor(Math.log(ms) / LOG_RATIO));
}

/** Upper bound (ms) of a bucket. */
export function bucketUpperBound(bucket: number): number {
  return bucket === 0 ? 1 : LATENCY_RATIO ** bucket;
}

/** The p-th percentile (0-1) from a histogram, as the upper bound of its bucket; null when empty. */
export function percentileFromHistogram(hist: readonly number[], p: number): number | null {
  const total = hist.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= rank) return Math.round(bucketUpperBound(i) * 10) / 10;
  }
  return Math.round(bucketUpperBound(hist.length - 1) * 10) / 10;
}
