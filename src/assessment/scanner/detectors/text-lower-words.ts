/**
 * The WebAssembly word walk of lowerCaseNamesFast (text-lower-words.wat) for ASCII text (wide21):
 * a lower-case free-text cell (a customer export's notes, a support transcript) is copied into the
 * kernel's memory by one native UTF-8 write — which also tells whether it is ASCII: as many bytes
 * as characters — and walked there. Text beyond ASCII, or a runtime without WebAssembly, takes
 * the JavaScript walk (text-lower-names.ts), which the tests compare with this one.
 */
import { compileWasm, WA, type WasmMemory } from '../wasm.js';
import { TEXT_LOWER_WORDS_WASM } from './text-lower-words.wasm.js';

/** Where text-lower-words.wat expects its tables and the text. */
const BLOOM = 0;
const CUE_TAILS = 131072;
const TEXT = 147456;
/** Zero bytes after the text (the kernel reads up to 3 past a word's end). */
const PAD = 4;
const PAGE = 65536;
/** Longer texts take the JavaScript walk: WebAssembly memory never shrinks. */
export const LOWER_WORDS_MAX_CHARS = 1 << 20;

interface Kernel {
  words: (p: number, n: number, out: number, cues: number) => number;
  cueCount: { value: number };
  memory: WasmMemory;
  bytes: Buffer;
  ints: Int32Array;
  /** The Bloom filter and cue-tail table in memory now. */
  bloom: Int32Array | null;
  tails: Uint8Array | null;
}
let kernel: Kernel | null | undefined;

function load(): Kernel | null {
  const mod = compileWasm(TEXT_LOWER_WORDS_WASM);
  if (!mod || !WA) return null;
  const inst = new WA.Instance(mod);
  const memory = inst.exports.memory as WasmMemory;
  return {
    words: inst.exports.words as Kernel['words'],
    cueCount: inst.exports.cueCount as Kernel['cueCount'],
    memory,
    bytes: Buffer.from(memory.buffer),
    ints: new Int32Array(memory.buffer),
    bloom: null,
    tails: null,
  };
}

/** Test hook: off, every text takes the JavaScript walk. */
export function useLowerWordsKernel(on: boolean): void {
  kernel = on ? load() : null;
}

/** Whether the kernel runs on this thread (the tests assert it does on Node 20). */
export function lowerWordsKernelActive(): boolean {
  if (kernel === undefined) kernel = load();
  return kernel !== null;
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
  if (kernel === undefined) kernel = load();
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
  // A character ≥ 128 (a lone surrogate too) writes ≥ 2 bytes: as many bytes as characters = ASCII.
  if (k.bytes.write(text, TEXT, 'utf8') !== n) return false;
  k.bytes.fill(0, TEXT + n, TEXT + n + PAD);
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
