/**
 * Anchors of a block of log lines, found on the block's bytes (issue 21). scanText looks for
 * keywords with a table test at every character of a line (text-keywords.ts) and for name
 * candidates with a RegExp jump (text-names.ts); on a log, where every line is scanned, both
 * walk each line's string character by character. Here one pass over the block's UTF-8 bytes
 * finds, for every line made only of ASCII characters, the positions both would stop at:
 *  - keyword candidates: where text-keywords.ts's first-characters table test passes
 *    (`KeywordFinder.tables`);
 *  - name candidates: where `/[A-Z\u00C0-\u00DE\u0100-\u024F](?:[a-z\u00DF-\u024F]|\.? )/`
 *    (text-names.ts CANDIDATE) matches: on ASCII, an A–Z letter before a–z, a space or ". ".
 *  - number-run spans (kernel only): the stretches where text-numbers.ts NUMBER_RUN can start a
 *    match (a digit followed by ≥ 6 more of its inner class, or '+'/'(' before one:
 *    text-anchors.wat `numbers`), found 16 bytes a step over the whole block. On a web-server
 *    log NUMBER_RUN's own scan tried a match at each of ≈ 45 digits a line (dates, times,
 *    versions, sizes) for ≈ 2 runs; scanText now runs it sticky inside these spans only.
 * In an ASCII line each character is one byte, so a byte offset is a character offset, and a
 * test that reads characters i … i + 3 reads bytes i … i + 3. Lines with any byte ≥ 128 (or a
 * length that does not match) are not marked: scanText walks their strings as before.
 * text-anchors.test.ts checks, on random log-like blocks, that scanText gives the same findings
 * with and without the anchors.
 */
import { isAscii } from 'node:buffer';
import { compileWasm, WA, type WasmMemory } from '../wasm.js';
import { TEXT_ANCHORS_WASM } from './text-anchors.wasm.js';
import { FOLD, type KeywordFinder, quadSlot } from './text-keywords.js';

export interface TextAnchors {
  /** Per line: 1 when the line is marked (ASCII, its characters are its bytes). */
  readonly ascii: Uint8Array;
  /** Keyword candidates of line i: kw[kwAt[i] … kwAt[i + 1]), offsets in the line, ascending. */
  readonly kwAt: Int32Array;
  readonly kw: Int32Array;
  /** Name candidates of line i: name[nameAt[i] … nameAt[i + 1]). */
  readonly nameAt: Int32Array;
  readonly name: Int32Array;
  /**
   * Spans holding NUMBER_RUN's possible match starts in line i, as [lo, hi] pairs (inclusive
   * offsets, ascending): num[numAt[i] … numAt[i + 1]); null when not computed (no kernel):
   * scanText then runs NUMBER_RUN's own scan. In a span the starts are its digits and each
   * '+' or '(' before a digit of the span.
   */
  readonly numAt: Int32Array | null;
  readonly num: Int32Array | null;
}

/**
 * One walk over an ASCII line's bytes buf[s … s + n): its keyword candidates (text-keywords.ts's
 * table test, the same arithmetic on bytes as `next` does on character codes) into kw from kwN,
 * and its name candidates (A–Z, then a–z, a space, or ". ") into name from nameN. Returns the
 * new ends in ENDS (kw, name).
 */
const ENDS = new Int32Array(2);
function markLine(buf: Uint8Array, s: number, n: number, g: KeywordFinder['tables'], kw: Int32Array, kwN: number, name: Int32Array, nameN: number): void {
  const { bigrams, trigrams, quads } = g;
  let b = n > 0 ? FOLD[buf[s]] : 0;
  for (let i = 0; i + 1 < n; i++) {
    const c = buf[s + i];
    const d = buf[s + i + 1];
    if (c >= 65 && c <= 90 && ((d >= 97 && d <= 122) || d === 32 || (d === 46 && i + 2 < n && buf[s + i + 2] === 32))) name[nameN++] = i;
    b = ((b << 7) & 0x3fff) | FOLD[d];
    if (i + 2 >= n || bigrams[b] !== 1) continue;
    const t = (b << 7) | FOLD[buf[s + i + 2]];
    const kind = trigrams[t];
    if (kind === 1 || (kind === 2 && i + 3 < n && quads[quadSlot(t, FOLD[buf[s + i + 3]])] === 1)) kw[kwN++] = i;
  }
  ENDS[0] = kwN;
  ENDS[1] = nameN;
}

// ---- the WebAssembly kernel (text-anchors.wat): markLine without JavaScript's bounds checks ----

