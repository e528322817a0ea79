/**
 * The reading half of a flow analysis: bytes of each input → lines → records (records.ts) →
 * compact batches for the analyser (analyse.ts). It runs on a thread of its own
 * (flow-parse.thread.ts) while the analysis runs on the caller's, so an analysis uses two cores;
 * under Vitest (no compiled thread file) it runs in the caller's thread, on the same batches
 * (flow-parsing.ts).
 *
 * A batch carries only what the analyser keeps: the count of records read, and for each record
 * from an internal host out with bytes (`FlowAnalyser.add`'s filter, applied here) its time,
 * bytes, port and line as numbers and its addresses and protocol as ids into tables the batches
 * fill (a string crosses once, when first used). Strings cross threads by copy and objects by
 * structured clone; numbers in one transferred Float64Array cost nothing per record.
 */
import { isAscii } from 'node:buffer';
import { internalMatcher } from './network.js';
import { detectReader, type FlowRecord, type LineReader } from './records.js';

export interface ParseOptions {
  internal?: string[];
  vpcFields?: string[];
}

/** Doubles a record takes in `Batch.rows`, in this order. */
export const ROW = 7;
export const TS = 0;
export const BYTES = 1;
export const DPORT = 2;
export const LINE = 3;
export const SRC = 4;
export const DST = 5;
export const PROTO = 6;

export interface Batch {
  /** Records read (any direction), as `FlowAnalyser.add` counts them. */
  records: number;
  /** Internal → external records with bytes out: `n` rows of ROW doubles (ids: ≥ 0 a table entry, < 0 `-(k + 1)` for `inline[k]`). */
  n: number;
  rows: Float64Array;
  /** Addresses and protocols first used in this batch, in id order. */
  addresses: string[];
  protos: string[];
  /** Strings past the tables' bound, sent with each record that has them (as the analyser's own bound does). */
  inline: string[];
  /** Broken lines: all counted, the first 20 of the analysis named (line, reason), as `FlowAnalyser.problem` keeps them. */
  skipped: number;
  problems: [number, string][];
}

/** A file the reader cannot be chosen for: the analysis stops (`BadInputError`, exit 2). */
export class UnreadableInput extends Error {}

/** Entries in each string table, as `FlowAnalyser.address`/`intern` bound theirs. */
const TABLE_BOUND = 1_000_000;
/** Problems the analyser names (`FlowAnalyser.problem`). */
const NAMED_PROBLEMS = 20;

interface Entry {
  internal: boolean;
  /** −1 until the address is first sent. */
  id: number;
}

/** Whole UTF-8 text (complete lines) as a string; ASCII as Latin-1, which gives the same string faster. */
const decode = (b: Uint8Array): string => {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return buf.toString(isAscii(buf) ? 'latin1' : 'utf8');
};

/** A flat copy: a field sliced from a decoded chunk is a V8 sliced string that keeps the whole chunk alive (analyse.ts, intern). */
const flat = (v: string): string => JSON.parse(JSON.stringify(v)) as string;

export class FlowParser {
  private readonly isInternal: (ip: string) => boolean;
  private readonly addressIds = new Map<string, Entry>();
  private addressCount = 0;
  private readonly protoIds = new Map<string, number>();
  private named = 0;
  private name = '';
  private reader: LineReader | null = null;
  private lineNo = 0;
  private rest: Uint8Array | null = null;
  private batch: Batch;
  private capacity = 4096;

  constructor(private readonly opts: ParseOptions) {
    this.isInternal = internalMatcher(opts.internal);
    this.batch = this.fresh();
  }

  private fresh(): Batch {
    return { records: 0, n: 0, rows: new Float64Array(this.capacity * ROW), addresses: [], protos: [], inline: [], skipped: 0, problems: [] };
  }

  /** A new input: its own reader (from its first non-empty line) and line numbers. */
  begin(name: string): void {
    this.name = name;
    this.reader = null;
    this.lineNo = 0;
    this.rest = null;
  }

