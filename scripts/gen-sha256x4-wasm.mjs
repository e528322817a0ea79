#!/usr/bin/env node
/**
 * Generates src/assessment/scanner/engine/sha256x4.wasm.ts: a WebAssembly module (SIMD, 128-bit)
 * that runs one SHA-256 compression (FIPS 180-4 §6.2.2) on four single-block messages at once,
 * one per 32-bit lane, starting from a given chaining state (the scan's keyed prefix, see
 * keyed-sha256.ts). The binary is written by hand here — a few opcodes, no toolchain — and
 * embedded as base64; keyed-sha256.test.ts checks its digests against node:crypto.
 *
 *   node scripts/gen-sha256x4-wasm.mjs           (rerun after editing; commit the output)
 *   node scripts/gen-sha256x4-wasm.mjs --check   (exit 1 if the committed file differs; run by the tests)
 *
 * Memory layout (one 64 KiB page per 256 groups of 4 messages, grown by the caller):
 *   [0, 32)                       chaining state h0..h7 (u32 each), the same for every message
 *   [64, 64 + 256·G)              group g: word t of lane j at 64 + 256g + 16t + 4j
 *   [OUT(G), OUT + 32·G)          group g: h0 of lanes 0–3, then h1 of lanes 0–3 (u32 each)
 * The exported `run(groups, outOffset)` computes groups [0, groups).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

// ---- encoding helpers (WebAssembly core spec §5, SIMD opcodes from the 128-bit SIMD proposal) ----
const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (n) => {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];
const str = (s) => vec([...Buffer.from(s)].map((b) => [b]));

const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  localGet: (i) => [0x20, ...uleb(i)],
  localSet: (i) => [0x21, ...uleb(i)],
  i32Const: (n) => [0x41, ...sleb(n | 0)],
  i32Load: (offset) => [0x28, 2, ...uleb(offset)],
  i32Add: [0x6a],
  i32Shl: [0x74],
  i32GeU: [0x4f],
  brIf: (d) => [0x0d, ...uleb(d)],
  br: (d) => [0x0c, ...uleb(d)],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  simd: (code) => [0xfd, ...uleb(code)],
};
const v = {
  load: (offset) => [...op.simd(0x00), 4, ...uleb(offset)],
  store: (offset) => [...op.simd(0x0b), 4, ...uleb(offset)],
  splat32: op.simd(0x11),
  and: op.simd(0x4e),
  or: op.simd(0x50),
  xor: op.simd(0x51),
  bitselect: op.simd(0x52),
  shl: op.simd(0xab),
  shrU: op.simd(0xad),
  add: op.simd(0xae),
  const32: (n) => [...op.simd(0x0c), ...[0, 1, 2, 3].flatMap(() => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff])],
};

// ---- locals: params first -------------------------------------------------------------------
const P_GROUPS = 0;
const P_OUT = 1;
const L_G = 2;
const L_P = 3; // message pointer of group g
const L_Q = 4; // output pointer of group g
const PRE = 5; // 8 v128: chaining state, splat
const S = PRE + 8; // 8 v128: working variables a..h
const W = S + 8; // 16 v128: message schedule (rolling)
const T1 = W + 16;
const T2 = T1 + 1;
const localDecl = vec([
  [...uleb(3), I32],
  [...uleb(8 + 8 + 16 + 2), V128],
]);

const body = [];
const emit = (...parts) => {
  for (const p of parts) body.push(...p);
};
// rotr(x) for the value on top of the stack, kept in local `tmp` meanwhile
function rotr(local, n) {
  emit(op.localGet(local), op.i32Const(n), v.shrU, op.localGet(local), op.i32Const(32 - n), v.shl, v.or);
}
function bigSigma(local, a, b, c) {
  rotr(local, a);
  rotr(local, b);
  emit(v.xor);
  rotr(local, c);
  emit(v.xor);
}
function smallSigma(local, a, b, s) {
  rotr(local, a);
  rotr(local, b);
  emit(v.xor, op.localGet(local), op.i32Const(s), v.shrU, v.xor);
}

// prefix state → splat
for (let i = 0; i < 8; i++) emit(op.i32Const(0), op.i32Load(i * 4), v.splat32, op.localSet(PRE + i));
emit(op.block, op.loop);
// if g >= groups: break
emit(op.localGet(L_G), op.localGet(P_GROUPS), op.i32GeU, op.brIf(1));
// p = 64 + g * 256 ; q = out + g * 32
emit(op.localGet(L_G), op.i32Const(8), op.i32Shl, op.i32Const(64), op.i32Add, op.localSet(L_P));
emit(op.localGet(L_G), op.i32Const(5), op.i32Shl, op.localGet(P_OUT), op.i32Add, op.localSet(L_Q));
for (let t = 0; t < 16; t++) emit(op.localGet(L_P), v.load(16 * t), op.localSet(W + t));
for (let i = 0; i < 8; i++) emit(op.localGet(PRE + i), op.localSet(S + i));
// Working variables are renamed each round instead of moved: name[k] = local of a,b,…,h.
let name = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => S + i);
for (let t = 0; t < 64; t++) {
  const w = W + (t % 16);
  if (t >= 16) {
    // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]
    smallSigma(W + ((t - 2) % 16), 17, 19, 10);
    emit(op.localGet(W + ((t - 7) % 16)), v.add);
    smallSigma(W + ((t - 15) % 16), 7, 18, 3);
    emit(v.add, op.localGet(w), v.add, op.localSet(w));
  }
  const [a, b, c, d, e, f, g, h] = name;
  // T1 = h + Σ1(e) + Ch(e,f,g) + K[t] + W[t]; Ch = bitselect(f, g, e)
  emit(op.localGet(h));
  bigSigma(e, 6, 11, 25);
  emit(v.add, op.localGet(f), op.localGet(g), op.localGet(e), v.bitselect, v.add, v.const32(K[t]), v.add, op.localGet(w), v.add, op.localSet(T1));
  // T2 = Σ0(a) + Maj(a,b,c); Maj = bitselect(b, a, a ^ c)
  bigSigma(a, 2, 13, 22);
  emit(op.localGet(b), op.localGet(a), op.localGet(a), op.localGet(c), v.xor, v.bitselect, v.add, op.localSet(T2));
  // d += T1; h = T1 + T2; then rename (a..h) ← (h, a, b, c, d, e, f, g)
  emit(op.localGet(d), op.localGet(T1), v.add, op.localSet(d));
  emit(op.localGet(T1), op.localGet(T2), v.add, op.localSet(h));
  name = [h, a, b, c, d, e, f, g];
}
// out: h0 = a + pre0, h1 = b + pre1 (the rest of the digest is not used: 64-bit truncation)
emit(op.localGet(L_Q), op.localGet(name[0]), op.localGet(PRE), v.add, v.store(0));
emit(op.localGet(L_Q), op.localGet(name[1]), op.localGet(PRE + 1), v.add, v.store(16));
emit(op.localGet(L_G), op.i32Const(1), op.i32Add, op.localSet(L_G), op.br(0), op.end, op.end, op.end);

const code = [...localDecl, ...body];
const module = [
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec([[I32], [I32]]), ...vec([])]])), // type 0: (i32, i32) -> ()
  ...section(3, vec([uleb(0)])), // func 0: type 0
  ...section(5, vec([[0x00, ...uleb(1)]])), // memory 0: min 1 page
  ...section(7, vec([[...str('memory'), 0x02, ...uleb(0)], [...str('run'), 0x00, ...uleb(0)]])),
  ...section(10, vec([[...uleb(code.length), ...code]])),
];
const b64 = Buffer.from(module).toString('base64');
const out = new URL('../src/assessment/scanner/engine/sha256x4.wasm.ts', import.meta.url);
const text = `// Generated by scripts/gen-sha256x4-wasm.mjs — do not edit; rerun the script instead.
// Four SHA-256 compressions at once (WebAssembly SIMD); layout and use: that script and keyed-sha256.ts.
export const SHA256X4_WASM = '${b64}';
`;
if (process.argv.includes('--check')) {
  const same = readFileSync(out, 'utf8') === text;
  console.log(same ? 'sha256x4.wasm.ts is up to date' : 'sha256x4.wasm.ts differs from the generator: rerun it');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
console.log(`wrote ${out.pathname} (${module.length} bytes)`);
