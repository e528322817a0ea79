/**
 * The shared-strings table of an XLSX (ECMA-376 Part 1 §18.4.9 `sst`, §18.4.8 `si`): parsed on the
 * reading thread, held as UTF-8 in shared memory so the detection threads read the one table
 * (issue 21).
 */
import { StringDecoder } from 'node:string_decoder';
import { XmlScanner, decodeEntities } from './xml-scanner.js';
import { MAX_CELL_CHARS, xlsxFast } from './xlsx-parts.js';

/** `<si><t>text</t></si>`: one plain run, read as open si, open t, text, close t, close si would. */
const SI = /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;

/**
 * The shared-strings table as UTF-8 in shared memory: `data` holds every item's bytes end to end in
 * pieces of SST_PIECE_BYTES (an item may straddle two pieces), `ends[i >> 18][i & 0x3ffff]` is where
 * item i ends (it starts where item i − 1 ends). SharedArrayBuffers, so the detection threads that
 * parse sheet blocks (issue 21, branch xlsx21) read the one table the reading thread built; posting
 * the handle copies nothing.
 */
export interface SstHandle {
  data: SharedArrayBuffer[];
  ends: SharedArrayBuffer[];
  n: number;
  /** Items from this one on are empty (past the table's cap): no end is stored for them. */
  full: number;
}
const SST_PIECE_BYTES = 16 << 20;
const ENDS_SHIFT = 18;
const ENDS_PER_PIECE = 1 << ENDS_SHIFT;
const CACHE = 4096;
/**
 * A table's last piece of bytes and of ends starts this small and doubles as it fills (up to
 * SST_PIECE_BYTES, ENDS_PER_PIECE): most workbooks' tables are a few KB, and a full 16 MB + 1 MB of
 * shared memory zeroed up front cost ≈ 17 ms a workbook (the XLSX property tests made 2,000).
 */
const FIRST_PIECE_BYTES = 64 * 1024;
const FIRST_ENDS = 4096;
/** Bytes of an unfinished item kept for the next chunk (longer ones go to the tokenizer as they come). */
const MAX_CARRY = 64 * 1024;
const LT_BYTE = 60;
const SI_OPEN = Buffer.from('<si><t>');
const SI_OPEN_PRESERVE = Buffer.from('<si><t xml:space="preserve">');
const T_SI_CLOSE = Buffer.from('</t></si>');
const SI_CLOSE = Buffer.from('</si>');

function startsWith(b: Buffer, i: number, seq: Buffer): boolean {
  if (i + seq.length > b.length) return false;
  for (let k = 0; k < seq.length; k++) if (b[i + k] !== seq[k]) return false;
  return true;
}
/** Node's Buffer method behind toString('utf8', start, end). */
type Utf8Slicer = Buffer & { utf8Slice(start: number, end: number): string };
type Utf8Writer = Buffer & { utf8Write(s: string, offset: number): number };

/** Item i of a table in shared memory (the reading thread's SharedStrings, or a thread's view of its handle). */
export class SstView {
  protected data: Buffer[];
  protected ends: Uint32Array[];
  protected n: number;
  protected full: number;
  private readonly cacheKey = new Int32Array(CACHE).fill(-1);
  private readonly cacheVal: string[] = new Array<string>(CACHE).fill('');
  constructor(h: SstHandle) {
    this.data = h.data.map((b) => Buffer.from(b));
    this.ends = h.ends.map((b) => new Uint32Array(b));
    this.n = h.n;
    this.full = h.full;
  }

  protected endOf(i: number): number {
    return i < 0 ? 0 : this.ends[i >>> ENDS_SHIFT][i & (ENDS_PER_PIECE - 1)];
  }

