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

export class PartitionedLog {
  readonly #bufs: Uint32Array[];
  readonly #used: Int32Array;
  readonly #fds: (number | null)[];
  readonly #files: string[];
  /** Bytes written to each partition's file (sizes read buffers to what is really there). */
  readonly #fileBytes: Float64Array;
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
    this.#bufs = Array.from({ length: partitions }, () => new Uint32Array(0));
    this.#used = new Int32Array(partitions);
    this.#fds = new Array(partitions).fill(null);
    this.#fileBytes = new Float64Array(partitions);
    this.#files = Array.from({ length: partitions }, (_, i) => `log${seq++}-${i}.bin`);
  }

  get spilledBytes(): number {
    return this.#spilledBytes;
  }

  /** Reserve one record in partition `p`; write its words at the returned offset of `buffer(p)`. */
  reserve(p: number): number {
    let used = this.#used[p];
    let buf = this.#bufs[p];
    if (used + this.words > buf.length) {
      if (buf.length < this.#capWords) {
        const grown = new Uint32Array(Math.min(this.#capWords, Math.max(this.words * 256, buf.length * 2)));
        grown.set(buf.subarray(0, used));
        this.#bufs[p] = buf = grown;
      } else {
        this.#flush(p);
        used = 0;
      }
    }
    this.#used[p] = used + this.words;
    return used;
  }

  buffer(p: number): Uint32Array {
    return this.#bufs[p];
  }

  #flush(p: number): void {
    let fd = this.#fds[p];
    if (fd === null) {
      fd = openSync(join(this.temp.path, this.#files[p]), 'a+');
      this.#fds[p] = fd;
    }
    const buf = this.#bufs[p];
    const bytes = this.#used[p] * 4;
    writeSync(fd, new Uint8Array(buf.buffer, buf.byteOffset, bytes));
    this.#spilledBytes += bytes;
    this.#fileBytes[p] += bytes;
    this.#used[p] = 0;
  }

  /** Records of partition `p` in chunks of at most `chunkBytes` (file part first, then memory). */
  *chunks(p: number, chunkBytes = 8 << 20): Iterable<Uint32Array> {
    const fd = this.#fds[p];
    if (fd !== null) {
      const recBytes = this.words * 4;
      // Never allocate more than the file holds: load() asks for 1 GiB chunks, and zero-filling
      // a 1 GiB buffer per partition cost more than reading the data.
      const size = Math.min(this.#fileBytes[p], Math.max(recBytes, Math.floor(chunkBytes / recBytes) * recBytes));
      let pos = 0;
      while (pos < this.#fileBytes[p]) {
        // A fresh array per chunk: callers may keep chunks (load() concatenates them).
        const chunk = new Uint8Array(Math.min(size, this.#fileBytes[p] - pos));
        let got = 0;
        while (got < chunk.length) {
          const n = readSync(fd, chunk, got, chunk.length - got, pos + got);
          if (n <= 0) break;
          got += n;
        }
        if (got === 0) break;
        pos += got;
        yield new Uint32Array(chunk.buffer, 0, got >>> 2);
      }
    }
    if (this.#used[p] > 0) yield this.#bufs[p].subarray(0, this.#used[p]);
  }

  /** The whole partition in one array (one partition is small by construction). */
  load(p: number): Uint32Array {
    const parts = [...this.chunks(p, 1 << 30)];
    if (parts.length === 1) return parts[0];
    const out = new Uint32Array(parts.reduce((n, a) => n + a.length, 0));
    let o = 0;
    for (const a of parts) {
      out.set(a, o);
      o += a.length;
    }
    return out;
  }

  /** Free partition `p` (memory and file handle) once processed. */
  release(p: number): void {
    this.#bufs[p] = new Uint32Array(0);
    this.#used[p] = 0;
    const fd = this.#fds[p];
    if (fd !== null) closeSync(fd);
    this.#fds[p] = null;
  }

  close(): void {
    for (let p = 0; p < this.partitions; p++) this.release(p);
  }
}
