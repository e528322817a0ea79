/**
 * Encoded runs: base64 (RFC 4648 §4, and the URL-safe alphabet of §5) and other machine tokens
 * written into text. A random run of letters and digits holds capitalised letter pairs and digit
 * runs by chance — 20 MB of a log with base64 payloads gave 177 "names" (`Ine` in
 * `zTGzMti+U+Ine+m8kC9`, `Ng`, `Vo`) and 12 "national IDs", 189 people who do not exist. A word
 * or number inside such a run is no person's.
 *
 * The test is on letter-case and digit changes: in random base64 ≈ 62 % of neighbouring
 * alphanumerics change class (upper, lower, digit); in words, paths and URLs few do
 * (`/Users/Alice/Documents/Project2024` ≈ 18 %), and form-encoded values (`name=John+Smith`) are
 * cut short by `=` and `&`.
 */

/** Characters of a base64 / base64url run. */
function inRun(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 45 || c === 95;
}

/** How far either side of the span the run is looked at: enough to judge, bounded on megabyte blobs. */
const REACH = 48;
const MIN_RUN = 24;
const MIN_CHANGE_SHARE = 0.35;

/** Is text[start, end) part of an encoded run (≥ 24 characters around it, ≥ 35 % class changes)? */
export function inEncodedRun(text: string, start: number, end: number): boolean {
  let a = start;
  const lo = start > REACH ? start - REACH : 0;
  while (a > lo && inRun(text.charCodeAt(a - 1))) a--;
  let b = end;
  const hi = Math.min(text.length, end + REACH);
  while (b < hi && inRun(text.charCodeAt(b))) b++;
  if (b - a < MIN_RUN) return false;
  let prev = -1;
  let changes = 0;
  let alnum = 0;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    const cls = c >= 48 && c <= 57 ? 0 : c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : -1;
    if (cls < 0) {
      prev = -1;
      continue;
    }
    alnum++;
    if (prev >= 0 && cls !== prev) changes++;
    prev = cls;
  }
  return changes >= MIN_CHANGE_SHARE * alnum;
}