  /** Item i, or undefined past the end (like an array's index; i a non-negative integer). */
  at(i: number): string | undefined {
    if (!(i >= 0 && i < this.n)) return undefined;
    if (i >= this.full) return '';
    // Cells repeat items (a state, a city, a status): each read of one is a UTF-8 decode and a
    // string for the collector, so the last item read at each of CACHE slots is kept.
    const slot = i & (CACHE - 1);
    if (this.cacheKey[slot] === i) return this.cacheVal[slot];
    const s = this.endOf(i - 1);
    const e = this.endOf(i);
    let v: string;
    if (e === s) v = '';
    else {
      const p = Math.floor(s / SST_PIECE_BYTES);
      const off = s - p * SST_PIECE_BYTES;
      // utf8Slice: Buffer#toString without its argument checks (a third of the cost of a short item).
      if (e - p * SST_PIECE_BYTES <= SST_PIECE_BYTES) v = (this.data[p] as Utf8Slicer).utf8Slice(off, off + (e - s));
      // An item across a piece boundary (at most one an SST_PIECE_BYTES).
      else v = Buffer.concat([this.data[p].subarray(off), this.data[p + 1].subarray(0, e - (p + 1) * SST_PIECE_BYTES)]).toString('utf8');
    }
    this.cacheKey[slot] = i;
    this.cacheVal[slot] = v;
    return v;
  }

  /** Number of items. */
  get length(): number {
    return this.n;
  }
}

/** A lone UTF-16 surrogate (only a character reference like `&#xD800;` can make one): UTF-8 cannot hold it. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Streaming shared-strings parser: `<si>` items, rich-text runs concatenated, phonetic runs
 * (`<rPh>`) skipped. Stops adding text past maxChars (hostile tables) and says so.
 *
 * The table is kept as UTF-8 in SharedArrayBuffers (SstHandle), not one string per item: a
 * workbook's shared strings are read before its sheets and live until the last row, and held as a
 * million small strings every full garbage collection of the reading thread walked them all
 * (≈ 20 % of that thread on a 17 MB workbook, issue 21), while each item, sliced from the inflated
 * XML, kept a whole XML chunk alive. `at(i)` decodes item i. An item UTF-8 cannot hold (a lone
 * surrogate) is kept as a string beside, and `handle()` is then null: such a table stays on the
 * reading thread.
 */
export class SharedStrings extends SstView {
  truncated = false;
  private cur: string[] | null = null;
  private inT = false;
  private inPh = 0;
  private curLen = 0;
  private chars = 0;
  private bytes = 0;
  private readonly odd = new Map<number, string>();
  private readonly dec = new StringDecoder('utf8');
  /** The decoder may hold the start of a character cut by the last chunk. */
  private decPending = false;
  /** The bytes from an unfinished item's `<` to the end of the last chunk (feedBytes). */
  private carry: Buffer | null = null;
  readonly scanner: XmlScanner;
  constructor(private readonly maxChars: number) {
    super({ data: [], ends: [], n: 0, full: 2 ** 32 });
    this.scanner = new XmlScanner(
      {
        open: (name, _a, self) => {
          if (self) return;
          if (name === 'si') {
            this.cur = [];
            this.curLen = 0;
          }
          else if (name === 'rPh') this.inPh++;
          else if (name === 't' && this.cur && !this.inPh) this.inT = true;
        },
        fast: (s, lt) => {
          if (this.inPh !== 0 || s.charCodeAt(lt + 1) !== 115 /* s */ || !xlsxFast.on) return -1;
          SI.lastIndex = lt;
          const m = SI.exec(s);
          if (m === null) return -1;
          // What open si, open t, text, close t and close si leave behind on the general path.
          this.inT = false;
          this.add(m[1]);
          return SI.lastIndex;
        },
        close: (name) => {
          if (name === 'si' && this.cur) this.add(this.cur.join(''));
          else if (name === 'rPh') this.inPh = Math.max(0, this.inPh - 1);
          else if (name === 't') this.inT = false;
        },
        text: (raw) => {
          if (this.inT && this.cur && this.curLen < MAX_CELL_CHARS) {
            this.cur.push(raw);
            this.curLen += raw.length;
          }
        },
      },
      1024 * 1024,
    );
  }

