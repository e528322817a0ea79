/**
 * Robust statistics (pure): median, MAD, the modified z-score of Iglewicz & Hoaglin (1993), and
 * RITA's beacon sub-scores (activecm/rita analysis/beacons.go; shared/reference/
 * detection-containment.md §4.1). Robust because one exfiltration burst must not hide inside
 * the mean and standard deviation it inflates.
 */

export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (!n) return 0;
  const m = n >> 1;
  return n % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/**
 * The values in ascending order, as a Float64Array sorted by V8 in C++ without a comparator. An
 * array sorted with `(a, b) => a - b` calls back into JavaScript for each comparison: with 2,000
 * times a pair, five sorts a pair, that was ≈ 15 % of a run (bench/README.md, flows). Same order:
 * the values are finite, and where equal (as the comparator says) the same number, but for ±0,
 * which no caller tells apart (deviations are Math.abs'ed, times and sizes of a pair compared or
 * subtracted).
 */
const ascending = (values: ArrayLike<number>): Float64Array => Float64Array.from(values).sort();

/** M = 0.6745 (x − median) / MAD; MAD = 0 falls back to the mean absolute deviation × 1.253314. */
export function robustZ(values: number[]): (x: number) => number {
  const s = ascending(values);
  const med = median(s);
  const mad = median(s.map((v) => Math.abs(v - med)).sort());
  if (mad > 0) return (x) => (0.6745 * (x - med)) / mad;
  const meanAd = s.reduce((t, v) => t + Math.abs(v - med), 0) / (s.length || 1);
  if (meanAd > 0) return (x) => (x - med) / (1.253314 * meanAd);
  return (x) => (x > med ? Number.POSITIVE_INFINITY : 0);
}

function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** RITA's pair of statistics over a series: Bowley skew score and MAD score, averaged. */
export function regularity(values: number[], minSpread = 10): number {
  const s = ascending(values);
  if (s.length < 3) return 0;
  const q1 = quantile(s, 0.25);
  const q2 = quantile(s, 0.5);
  const q3 = quantile(s, 0.75);
  const skew = q3 - q1 < minSpread || q2 === q1 || q2 === q3 ? 0 : Math.abs((q1 + q3 - 2 * q2) / (q3 - q1));
  const skewScore = 1 - skew;
  const mad = median(s.map((v) => Math.abs(v - q2)).sort());
  const madScore = q2 < 1 ? 1 : Math.max(0, (q2 - mad) / q2);
  return (skewScore + madScore) / 2;
}

/**
 * Beacon score of one pair from its connection times and sizes: the mean of RITA's timestamp
 * and data-size scores (the histogram and duration scores need a dataset span we do not
 * assume). Needs ≥ 4 timestamps and ≥ 3 non-zero intervals, as RITA does. The timing score is
 * returned too: without RITA's histogram and duration scores, steady sizes alone (any busy
 * service) must not make a beacon, so the caller also requires regular timing.
 */
export function beaconScore(times: number[], sizes: number[]): { score: number; timing: number } | null {
  const t = ascending(times);
  const deltas: number[] = [];
  for (let i = 1; i < t.length; i++) if (t[i]! - t[i - 1]! > 0) deltas.push(t[i]! - t[i - 1]!);
  if (t.length < 4 || deltas.length < 3) return null;
  const timing = regularity(deltas);
  return { score: Math.round(((timing + regularity(sizes, 0)) / 2) * 1000) / 1000, timing };
}
