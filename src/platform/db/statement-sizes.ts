/**
 * A few SQL texts for statements whose `IN (…)` list grows with their input.
 *
 * The SQLite store keeps prepared statements per SQL text (`cachePreparedStatements`,
 * database.ts, 500 kept). An `IN (…)` list has a different text for every length, so the intake's
 * group commit, whose groups hold 1 to 500 alerts depending on how requests arrive, made a text
 * per length for each of its four reads (alerts repeated, entity windows, live suspects locked and
 * read) beside the multi-row inserts' own: 344 texts for groups of 1–64 alerts. Padded to powers of
 * two, each read has at most log2(max) + 1 texts, and the cache keeps room for the inserts
 * (bench/README.md, sqlite15). The inserts were tried in power-of-two runs too (50 rows → 32 + 16
 * + 2): the extra statements cost more CPU than the prepares they saved, so they were left as is.
 */

/**
 * An `IN (…)` list padded to the next power of two by repeating its last value: the same rows
 * match (a value twice in an IN list is one), and the text is one of a few. Empty stays empty.
 */
export function padToPowerOfTwo<T>(xs: readonly T[]): T[] {
  let n = 1;
  while (n < xs.length) n <<= 1;
  const out = [...xs];
  if (!xs.length) return out;
  while (out.length < n) out.push(xs[xs.length - 1]!);
  return out;
}

/** Values cut into IN-lists of at most `max` (a power of two), each padded (padToPowerOfTwo). */
export function paddedInLists<T>(xs: readonly T[], max: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += max) out.push(padToPowerOfTwo(xs.slice(i, i + max)));
  return out;
}
