/**
 * The name lists' word tables (word-table.ts) in a binary form the build makes once
 * (scripts/bundle-scan-worker.mjs → engine/name-tables-file.ts), so that a scan's threads read
 * them instead of each building them: building the three tables cost ≈ 15–40 CPU-ms a detection
 * thread that met free text, reading and checking them ≈ 5 (bench/README.md, section fixed23).
 *
 * The form is trusted only for the lists it was made from: its header holds the SHA-256 of the
 * lists (the key) and of the slot arrays after it (their integrity). Tables made from other lists
 * (a list regenerated after the build), a cut or altered file, another format or another byte
 * order are refused (null), and the caller builds the tables as without the file.
 *
 * Layout (native byte order, which the magic number checks): HEADER bytes — magic, format, the
 * number of tables, then per table its slot count (a power of two); the lists' digest; the
 * payload's digest — then per table its `at` then its `len` slots, 32-bit each.
 */
import { createHash } from 'node:crypto';
import { COMMON_WORDS, FIRST_NAMES, LAST_NAMES } from './name-lists.data.js';
import { WordTable } from './word-table.js';

/** The lists text-names.ts looks words up in, in the order the file holds their tables. */
export const NAME_LISTS: readonly string[] = [FIRST_NAMES, LAST_NAMES, COMMON_WORDS];

/** 'BDNT' as a little-endian 32-bit number: read back as another number, the byte order differs. */
const MAGIC = 0x544e4442;
/** Bump on any change to the layout or to how WordTable places words (its hash or probing). */
const FORMAT = 1;
const MAX_TABLES = 8;
/** magic, format, count, MAX_TABLES slot counts (u32 each), then two SHA-256 digests. */
const HEADER = 4 * (3 + MAX_TABLES) + 32 + 32;
const LISTS_DIGEST = 4 * (3 + MAX_TABLES);
const PAYLOAD_DIGEST = LISTS_DIGEST + 32;

/** The key of a set of lists: SHA-256 over the format and each list with its length (no list can run into the next). */
function listsDigest(lists: readonly string[]): Buffer {
  const h = createHash('sha256').update(`word-tables ${FORMAT} ${lists.length}\n`);
  for (const l of lists) h.update(`${l.length}:`).update(l);
  return h.digest();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** The binary form of `tables`, each built from the list at the same index of `lists`. */
export function encodeWordTables(lists: readonly string[], tables: readonly WordTable[]): Uint8Array {
  if (lists.length !== tables.length || lists.length > MAX_TABLES) throw new RangeError('one table a list, at most 8');
  const parts = tables.map((t) => t.parts());
  const slots = parts.reduce((n, p) => n + p.at.length, 0);
  const out = new Uint8Array(HEADER + 8 * slots);
  const head = new Uint32Array(out.buffer, 0, 3 + MAX_TABLES);
  head[0] = MAGIC;
  head[1] = FORMAT;
  head[2] = parts.length;
  let o = HEADER;
  parts.forEach((p, i) => {
    head[3 + i] = p.at.length;
    for (const a of [p.at, p.len]) {
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), o);
      o += a.byteLength;
    }
  });
  out.set(listsDigest(lists), LISTS_DIGEST);
  out.set(sha256(out.subarray(HEADER)), PAYLOAD_DIGEST);
  return out;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The tables of `lists` from `bytes` (as encodeWordTables wrote them for the same lists), or null
 * when `bytes` is anything else. The slot arrays are views of `bytes` (copied first only when
 * `bytes` does not start on a 4-byte boundary).
 */
export function decodeWordTables(bytes: Uint8Array, lists: readonly string[]): WordTable[] | null {
  if (bytes.length < HEADER || lists.length > MAX_TABLES) return null;
  const own = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const head = new Uint32Array(own.buffer, own.byteOffset, 3 + MAX_TABLES);
  if (head[0] !== MAGIC || head[1] !== FORMAT || head[2] !== lists.length) return null;
  let slots = 0;
  for (let i = 0; i < lists.length; i++) {
    const n = head[3 + i];
    // WordTable's slot counts: powers of two from 8.
    if (n < 8 || (n & (n - 1)) !== 0 || n > 1 << 28) return null;
    slots += n;
  }
  if (own.length !== HEADER + 8 * slots) return null;
  if (!equalBytes(own.subarray(LISTS_DIGEST, LISTS_DIGEST + 32), listsDigest(lists))) return null;
  if (!equalBytes(own.subarray(PAYLOAD_DIGEST, PAYLOAD_DIGEST + 32), sha256(own.subarray(HEADER)))) return null;
  let o = own.byteOffset + HEADER;
  return lists.map((list, i) => {
    const n = head[3 + i];
    const at = new Int32Array(own.buffer, o, n);
    const len = new Int32Array(own.buffer, o + 4 * n, n);
    o += 8 * n;
    return new WordTable(list, { at, len });
  });
}
