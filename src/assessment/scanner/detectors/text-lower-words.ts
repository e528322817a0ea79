/**
 * The WebAssembly word walk of lowerCaseNamesFast (text-lower-words.wat) for ASCII text (wide21):
 * a lower-case free-text cell (a customer export's notes, a support transcript) is copied into the
 * kernel's memory by one native UTF-8 write — which also tells whether it is ASCII: as many bytes
 * as characters — and walked there. Text beyond ASCII, or a runtime without WebAssembly, takes
 * the JavaScript walk (text-lower-names.ts), which the tests compare with this one.
 *
 * scanText's pass over a cell (text21, `cellPass`) runs on the same copy: the keyword candidates
 * and which anchor characters the cell holds, so that scanText skips the passes that cannot find
 * anything; the word walk after it on the same text does not copy it again.
 */
import { compileWasm, WA, type WasmMemory } from '../wasm.js';
import { FOLD } from './text-keywords.js';
import { TEXT_LOWER_WORDS_WASM } from './text-lower-words.wasm.js';

/** Anchor classes of a cell's bytes (`cellPass`): each the character a scanText pass starts from. */
export const CLASS_DIGIT = 1;
export const CLASS_AT = 2;
export const CLASS_PERCENT = 4;
export const CLASS_COLON = 8;
export const CLASS_UPPER = 16;
export const CLASS_NEWLINE = 32;
const CLASS_OF = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS_OF[c] = CLASS_DIGIT;
for (let c = 65; c <= 90; c++) CLASS_OF[c] = CLASS_UPPER;
CLASS_OF[64] = CLASS_AT;
CLASS_OF[37] = CLASS_PERCENT;
CLASS_OF[58] = CLASS_COLON;
CLASS_OF[10] = CLASS_NEWLINE;

/** Where text-lower-words.wat expects its tables and the text. */
const BLOOM = 0;
const CUE_TAILS = 131072;
const FOLDS = 147456;
const CLASSES = 147584;
const TRIPLES = 147712;
const QUADS = 213248;
const TEXT = 278784;
/** Zero bytes after the text (the kernel reads up to 3 past a word's end). */
const PAD = 4;
const PAGE = 65536;
/** Longer texts take the JavaScript walk: WebAssembly memory never shrinks. */
export const LOWER_WORDS_MAX_CHARS = 1 << 20;

interface Kernel {
  words: (p: number, n: number, out: number, cues: number) => number;
  cell: (p: number, n: number, out: number) => number;
  cueCount: { value: number };
  mask: { value: number };
  memory: WasmMemory;
  bytes: Buffer;
  ints: Int32Array;
  /** The Bloom filter and cue-tail table in memory now. */
  bloom: Int32Array | null;
  tails: Uint8Array | null;
  /** The keyword tables in memory now. */
  triples: Uint8Array | null;
  /** The text at TEXT now (ASCII, padded), or null. */
  loaded: string | null;
}
let kernel: Kernel | null | undefined;

function instantiate(): Kernel | null {
  const mod = compileWasm(TEXT_LOWER_WORDS_WASM);
  if (!mod || !WA) return null;
  const inst = new WA.Instance(mod);
  const memory = inst.exports.memory as WasmMemory;
  const k: Kernel = {
    words: inst.exports.words as Kernel['words'],
    cell: inst.exports.cell as Kernel['cell'],
    cueCount: inst.exports.cueCount as Kernel['cueCount'],
    mask: inst.exports.mask as Kernel['mask'],
    memory,
    bytes: Buffer.from(memory.buffer),
    ints: new Int32Array(memory.buffer),
    bloom: null,
    tails: null,
    triples: null,
    loaded: null,
  };
  k.bytes.set(FOLD.subarray(0, 128), FOLDS);
  k.bytes.set(CLASS_OF, CLASSES);
  return k;
}

/** Test hook: off, every text takes the JavaScript walk. */
export function useLowerWordsKernel(on: boolean): void {
  kernel = on ? instantiate() : null;
}

/** Whether the kernel runs on this thread (the tests assert it does on Node 20). */
export function lowerWordsKernelActive(): boolean {
  if (kernel === undefined) kernel = instantiate();
  return kernel !== null;
}

