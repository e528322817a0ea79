/**
 * The few WebAssembly APIs the scanner's kernels use (engine/keyed-siphash.ts,
 * readers/csv-rows.ts). This project's TypeScript libs (ES2023 + @types/node) do not declare
 * WebAssembly, and pulling in the DOM lib for it would let browser globals type-check in server
 * code; so only these shapes are declared, once.
 */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

export interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The runtime's WebAssembly, or undefined where there is none (a runtime built without it). */
export const WA = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/**
 * An embedded (base64) module compiled synchronously — the kernels are a few hundred bytes, well
 * under the size where V8 refuses synchronous compilation on the main thread. Null where
 * WebAssembly is missing or rejects the module (a runtime without SIMD fails validation here), so
 * callers fall back to their JavaScript path.
 */
export function compileWasm(base64: string): object | null {
  if (!WA) return null;
  try {
    return new WA.Module(Buffer.from(base64, 'base64'));
  } catch {
    return null;
  }
}