  /**
   * The next bytes of the input: its complete lines are read. Chunks are decoded up to their last
   * newline: a newline byte never occurs inside a UTF-8 sequence, so no character is split, and
   * the rest (a part line) is kept as bytes. A chunk of ASCII (flow logs nearly always are) is
   * copied as Latin-1, ≈ 5× cheaper than decoding UTF-8 and the same string.
   */
  chunk(buf: Uint8Array): Batch {
    let from = 0;
    if (this.rest) {
      const nl = buf.indexOf(10);
      if (nl === -1) {
        this.rest = Buffer.concat([this.rest, buf]);
        return this.take();
      }
      this.line(decode(Buffer.concat([this.rest, buf.subarray(0, nl)])));
      this.rest = null;
      from = nl + 1;
    }
    const last = buf.lastIndexOf(10);
    if (last >= from) {
      if (this.reader?.readBytes) this.byteLines(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), from, last + 1);
      else this.lines(decode(buf.subarray(from, last + 1)));
    }
    const tail = last >= from ? last + 1 : from;
    // A copy: a view would keep the whole read chunk alive with the part line.
    if (tail < buf.length) this.rest = Uint8Array.prototype.slice.call(buf, tail);
    return this.take();
  }

  /** The input's end: its last line if it had no newline. */
  end(): Batch {
    if (this.rest) this.line(decode(this.rest));
    this.rest = null;
    return this.take();
  }

  /** The batch so far, and a fresh one. */
  private take(): Batch {
    const b = this.batch;
    this.batch = this.fresh();
    return b;
  }

  private lines(text: string): void {
    let start = 0;
    let nl = text.indexOf('\n', start);
    while (nl !== -1) {
      this.line(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
  }

  /**
   * The lines of `b[from, to)` (`to - 1` a newline) for a reader that reads bytes: each line as
   * `line` takes it (counted; empty or a lone CR skipped; one CR at the end left out), made a
   * string only when the reader leaves it to `read`. A line decodes on its own as it does within
   * its chunk: a newline byte ends any UTF-8 sequence, and an ASCII line is the same in Latin-1.
   */
  private byteLines(b: Buffer, from: number, to: number): void {
    const reader = this.reader!;
    for (let s = from; s < to; ) {
      const nl = b.indexOf(10, s);
      const lineNo = ++this.lineNo;
      const e = nl > s && b[nl - 1] === 13 ? nl - 1 : nl;
      if (e > s) {
        let r: FlowRecord | null | undefined;
        try {
          r = reader.readBytes!(b, s, e);
        } catch (err) {
          this.problem(lineNo, err as Error);
          r = null;
        }
        if (r === undefined) {
          const line = b.subarray(s, e);
          this.read(line.toString(isAscii(line) ? 'latin1' : 'utf8'), lineNo);
        } else if (r) this.add(r, lineNo);
      }
      s = nl + 1;
    }
  }

  private line(line: string): void {
    const lineNo = ++this.lineNo;
    if (!line || line === '\r') return;
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!this.reader) {
      try {
        this.reader = detectReader(l, this.opts.vpcFields);
      } catch (e) {
        throw new UnreadableInput(`${this.name}:${lineNo}: ${(e as Error).message}`);
      }
    }
    this.read(l, lineNo);
  }

  /** One line by the reader's `read`: a record, nothing (a header), or a broken line (counted, the first ones named). */
  private read(l: string, lineNo: number): void {
    let r: FlowRecord | null;
    try {
      r = this.reader!.read(l);
    } catch (e) {
      this.problem(lineNo, e as Error);
      return;
    }
    if (r) this.add(r, lineNo);
  }

  private problem(lineNo: number, e: Error): void {
    const b = this.batch;
    b.skipped++;
    if (this.named < NAMED_PROBLEMS) {
      this.named++;
      b.problems.push([lineNo, e.message]);
    }
  }

  /** `FlowAnalyser.add` up to its filter; the rest is the analyser's (`addOutbound`). */
  private add(r: FlowRecord, lineNo: number): void {
    const b = this.batch;
    b.records++;
    if (r.bytesOut <= 0) return;
    const src = this.entry(r.src);
    if (!src.internal) return;
    const dst = this.entry(r.dst);
    if (dst.internal) return;
    if (b.n === this.capacity) {
      this.capacity *= 2;
      const rows = new Float64Array(this.capacity * ROW);
      rows.set(b.rows);
      b.rows = rows;
    }
    const at = b.n++ * ROW;
    const rows = b.rows;
    rows[at + TS] = r.ts;
    rows[at + BYTES] = r.bytesOut;
    rows[at + DPORT] = r.dport;
    rows[at + LINE] = lineNo;
    rows[at + SRC] = this.addressId(src, r.src);
    rows[at + DST] = this.addressId(dst, r.dst);
    rows[at + PROTO] = this.protoId(r.proto);
  }

  private entry(v: string): Entry {
    let e = this.addressIds.get(v);
    if (e === undefined) {
      e = { internal: this.isInternal(v), id: -1 };
      if (this.addressIds.size < TABLE_BOUND) this.addressIds.set(flat(v), e);
    }
    return e;
  }

  private addressId(e: Entry, v: string): number {
    if (e.id >= 0) return e.id;
    if (this.addressCount < TABLE_BOUND && this.addressIds.get(v) === e) {
      e.id = this.addressCount++;
      this.batch.addresses.push(v);
      return e.id;
    }
    return this.inline(v);
  }

  private protoId(v: string): number {
    const id = this.protoIds.get(v);
    if (id !== undefined) return id;
    if (this.protoIds.size >= TABLE_BOUND) return this.inline(v);
    const n = this.protoIds.size;
    this.protoIds.set(flat(v), n);
    this.batch.protos.push(v);
    return n;
  }

  private inline(v: string): number {
    this.batch.inline.push(v);
    return -this.batch.inline.length;
  }
}