/** Where text-anchors.wat expects its tables, and where the block goes. */
const BIGRAMS = 0;
const QUADS = 16384;
const FOLD_AT = 81920;
const TRIGRAMS = 131072;
const BLOCK = 2228224;
/** Readable, zeroed bytes after the block (markLine reads up to 3 bytes past a line, `numbers` 32). */
const PAD = 48;
const PAGE = 65536;
/**
 * Larger blocks take the JavaScript loop: WebAssembly memory never shrinks (as csv-rows.ts), and
 * markBlock needs ≈ 9 bytes of it a byte of block (the block, one i32 of room a byte for each kind
 * of candidate); the reader's blocks are 512 KiB (readers/dispatch.ts `tuning.blockBytes`).
 */
export const WASM_ANCHORS_MAX_BYTES = 4 * 1024 * 1024;

interface Kernel {
  mark: (s: number, n: number, kw: number, name: number) => number;
  markBlock: (p: number, len: number, kw: number, name: number, tab: number) => number;
  numbers: (p: number, n: number, base: number, out: number) => number;
  names: { value: number };
  memory: WasmMemory;
  bytes: Uint8Array;
  ints: Int32Array;
  /** The keyword tables in memory now. */
  tables: KeywordFinder['tables'] | null;
}
/** Instantiated on first use, once per thread; null without WebAssembly (then the JavaScript loop). */
let kernel: Kernel | null | undefined;

function load(): Kernel | null {
  const mod = compileWasm(TEXT_ANCHORS_WASM);
  if (!mod || !WA) return null;
  const inst = new WA.Instance(mod);
  const memory = inst.exports.memory as WasmMemory;
  return {
    mark: inst.exports.mark as Kernel['mark'],
    markBlock: inst.exports.markBlock as Kernel['markBlock'],
    numbers: inst.exports.numbers as Kernel['numbers'],
    names: inst.exports.names as Kernel['names'],
    memory,
    bytes: new Uint8Array(memory.buffer),
    ints: new Int32Array(memory.buffer),
    tables: null,
  };
}

/** Test hook: run the JavaScript loop even where the kernel loads. */
export function useAnchorsKernel(on: boolean): void {
  kernel = on ? load() : null;
}

/** Whether textAnchors runs the kernel on this thread (the tests assert it does on Node 20). */
export function anchorsKernelActive(): boolean {
  if (kernel === undefined) kernel = load();
  return kernel !== null;
}

/**
 * Memory for `size` bytes, grown with a quarter more: a reader's blocks differ by a line, and every
 * growth replaced `k.bytes`/`k.ints`, which made V8 throw away the optimised textAnchors and
 * markLineWasm that had taken them for constants (`--trace-deopt`: "code dependencies", textAnchors
 * compiled 4 times a thread on `weblog`, issue 21).
 */
function ensureMemory(k: Kernel, size: number): void {
  if (k.bytes.length >= size) return;
  k.memory.grow(Math.ceil((size + (size >> 2) - k.bytes.length) / PAGE));
  k.bytes = new Uint8Array(k.memory.buffer);
  k.ints = new Int32Array(k.memory.buffer);
}

/** The kernel with `buf` in its memory and `tables` loaded, or null (no kernel, block too large). */
function kernelFor(buf: Uint8Array, tables: KeywordFinder['tables']): Kernel | null {
  if (buf.length > WASM_ANCHORS_MAX_BYTES) return null;
  if (kernel === undefined) kernel = load();
  if (kernel === null) return null;
  const k = kernel;
  if (k.tables !== tables) {
    if (tables.bigrams.length !== QUADS - BIGRAMS || tables.quads.length !== FOLD_AT - QUADS || tables.trigrams.length !== BLOCK - TRIGRAMS) return null;
    k.bytes.set(tables.bigrams, BIGRAMS);
    k.bytes.set(tables.quads, QUADS);
    k.bytes.set(FOLD.subarray(0, 256), FOLD_AT);
    k.bytes.set(tables.trigrams, TRIGRAMS);
    k.tables = tables;
  }
  ensureMemory(k, BLOCK + buf.length + PAD);
  k.bytes.set(buf, BLOCK);
  k.bytes.fill(0, BLOCK + buf.length, BLOCK + buf.length + PAD);
  return k;
}

/**
 * The number-run spans of the whole block ([lo, hi] pairs of byte offsets, ascending), by the
 * kernel's `numbers`; a view of the kernel's memory, valid until its next call.
 */
function blockNumbers(k: Kernel, blockLen: number): Int32Array {
  const out = (BLOCK + blockLen + PAD + 3) & ~3;
  // Spans are ≥ 8 bytes apart: at most blockLen / 8 + 1 pairs, blockLen + 8 bytes.
  ensureMemory(k, out + blockLen + 16);
  const n = k.numbers(BLOCK, blockLen, BLOCK, out);
  return k.ints.subarray(out >> 2, (out >> 2) + n);
}

