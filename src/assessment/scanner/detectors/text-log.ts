/**
 * Access-log lines scanned as records (issue 21, logs23). A combined log line (log-format.ts) is
 * cut before its referrer: the head (`%h %l %u [%t] "%r" %>s %b `) is scanned as the line was,
 * with its block's anchors (text-anchors.ts, now of the heads); the tail (`"referrer" "agent"`),
 * the same few hundred strings over a whole log, is answered from a memo (text-memo.ts). When
 * both hold findings they are put together pass by pass (text-scan.ts PASS_ENDS: the e-mails of
 * head then tail, then IPv6, digit runs, keyword hits, names, addresses), the order one scan of
 * the whole line gives.
 *
 * That is the whole line's answer exactly when no detector decides on text across the cut. The
 * cut is at `%b "`: before it a byte count and a blank, after it a quote. No value a detector
 * takes spans a blank followed by a quote (digit runs, e-mails, IPv6 and keyword values stop at
 * either), and the look-backs from the tail into the head (context words before a number, a
 * capital word before a name) find the status and size, digits, there. text-log.test.ts holds
 * this against the whole-line scan on random lines with hostile fields; a text step that starts
 * to read across the cut fails it.
 */
import { accessLogCuts } from './log-format.js';
import { memoised, type MemoFindings } from './text-memo.js';
import { dropGenericEchoes, KEYWORDS_MATCHED, PASS_ENDS, scanPasses, type TextFindings, textBlockAnchors } from './text-scan.js';

/** A referrer and user agent run to a few hundred characters; longer ones are not remembered. */
const TAIL_MAX_CHARS = 512;
/** How many of a block's first lines must all be access-log lines for the block to take this path. */
const SAMPLE = 8;

const withEnds = (r: MemoFindings): MemoFindings => {
  r.ends = PASS_ENDS.slice();
  return r;
};
const tail = memoised((text, people) => withEnds(scanPasses(text, people)), TAIL_MAX_CHARS);
const CUTS = new Int32Array(3);
const HEAD_ENDS = new Int32Array(PASS_ENDS.length);

/** Whether a block of lines is an access log: its first lines (up to SAMPLE) all are. */
export function isAccessLogBlock(lines: readonly string[]): boolean {
  const n = Math.min(SAMPLE, lines.length);
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (!accessLogCuts(lines[i], CUTS)) return false;
  return true;
}

/**
 * For a block of lines whose first lines are an access log: line i → scanText(lines[i])'s
 * findings. Else null. Lines that are not combined log lines are scanned whole, with anchors.
 */
export function accessLogScanner(lines: readonly string[]): ((i: number) => TextFindings) | null {
  if (!isAccessLogBlock(lines)) return null;
  const heads = new Array<string>(lines.length);
  const cut = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const c = accessLogCuts(l, CUTS) ? CUTS[2] : l.length;
    cut[i] = c;
    heads[i] = c < l.length ? l.slice(0, c) : l;
  }
  const anchors = textBlockAnchors(Buffer.from(`${heads.join('\n')}\n`), heads);
  return (i) => {
    const l = lines[i];
    if (cut[i] === l.length) return scanPasses(l, true, anchors, i);
    const h: MemoFindings = scanPasses(heads[i], true, anchors, i);
    // A keyword's window reaches past the cut (up to 300 characters, text-keyword-hits.ts): a
    // line with a keyword on either side is scanned whole.
    if (PASS_ENDS[KEYWORDS_MATCHED] !== 0) return scanPasses(l, true);
    // The head's pass ends, before the tail's scan sets them anew.
    HEAD_ENDS.set(PASS_ENDS);
    const t = tail(l.slice(cut[i]), true);
    if ((t.ends as Int32Array)[KEYWORDS_MATCHED] !== 0) return scanPasses(l, true);
    if (t.elements.length === 0 && t.secrets.length === 0) return h;
    h.ends = HEAD_ENDS;
    return merged(h, t);
  };
}

/** Head and tail findings in whole-line order: pass by pass, and within a pass head then tail. */
function merged(h: MemoFindings, t: MemoFindings): TextFindings {
  const res: TextFindings = { elements: [], secrets: [...h.secrets, ...t.secrets] };
  for (let p = 0; p <= KEYWORDS_MATCHED; p++) {
    for (const r of [h, t]) {
      const ends = r.ends as Int32Array;
      const hi = p < KEYWORDS_MATCHED ? ends[p] : r.elements.length;
      for (let k = p === 0 ? 0 : ends[p - 1]; k < hi; k++) res.elements.push(r.elements[k]);
    }
  }
  if (res.secrets.length > 1) dropGenericEchoes(res.secrets);
  return res;
}