  /**
   * Feeds the part's bytes (then `endBytes()`): what `scanner.feed` of the decoded text does, with
   * the plain ASCII item `<si><t>text</t></si>` (no `&`) copied into the table as it is, neither
   * decoded nor encoded (issue 21: the table is parsed before any row of a sheet can go to the
   * detection threads, which wait meanwhile). Anything else goes through the tokenizer, up to the
   * end of the next `</si>`; the byte path resumes where the tokenizer is between items again. An
   * item the chunk's end cuts is kept (`carry`, at most MAX_CARRY bytes) and read with the next
   * chunk: handing the cut item to the tokenizer left it mid-item at the next chunk's start, and
   * so 86 % of a 1.4 M-item table went through the tokenizer. Returns false as scanner.feed does.
   */
  feedBytes(chunk: Buffer): boolean {
    let b = chunk;
    if (this.carry !== null) {
      b = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    const n = b.length;
    let i = 0;
    while (i < n) {
      if (!xlsxFast.on) {
        this.decPending = true;
        return this.scanner.feed(this.dec.write(b.subarray(i)));
      }
      if (this.cur === null && this.inPh === 0 && !this.inT && !this.scanner.pending && !this.decPending) {
        // Between items (the tokenizer ignores text there): the next tag is an item's start or
        // anything else (the XML declaration, <sst>, </sst>).
        while (i < n && b[i] !== LT_BYTE) i++;
        if (i >= n) return true;
        const j = this.asciiItem(b, i);
        if (j >= 0) {
          i = j;
          continue;
        }
      }
      // The tokenizer takes the bytes up to the end of the next `</si>`: after it the tokenizer is
      // between items again (unless that `</si>` was in a comment or CDATA: then it takes more).
      const close = b.indexOf(SI_CLOSE, i);
      if (close < 0 && !this.decPending && !this.scanner.pending && this.cur === null && n - i <= MAX_CARRY) {
        this.carry = Buffer.from(b.subarray(i));
        return true;
      }
      const k = close < 0 ? n : close + SI_CLOSE.length;
      // A feed that ends mid-chunk ends with `>`: the decoder holds nothing back.
      this.decPending = k === n;
      if (!this.scanner.feed(this.dec.write(b.subarray(i, k)))) return false;
      i = k;
    }
    return true;
  }

  /** The end of the bytes fed by feedBytes. */
  endBytes(): boolean {
    this.decPending = false;
    const c = this.carry;
    this.carry = null;
    if (c !== null && !this.scanner.feed(this.dec.write(c))) return false;
    return this.scanner.feed(this.dec.end());
  }

  /** `<si><t>text</t></si>` (or `<t xml:space="preserve">`) with ASCII text and no `&` at b[i]: adds it and returns its end, else −1. */
  private asciiItem(b: Buffer, i: number): number {
    let k: number;
    if (startsWith(b, i, SI_OPEN)) k = i + SI_OPEN.length;
    else if (startsWith(b, i, SI_OPEN_PRESERVE)) k = i + SI_OPEN_PRESERVE.length;
    else return -1;
    const s = k;
    const n = b.length;
    while (k < n && b[k] !== LT_BYTE) {
      if (b[k] >= 0x80 || b[k] === 38 /* & */) return -1;
      k++;
    }
    if (!startsWith(b, k, T_SI_CLOSE)) return -1;
    // What open si, open t, text, close t and close si leave behind (as the SI fast path).
    this.inT = false;
    this.cur = null;
    const idx = this.n++;
    if (!this.truncated) {
      this.chars += k - s;
      if (this.chars > this.maxChars) this.truncated = true;
      else {
        this.writeBytes(b, s, k);
        this.setEnd(idx);
        return k + T_SI_CLOSE.length;
      }
    }
    if (this.full > idx) this.full = idx;
    return k + T_SI_CLOSE.length;
  }

  /** Appends b[s, e) to the pieces. */
  private writeBytes(b: Buffer, s: number, e: number): void {
    const p0 = Math.floor(this.bytes / SST_PIECE_BYTES);
    const off0 = this.bytes - p0 * SST_PIECE_BYTES;
    if (e - s <= 64 && p0 < this.data.length && off0 + (e - s) <= this.data[p0].length) {
      // A short item byte by byte: Buffer#copy's native call (and the views it makes) cost
      // more than the copy, ≈ 1 M times a table.
      const d = this.data[p0];
      for (let q = s, o = off0; q < e; q++, o++) d[o] = b[q];
      this.bytes += e - s;
      return;
    }
    let k = s;
    while (k < e) {
      const p = Math.floor(this.bytes / SST_PIECE_BYTES);
      const off = this.bytes - p * SST_PIECE_BYTES;
      const m = Math.min(e - k, SST_PIECE_BYTES - off);
      b.copy(this.room(p, off + m), off, k, k + m);
      k += m;
      this.bytes += m;
    }
  }

  /** Adds one item from its escaped text. */
  private add(raw: string): void {
    this.cur = null;
    const i = this.n++;
    if (!this.truncated) {
      const v = decodeEntities(raw);
      this.chars += v.length;
      if (this.chars > this.maxChars) this.truncated = true;
      else {
        if (v.length !== 0) {
          if (raw.includes('&#') && LONE_SURROGATE.test(v)) this.odd.set(i, v);
          else this.write(v);
        }
        this.setEnd(i);
        return;
      }
    }
    // Past the cap every item is empty (the hostile tables of issue 4), and no end is stored: 4
    // bytes an item would still be 40 MB for 10 M items.
    if (this.full > i) this.full = i;
  }

  /** Appends v's UTF-8 bytes to the pieces. */
  private write(v: string): void {
    let p = Math.floor(this.bytes / SST_PIECE_BYTES);
    let off = this.bytes - p * SST_PIECE_BYTES;
    // Room for any string of this length (3 UTF-8 bytes a UTF-16 unit at most): written straight
    // in, through the method behind Buffer#write (its checks were a third of the table's parse).
    if (p < this.data.length && off + v.length * 3 <= this.data[p].length) {
      this.bytes += (this.data[p] as Utf8Writer).utf8Write(v, off);
      return;
    }
    const len = Buffer.byteLength(v, 'utf8');
    if (off + len <= SST_PIECE_BYTES) this.room(p, off + len).write(v, off, len, 'utf8');
    else {
      const b = Buffer.from(v, 'utf8');
      let k = 0;
      while (k < len) {
        const m = Math.min(len - k, SST_PIECE_BYTES - off);
        b.copy(this.room(p, off + m), off, k, k + m);
        k += m;
        p++;
        off = 0;
      }
    }
    this.bytes += len;
  }

  /**
   * Piece p with room for `need` bytes: a new piece, or the last one grown (doubled, copied). Only
   * the last piece is ever short: a piece is filled to SST_PIECE_BYTES before the next begins.
   */
  private room(p: number, need: number): Buffer {
    const d = this.data[p];
    if (d !== undefined && d.length >= need) return d;
    let size = d?.length ?? FIRST_PIECE_BYTES;
    while (size < need) size *= 2;
    const next = Buffer.from(new SharedArrayBuffer(Math.min(size, SST_PIECE_BYTES)));
    if (d !== undefined) d.copy(next);
    this.data[p] = next;
    return next;
  }

  /** Item i ends at the current byte count (items are numbered in order, each once). */
  private setEnd(i: number): void {
    const p = i >>> ENDS_SHIFT;
    const k = i & (ENDS_PER_PIECE - 1);
    let a = this.ends[p];
    if (a === undefined || k >= a.length) {
      const next = new Uint32Array(new SharedArrayBuffer(Math.min(ENDS_PER_PIECE, Math.max(FIRST_ENDS, (a?.length ?? 0) * 2)) * 4));
      if (a !== undefined) next.set(a);
      this.ends[p] = a = next;
    }
    a[k] = this.bytes;
  }

  override at(i: number): string | undefined {
    if (this.odd.size !== 0) {
      const v = this.odd.get(i);
      if (v !== undefined) return v;
    }
    return super.at(i);
  }

  /** The table for another thread (SstView), or null when an item is kept outside it. */
  handle(): SstHandle | null {
    if (this.odd.size !== 0) return null;
    return { data: this.data.map((b) => b.buffer as SharedArrayBuffer), ends: this.ends.map((a) => a.buffer as SharedArrayBuffer), n: this.n, full: this.full };
  }

  /** Every item (tests). */
  get strings(): string[] {
    return Array.from({ length: this.n }, (_, i) => this.at(i) as string);
  }
}
