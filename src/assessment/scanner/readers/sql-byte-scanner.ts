/**
 * sql-reader.ts's scanner with its strict INSERT rows taken on the bytes (sql-block-bytes.ts) and
 * handed to the detection threads as byte ranges, as csv-block.ts does for CSV: the reading thread
 * no longer decodes those rows to text nor encodes them back (bench/README.md, issue 21, dump21b).
 *
 * The byte path does only what the tokenizer would do at the same place, and leaves everything
 * else to it: between two rows of a VALUES list it takes a run of strict rows; at a row's end a
 * `;` closes the statement; at top level, the next statement is taken on the bytes only when its
 * head is byte for byte the last INSERT head the tokenizer read and a `(` follows (so INSERT_RE
 * would match the same text and give the same table and columns: mysqldump repeats one head per
 * extended INSERT, and per row with --skip-extended-insert). Anywhere else the tokenizer reads the
 * text, exactly as before, in windows of WINDOW bytes decoded from where the byte path stopped, and
 * hands back at the next strict row. A window's end is not the chunk's: where the tokenizer stops
 * for more text (a statement's lookahead, an open string or token, an unterminated CREATE TABLE),
 * it is given the text again from there, in a window twice as long if it read nothing, up to the
 * chunk's end. Its decisions do not move with the window: each is either to wait for more text or
 * taken on text it already holds; the one that is not, an open string, token, line or CREATE TABLE
 * "longer than maxLineBytes", cannot be taken in a window, which never holds more than that (past
 * it, the tokenizer gets the chunk's rest).
 * (A statement head longer than the 64 KiB lookahead could match differently; the tokenizer alone
 * already matched such a head differently at different chunk sizes.)
 *
 * One difference from the tokenizer alone: a strict row cut by a chunk's end is carried to the
 * next chunk as bytes (up to CARRY_MAX bytes, never more than maxLineBytes, so no row the tokenizer
 * would have refused as over-long is taken), where the tokenizer read it value by value and took
 * the pending block's rows back into its batch. The rows and batches are the same; fewer of them
 * are parsed on the reading thread.
 */
import type { BodyEvent } from './reader-context.js';
import { COMMA, LPAREN, SEMI } from './sql-block.js';
import { countLf } from './line-splitter.js';
import { skipWs, strictValueBytes } from './sql-block-bytes.js';
import { LastHead, SqlScanner } from './sql-reader.js';

const EMPTY = Buffer.alloc(0);
/** Hand-backs to the bytes where the byte path then took nothing, within one chunk (see the module comment). */
const IDLE_YIELDS = 2;
/**
 * Text the tokenizer is given at a time: more than its 64 KiB statement lookahead (sql-heads.ts
 * LOOKAHEAD), so that it reads a statement head at the window's start.
 */
const WINDOW = 160 * 1024;
/** Longest cut strict row carried to the next chunk as bytes. */
const CARRY_MAX = 1 << 20;

export class SqlByteScanner extends SqlScanner {
  private bcarry: Buffer = EMPTY;
  /** The byte path stopped because the chunk ended (what is left may be taken with the next chunk). */
  private wantMore = false;
  private readonly carryMax: number;
  constructor(path: string, max: number) {
    super(path, max, true);
    this.head = new LastHead();
    this.carryMax = Math.min(max, CARRY_MAX);
  }

  feedBytes(chunk: Buffer): void {
    const b = this.bcarry.length ? Buffer.concat([this.bcarry, chunk]) : chunk;
    this.bcarry = EMPTY;
    const n = b.length;
    let pos = 0;
    let idle = IDLE_YIELDS;
    this.yielded = false;
    let win = WINDOW;
    for (;;) {
      // Until the dialect is known (its sniff needs the first 4 KiB as text), all goes to the tokenizer.
      if (this.dialectChecked) {
        const from = pos;
        pos = this.onBytes(b, pos);
        if (pos >= n) return;
        if (this.wantMore && n - pos <= this.carryMax) {
          this.bcarry = Buffer.from(b.subarray(pos));
          return;
        }
        if (pos === from && this.yielded) idle--;
      }
      // A window never holds more than maxLineBytes: inside one, no value or line can be found
      // over-long (an error the whole chunk might not give: the value may end in it).
      const to = this.dialectChecked && win <= this.max && n - pos > win ? charStart(b, pos + win) : n;
      this.mayYield = idle > 0;
      this.yielded = false;
      this.feed(b.toString('utf8', pos, to), false);
      this.mayYield = false;
      const rest = this.carry;
      this.carry = '';
      const stopped = rest.length ? to - Buffer.byteLength(rest, 'utf8') : to;
      if (!this.yielded && to === n) {
        // What the tokenizer left goes back to bytes: decoding the same bytes gives it the same text.
        this.bcarry = rest.length ? Buffer.from(rest, 'utf8') : EMPTY;
        return;
      }
      // A stop at a window's end waits for more text: from there, in a window twice as long if
      // nothing was read in this one.
      win = !this.yielded && stopped === pos ? win * 2 : WINDOW;
      pos = stopped;
    }
  }

  override end(): void {
    if (this.bcarry.length) {
      this.carry = this.bcarry.toString('utf8');
      this.bcarry = EMPTY;
    }
    super.end();
  }

  /** What the byte path can take from `pos`; returns where it stopped (lines counted up to there). */
  private onBytes(b: Buffer, pos: number): number {
    this.wantMore = false;
    const n = b.length;
    for (;;) {
      const i = skipWs(b, pos);
      this.line += countLf(b, pos, i);
      pos = i;
      if (i >= n) return n;
      const c = b[i];
      if (this.state === 'values' && this.row === null) {
        if ((c === LPAREN || c === COMMA) && this.blockable('values')) {
          const run = strictValueBytes(b, i, this.backslash, this.sink.width, this.sink.room);
          if (run.rows > 0) {
            this.toBlock('values', b, i, run.end, run.rows);
            this.line += countLf(b, i, run.end);
            pos = run.end;
            continue;
          }
          this.wantMore = run.more;
          return i;
        }
        if (c !== SEMI) return i;
        pos = i + 1;
        this.state = 'top';
        continue;
      }
      if (this.state !== 'top') return i;
      if (c === SEMI) {
        pos = i + 1;
        continue;
      }
      const head = this.head!;
      if (!head.text) return i;
      head.bytes ??= Buffer.from(head.text, 'utf8');
      const h = head.bytes;
      if (n - i <= h.length) {
        this.wantMore = true;
        return i;
      }
      if (b[i + h.length] !== LPAREN || b.compare(h, 0, h.length, i, i + h.length) !== 0) return i;
      // What the tokenizer does for this head (sql-reader.ts statement()).
      this.begin(head.table, head.cols);
      this.line += countLf(b, i, i + h.length);
      pos = i + h.length;
      this.state = 'values';
    }
  }
}

/** The start of the UTF-8 character at `i` (a window must not cut one). */
function charStart(b: Buffer, i: number): number {
  while (i > 0 && (b[i] & 0xc0) === 0x80) i--;
  return i;
}

export async function* readSqlBytes(path: string, chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<BodyEvent> {
  const sc = new SqlByteScanner(path, maxLineBytes);
  for await (const c of chunks) {
    sc.feedBytes(c);
    yield* sc.events.splice(0);
  }
  sc.end();
  yield* sc.events.splice(0);
}
