/**
 * countBlockRows's WebAssembly SIMD kernel (csv-rows.wat, embedded by scripts/gen-wasm.mjs).
 * csv-block.ts calls wasmCountRows first and its JavaScript loop when this answers null: no
 * WebAssembly SIMD here, a delimiter the kernel cannot take, or a block over the cap.
 * Measured on the 100 MB dense CSV in 1 MiB blocks: see bench/README.md.
 */
import { compileWasm, WA, type WasmMemory } from '../wasm.js';
import { CSV_ROWS_WASM } from './csv-rows.wasm.js';

/**
 * The largest block copied into the kernel's memory. WebAssembly memory never shrinks, so one
 * huge block (a single 200 MB line is a real input) would pin its size on the reading thread for
 * the rest of the process; blocks are ≈ 512 KiB (readers/dispatch.ts tuning.blockBytes), and a
 * bigger one is rare enough that the JavaScript loop costs nothing that matters.
 */
export const WASM_ROWS_MAX_BYTES = 16 * 1024 * 1024;
/** Zeroed bytes after the block: the kernel loads the last, partial 16-byte chunk whole. */
const PAD = 16;
const PAGE = 65536;
const LF = 10;

interface Kernel {
  count: (len: number, delim: number, width: number) => number;
  memory: WasmMemory;
  /** A view of memory; replaced after a grow (growing detaches the old buffer). */
  bytes: Uint8Array;
}

/** Instantiated on first use, once per thread (module state is per thread); null without SIMD. */
let kernel: Kernel | null | undefined;

function load(): Kernel | null {
  const mod = compileWasm(CSV_ROWS_WASM);
  if (!mod || !WA) return null;
  const inst = new WA.Instance(mod);
  const memory = inst.exports.memory as WasmMemory;
  return { count: inst.exports.count as Kernel['count'], memory, bytes: new Uint8Array(memory.buffer) };
}

/** Whether countBlockRows runs the WebAssembly SIMD kernel on this runtime (the tests assert it does on Node 20). */
export function wasmRowsActive(): boolean {
  if (kernel === undefined) kernel = load();
  return kernel !== null;
}

/**
 * countBlockRows by the SIMD kernel: the same result for every input, or null when the kernel
 * does not take this call and the caller must run the JavaScript loop.
 */
export function wasmCountRows(buf: Uint8Array, delim: number, width: number): number | null {
  const n = buf.length;
  if (n > WASM_ROWS_MAX_BYTES) return null;
  // The kernel compares single bytes and zero-pads the tail (so 0 cannot be the delimiter), and
  // the JavaScript loop tests delim before LF (an LF delimiter never ends a line): both fall back.
  if (!Number.isInteger(delim) || delim <= 0 || delim > 0xff || delim === LF) return null;
  // Widths below 1 or not integers behave subtly in the JavaScript loop (a line without a
  // delimiter is never "too wide"); no caller passes one, so they simply fall back too.
  if (!Number.isInteger(width) || width < 1) return null;
  if (kernel === undefined) kernel = load();
  if (kernel === null) return null;
  const k = kernel;
  if (k.bytes.length < n + PAD) {
    k.memory.grow(Math.ceil((n + PAD - k.bytes.length) / PAGE));
    k.bytes = new Uint8Array(k.memory.buffer);
  }
  k.bytes.set(buf);
  k.bytes.fill(0, n, n + PAD);
  // No line holds more than n + 1 fields, so a larger width is the same as "no limit" and keeps
  // the argument an i32.
  return k.count(n, delim, Math.min(width, 0x7fffffff));
}
