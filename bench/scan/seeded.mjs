/**
 * A seeded PRNG (mulberry32) and the helpers the log generators draw with, so each file is
 * reproducible from its shape name or seed (gen-shapes.mjs, gen-data.mjs, gen-logs.mjs).
 */
export function seeded(seed) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  return { rnd, int, pick };
}