/**
 * The anchors of `lines` = textBlockLines(buf) (split at '\n', a trailing '\r' dropped, no empty
 * entry after a final '\n'), or null when the lines do not line up with the bytes.
 */
export function textAnchors(buf: Uint8Array, lines: readonly string[], keywords: KeywordFinder): TextAnchors | null {
  const k = kernelFor(buf, keywords.tables);
  return k === null ? textAnchorsJs(buf, lines, keywords.tables) : textAnchorsKernel(k, buf, lines);
}

/** textAnchors by the kernel: every line marked in one call (text-anchors.wat `markBlock`). */
function textAnchorsKernel(k: Kernel, buf: Uint8Array, lines: readonly string[]): TextAnchors | null {
  const count = lines.length;
  const len = buf.length;
  const spans = blockNumbers(k, len).slice();
  // After the block: the line table (16 bytes a line), then room for one candidate of each kind a byte.
  const tab = (BLOCK + len + PAD + 3) & ~3;
  const kwOut = tab + 16 * (count + 1);
  const nameOut = kwOut + 4 * len;
  ensureMemory(k, nameOut + 4 * len + 16);
  if (k.markBlock(BLOCK, len, kwOut, nameOut, tab) !== count) return null;
  const ints = k.ints;
  const t0 = tab >> 2;
  const nk = count > 0 ? ints[t0 + 4 * (count - 1)] : 0;
  const nn = count > 0 ? ints[t0 + 4 * (count - 1) + 1] : 0;
  const kw = ints.slice(kwOut >> 2, (kwOut >> 2) + nk);
  const name = ints.slice(nameOut >> 2, (nameOut >> 2) + nn);
  const ascii = new Uint8Array(count);
  const kwAt = new Int32Array(count + 1);
  const nameAt = new Int32Array(count + 1);
  const numAt = new Int32Array(count + 1);
  const num = new Int32Array(spans.length);
  const numCount = spans.length;
  /** The next of `spans` (block offsets) not yet given to a line, and the number given. */
  let nj = 0;
  let nq = 0;
  for (let i = 0, t = t0; i < count; i++, t += 4) {
    kwAt[i + 1] = ints[t];
    nameAt[i + 1] = ints[t + 1];
    numAt[i] = nq;
    const s = ints[t + 2];
    const e = ints[t + 3] >> 1;
    // A line the kernel marked is ASCII; its string must then be as long as its bytes, as in textAnchorsJs.
    if ((ints[t + 3] & 1) === 0 || lines[i].length !== e - s) continue;
    ascii[i] = 1;
    // This line's spans, as offsets in the line ('\r' and '\n' are not in a span, so a span
    // lies within one line).
    while (nj < numCount && spans[nj] < s) nj += 2;
    for (; nj < numCount && spans[nj] < e; nj += 2) {
      num[nq++] = spans[nj] - s;
      num[nq++] = spans[nj + 1] - s;
    }
  }
  numAt[count] = nq;
  return { ascii, kwAt, kw, nameAt, name, numAt, num };
}

/** textAnchors without the kernel: each ASCII line walked by markLine; no number-run spans. */
function textAnchorsJs(buf: Uint8Array, lines: readonly string[], tables: KeywordFinder['tables']): TextAnchors | null {
  const count = lines.length;
  const ascii = new Uint8Array(count);
  const kwAt = new Int32Array(count + 1);
  const nameAt = new Int32Array(count + 1);
  // At most one candidate of each kind a byte.
  let kw: Int32Array = new Int32Array(1024);
  let name: Int32Array = new Int32Array(1024);
  let nk = 0;
  let nn = 0;
  let s = 0;
  // Logs are mostly ASCII: one native test of the block spares a test a line.
  const allAscii = isAscii(buf);
  for (let i = 0; i < count; i++) {
    kwAt[i] = nk;
    nameAt[i] = nn;
    if (s > buf.length) return null;
    let nl = buf.indexOf(10, s);
    if (nl === -1) nl = buf.length;
    let e = nl;
    if (e > s && buf[e - 1] === 13) e--;
    const n = e - s;
    if (lines[i].length === n && (allAscii || isAscii(buf.subarray(s, e)))) {
      if (kw.length - nk < n) kw = grow(kw, nk + n);
      if (name.length - nn < n) name = grow(name, nn + n);
      ascii[i] = 1;
      markLine(buf, s, n, tables, kw, nk, name, nn);
      nk = ENDS[0];
      nn = ENDS[1];
    }
    s = nl + 1;
  }
  // Every byte belongs to a line: the last line ends at the block's end (or its final '\n').
  if (s < buf.length) return null;
  kwAt[count] = nk;
  nameAt[count] = nn;
  return { ascii, kwAt, kw, nameAt, name, numAt: null, num: null };
}

function grow(a: Int32Array, min: number): Int32Array {
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}
