/**
 * Append-only logs of fixed-size uint32 records, hash-partitioned, that live in memory up to a
 * budget and then spill to plain temporary files (sequential writes, ~GB/s). This is how the
 * engine keeps exact distinct counts and people linkage for inputs of any size in bounded RAM:
 * everything is grouped per partition at the end, one partition in memory at a time.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TempDir {
  #dir: string | null = null;
  constructor(readonly root: string = tmpdir()) {}
  get path(): string {
    this.#dir ??= mkdtempSync(join(this.root, 'breachdesk-scan-'));
    return this.#dir;
  }
  get created(): boolean {
    return this.#dir !== null;
  }
  remove(): void {
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = null;
  }
}

let seq = 0;

/**
 * Spilled data goes to one file per log, not one per partition: creating a file cost ≈ 1 ms on
 * these machines' disks, so a values log's 256 partition files cost ≈ 0.25–0.45 s of every scan
 * that spilled, small or large (bench/README.md, 2026-11-27). A flush appends the partition's
 * buffer at the file's end and remembers where (an extent); a partition is read back extent by
 * extent. The flushed buffers are `memoryBytes / partitions` each, so extents are large.
 */
export class PartitionedLog {
  /**
   * All partitions' in-memory records in one array, partition p at [p · capWords, (p + 1) · capWords).
   * One array, not one per partition: the per-record capacity check then reads only hot typed
   * arrays, where reaching a partition's own array object missed the CPU cache once per value
   * (≈ 26 % of the people index's append time on the 1 GB CSV, bench/README.md). The pages of a
   * partition's region are only touched, so only resident, as records arrive.
   */
  #data: Uint32Array;
  readonly #used: Int32Array;
  #fd: number | null = null;
  readonly #file = `log${seq++}.bin`;
  #fileEnd = 0;
  /** Per partition: its extents in the file, as (offset, bytes) pairs, in write order. */
  readonly #extents: number[][];
  readonly #capWords: number;
  #spilledBytes = 0;

  /** `words` uint32 per record; `partitions` a power of two; `memoryBytes` total buffer budget. */
  constructor(
    readonly words: number,
    readonly partitions: number,
    memoryBytes: number,
    readonly temp: TempDir,
  ) {
    this.#capWords = Math.max(words, Math.floor(memoryBytes / 4 / partitions / words) * words);
    this.#data = new Uint32Array(this.#capWords * partitions);
    this.#used = new Int32Array(partitions);
    this.#extents = Array.from({ length: partitions }, () => []);
  }

  get spilledBytes(): number {
    return this.#spilledBytes;
  }

  /**
   * Reserve one record in partition `p`: its words go at the returned offset of `buffer(p)`
   * (the offset is into the shared array, so only valid until the next reserve of `p`).
   */
  reserve(p: number): number {
    let used = this.#used[p];
    if (used + this.words > this.#capWords) {
      this.#flush(p);
      used = 0;
    }
    this.#used[p] = used + this.words;
    return p * this.#capWords + used;
  }

  buffer(_p: number): Uint32Array {
    return this.#data;
  }

  /** One record of three words (a log made with `words` = 3). */
  append3(p: number, a: number, b: number, c: number): void {
    const at = this.reserve(p);
    const buf = this.#data;
    buf[at] = a;
    buf[at + 1] = b;
    buf[at + 2] = c;
  }

  /** One record of two words (a log made with `words` = 2). */
  append2(p: number, a: number, b: number): void {
    const at = this.reserve(p);
    const buf = this.#data;
    buf[at] = a;
    buf[at + 1] = b;
  }

  /**
   * Records of three words copied from `src` words [start, end) into partition `p`, the third word
   * (a record id) shifted by `delta` unless it is `keep` (NONE): a shard's partition renumbered
   * (shard-digests.ts) in runs as long as the buffer's room, not one reserve per record.
   */
  appendShifted(p: number, src: Uint32Array, start: number, end: number, delta: number, keep: number): void {
    let i = start;
    while (i < end) {
      let used = this.#used[p];
      if (used + this.words > this.#capWords) {
        this.#flush(p);
        used = 0;
      }
      const n = Math.min(end - i, this.#capWords - used);
      const buf = this.#data;
      const at = p * this.#capWords + used;
      for (let k = 0; k < n; k += 3) {
        buf[at + k] = src[i + k];
        buf[at + k + 1] = src[i + k + 1];
        const r = src[i + k + 2];
        buf[at + k + 2] = r === keep ? r : r + delta;
      }
      this.#used[p] = used + n;
      i += n;
    }
  }

  /** Partition p's records still in memory. */
  #inMemory(p: number): Uint32Array {
    const start = p * this.#capWords;
    return this.#data.subarray(start, start + this.#used[p]);
  }

  #flush(p: number): void {
    this.#fd ??= openSync(join(this.temp.path, this.#file), 'w+');
    const mem = this.#inMemory(p);
    const bytes = mem.length * 4;
    const view = new Uint8Array(mem.buffer, mem.byteOffset, bytes);
    let done = 0;
    while (done < bytes) done += writeSync(this.#fd, view, done, bytes - done, this.#fileEnd + done);
    this.#extents[p].push(this.#fileEnd, bytes);
    this.#fileEnd += bytes;
    this.#spilledBytes += bytes;
    this.#used[p] = 0;
  }

  /** Read `bytes` at file offset `pos` into `into` from byte `at`. */
  #read(into: Uint8Array, at: number, pos: number, bytes: number): void {
    let got = 0;
    while (got < bytes) {
      const n = readSync(this.#fd!, into, at + got, bytes - got, pos + got);
      if (n <= 0) throw new Error(`scan spill file ended early (${this.#file})`);
      got += n;
    }
  }

  /** Records of partition `p` in chunks of at most `chunkBytes` (spilled part first, then memory). */
  *chunks(p: number, chunkBytes = 8 << 20): Iterable<Uint32Array> {
    const recBytes = this.words * 4;
    const max = Math.max(recBytes, Math.floor(chunkBytes / recBytes) * recBytes);
    const ext = this.#extents[p];
    for (let e = 0; e < ext.length; e += 2) {
      // Extents hold whole records (a flush writes whole records), so chunks do too.
      for (let off = 0; off < ext[e + 1]; off += max) {
        const n = Math.min(max, ext[e + 1] - off);
        // A fresh array per chunk: callers may keep chunks.
        const chunk = new Uint8Array(n);
        this.#read(chunk, 0, ext[e] + off, n);
        yield new Uint32Array(chunk.buffer, 0, n >>> 2);
      }
    }
    if (this.#used[p] > 0) yield this.#inMemory(p);
  }

  /** The whole partition in one array of its own (one partition is small by construction). */
  load(p: number): Uint32Array {
    const ext = this.#extents[p];
    let spilled = 0;
    for (let e = 1; e < ext.length; e += 2) spilled += ext[e];
    const out = new Uint32Array(spilled / 4 + this.#used[p]);
    const bytes = new Uint8Array(out.buffer);
    let at = 0;
    for (let e = 0; e < ext.length; e += 2) {
      this.#read(bytes, at, ext[e], ext[e + 1]);
      at += ext[e + 1];
    }
    out.set(this.#inMemory(p), at / 4);
    return out;
  }

  /** Forget partition `p` once processed (its spilled bytes stay in the file until close). */
  release(p: number): void {
    this.#used[p] = 0;
    this.#extents[p] = [];
  }

  close(): void {
    for (let p = 0; p < this.partitions; p++) this.release(p);
    this.#data = new Uint32Array(0);
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}