/** `text` at TEXT, padded with zero bytes (unless it is there already); false when it is not ASCII. */
function load(k: Kernel, text: string): boolean {
  if (k.loaded === text) return true;
  const n = text.length;
  // A character ≥ 128 (a lone surrogate too) writes ≥ 2 bytes: as many bytes as characters = ASCII.
  if (k.bytes.write(text, TEXT, 'utf8') !== n) {
    k.loaded = null;
    return false;
  }
  k.bytes.fill(0, TEXT + n, TEXT + n + PAD);
  k.loaded = text;
  return true;
}

function ensureMemory(k: Kernel, size: number): void {
  if (k.bytes.length >= size) return;
  k.memory.grow(Math.ceil((size - k.bytes.length) / PAGE));
  k.bytes = Buffer.from(k.memory.buffer);
  k.ints = new Int32Array(k.memory.buffer);
}

/**
 * The kernel's answer for the last text walked (views and counts reused from call to call: a
 * cell is walked in well under a microsecond, and an object a call showed up as GC): word j of
 * the pair candidates is [ints[pairAt + 2j], ints[pairAt + 2j + 1]), cue end j is ints[cueAt + j].
 */
export const LOWER_WORDS: { ints: Int32Array; pairAt: number; pairCount: number; cueAt: number; cueCount: number } = { ints: new Int32Array(0), pairAt: 0, pairCount: 0, cueAt: 0, cueCount: 0 };

/**
 * The walk of `text` by the kernel, with `bloom` (2^20 bits) and `tails` (16,384 bytes) as its
 * tables, into LOWER_WORDS; false when the text is not ASCII, too long, or there is no kernel.
 */
export function lowerWords(text: string, bloom: Int32Array, tails: Uint8Array): boolean {
  const n = text.length;
  if (n > LOWER_WORDS_MAX_CHARS) return false;
  if (kernel === undefined) kernel = instantiate();
  if (kernel === null) return false;
  const k = kernel;
  // Room for the UTF-8 of any text of n characters (≤ 3 bytes each), then the outputs.
  const out = (TEXT + 3 * n + PAD + 3) & ~3;
  ensureMemory(k, out + 12 * n + 16);
  if (k.bloom !== bloom) {
    k.bytes.set(new Uint8Array(bloom.buffer, bloom.byteOffset, bloom.byteLength), BLOOM);
    k.bloom = bloom;
  }
  if (k.tails !== tails) {
    k.bytes.set(tails, CUE_TAILS);
    k.tails = tails;
  }
  if (!load(k, text)) return false;
  // At most one pair a 3 characters ("ab c…"), one cue end a 3: n pairs and n ends are room enough.
  const cues = out + 8 * n;
  const r = LOWER_WORDS;
  r.pairCount = k.words(TEXT, n, out, cues);
  r.cueCount = k.cueCount.value;
  r.ints = k.ints;
  r.pairAt = out >> 2;
  r.cueAt = cues >> 2;
  return true;
}

/**
 * scanText's pass over an ASCII cell (text21), into CELL: `ints[kwAt … kwAt + kwCount)` are what
 * `KeywordFinder.candidates` would write for the text, `mask` the OR of its characters' CLASS_*
 * (a class absent from it: no character there starts what that class anchors). False when the
 * text is not ASCII, shorter than 4 or too long, or there is no kernel; the text then takes the
 * JavaScript passes. `tables`: the keyword finder's (copied into the kernel once).
 */
export function cellPass(text: string, tables: { readonly triples: Uint8Array; readonly quads: Uint8Array }): boolean {
  const n = text.length;
  if (n < 4 || n > LOWER_WORDS_MAX_CHARS) return false;
  if (kernel === undefined) kernel = instantiate();
  if (kernel === null) return false;
  const k = kernel;
  // lowerWords' room (text, pairs, cue ends), then the candidates: one more than the characters.
  const out = ((TEXT + 3 * n + PAD + 3) & ~3) + 12 * n + 16;
  ensureMemory(k, out + 4 * n + 8);
  if (k.triples !== tables.triples) {
    k.bytes.set(tables.triples, TRIPLES);
    k.bytes.set(tables.quads, QUADS);
    k.triples = tables.triples;
  }
  if (!load(k, text)) return false;
  const c = CELL;
  c.kwCount = k.cell(TEXT, n, out);
  c.mask = k.mask.value;
  c.ints = k.ints;
  c.kwAt = out >> 2;
  return true;
}

/** The kernel's answer for the last cell passed (cellPass), reused from call to call. */
export const CELL: { ints: Int32Array; kwAt: number; kwCount: number; mask: number } = { ints: new Int32Array(0), kwAt: 0, kwCount: 0, mask: 0 };
