/**
 * JSON (RFC 8259) documents (NDJSON lines: ndjson-reader.ts). A JSON document is never parsed
 * whole: a scanner tracks strings and nesting and cuts out each element of the top-level array (or of each array member of
 * an object, `{"users":[…]}` → table `users`), and only that element is handed to `JSON.parse`. One
 * element is bounded by maxLineBytes. An object whose members sit under record ids
 * (`{"users":{"uid1":{…},"uid2":{…}}}`, a Firebase export) is a table too: each member a record.
 */
import { JsonBatcher } from './flatten.js';
import type { BodyEvent } from './reader-context.js';
import { errorEvent } from './reader-context.js';

const WS = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

type Capture = 'record' | 'member' | 'key';

/** Objects nested deeper than this are kept whole as one member value instead of being walked. */
const MAX_WALK_DEPTH = 8;

interface Frame {
  /** 'obj': walked object (its arrays become tables); 'arr': array whose elements are records. */
  kind: 'obj' | 'arr';
  /** Table of an 'arr' frame; dotted path prefix of an 'obj' frame. */
  name: string;
  expectKey: boolean;
  key: string;
  /** An 'obj' frame's scalars and whole members by dotted path (the root's are the file's record). */
  members?: Map<string, unknown>;
  /** Its key in the parent, when it looks like a record id (idKey). */
  id?: boolean;
  /** The first object member under an id key, held until a second says the object is a map of records. */
  held?: Frame | null;
  /** Two object members under id keys were seen: each is a record (`{"users":{"uid1":{…},"uid2":{…}}}`). */
  map?: boolean;
  /** Characters of its members (and of the objects merged into it). */
  len?: number;
}

/**
 * A key that names a record rather than a field: digits in it (`1042`, `uid7`), a database push id
 * or uid (≥ 16 characters, no spaces: Firebase's `-Mx3…`), or an e-mail address (`jane@x,com`).
 */
const idKey = (k: string) => k.length <= 128 && !/\s/.test(k) && (/\d/.test(k) || k.length >= 16 || k.includes('@'));

/**
 * Streaming splitter of a JSON document into records; feed it text, collect `events`. Objects are
 * walked (up to MAX_WALK_DEPTH): each array member becomes a table of records named after its key
 * (`{"data":{"users":[…]}}` → table `users`); the scalars met on the way form one record of the
 * file's table. A top-level array is a table named after the file.
 */
class JsonDocumentScanner {
  readonly events: BodyEvent[] = [];
  private readonly stack: Frame[] = [];
  private inStr = false;
  private esc = false;
  private line = 1;
  private started = false;
  private done = false;
  private cap: Capture | null = null;
  /** Bracket nesting inside the current capture. */
  private capNest = 0;
  private capParts: string[] = [];
  private capLen = 0;
  private capLine = 0;
  private capSkip = false;
  private capTable = '';
  private capPath = '';
  private recordNo = 0;
  /** Characters of the members held in walked objects, bounded by max. */
  private restLen = 0;
  private root: Frame | null = null;
  private readonly batch: JsonBatcher;
  constructor(
    private readonly path: string,
    private readonly table: string,
    private readonly max: number,
  ) {
    this.batch = new JsonBatcher(path, table, 'record');
  }

  private err(msg: string, line: number): void {
    this.events.push(errorEvent(this.path, msg, `line ${line}`));
  }

  private startCap(kind: Capture): void {
    this.cap = kind;
    this.capNest = 0;
    this.capParts = [];
    this.capLen = 0;
    this.capLine = this.line;
    this.capSkip = false;
  }

  private endCap(text: string): void {
    const kind = this.cap;
    this.cap = null;
    if (kind === 'record') this.recordNo++;
    if (this.capSkip) return;
    const raw = this.capParts.length ? this.capParts.join('') + text : text;
    this.capParts = [];
    if (raw.length > this.max) {
      this.err(`JSON record on line ${this.capLine} longer than maxLineBytes (${this.max}); skipped`, this.capLine);
      return;
    }
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      this.err(kind === 'record' ? `malformed JSON record ${this.recordNo} on line ${this.capLine}; skipped` : `malformed JSON on line ${this.capLine}`, this.capLine);
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (kind === 'key') top.key = String(v);
    else if (kind === 'member') {
      this.restLen += raw.length;
      if (this.restLen <= this.max) {
        top.members?.set(this.capPath, v);
        top.len = (top.len ?? 0) + raw.length;
      }
    } else this.record(this.capTable, v, this.recordNo);
  }

  private record(table: string, v: unknown, n: number): void {
    if (this.batch.table !== table) {
      this.batch.flush();
      this.batch.table = table;
    }
    this.batch.add(v, n);
  }

  /**
   * An object ends: under an id key of a map of records, its members are a record of the map's
   * table (keys relative to it); otherwise they join its parent's, as one record with the
   * parent's scalars. The first object under an id key waits for a second to tell which.
   */
  private closeObject(f: Frame, parent: Frame | undefined): void {
    if (f.held) this.merge(f.held, f);
    if (parent?.kind !== 'obj') return;
    if (!f.id) this.merge(f, parent);
    else if (parent.map) this.emitMember(f, parent);
    else if (!parent.held) {
      parent.held = f;
    } else {
      parent.map = true;
      this.emitMember(parent.held, parent);
      parent.held = null;
      this.emitMember(f, parent);
    }
  }

  private merge(from: Frame, to: Frame): void {
    for (const [k, v] of from.members ?? []) to.members?.set(k, v);
    to.len = (to.len ?? 0) + (from.len ?? 0);
  }

  private emitMember(f: Frame, parent: Frame): void {
    const cut = f.name.length + 1;
    const rec: Record<string, unknown> = {};
    for (const [k, v] of f.members ?? []) rec[k.slice(cut)] = v;
    // A record's members leave memory with it: only what is still held counts towards the bound.
    this.restLen -= f.len ?? 0;
    if (Object.keys(rec).length) this.record(parent.name.split('.').pop() || this.table, rec, ++this.recordNo);
  }

  feed(s: string): void {
    const n = s.length;
    let capFrom = this.cap ? 0 : -1;
    let nextBs = -2; // cached index of the next backslash (−1: none left)
    for (let i = 0; i < n && !this.done; i++) {
      if (this.inStr) {
        // Jump through the string with indexOf (raw newlines cannot occur inside JSON strings).
        if (this.esc) {
          this.esc = false;
          continue;
        }
        if (nextBs !== -1 && nextBs < i) nextBs = s.indexOf('\\', i);
        const q = s.indexOf('"', i);
        if (nextBs !== -1 && (q === -1 || nextBs < q)) {
          if (nextBs + 1 >= n) this.esc = true;
          i = nextBs + 1; // the escaped character; the loop's i++ steps past it
          continue;
        }
        if (q === -1) break;
        i = q;
        this.inStr = false;
        if (this.cap === 'key') {
          this.endCap(s.slice(capFrom, i + 1));
          capFrom = -1;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 10) this.line++;
      if (WS(c)) continue;
      const isOpen = c === 123 || c === 91;
      const isClose = c === 125 || c === 93;
      if (this.cap) {
        // Inside a captured value: only its own nesting matters until it ends.
        if (c === 34) this.inStr = true;
        else if (isOpen) this.capNest++;
        else if (isClose && this.capNest > 0) this.capNest--;
        else if (this.capNest === 0 && (c === 44 || isClose)) {
          this.endCap(s.slice(capFrom, i).trimEnd());
          capFrom = -1;
          this.structural(c);
        }
        continue;
      }
      if (!this.started) {
        this.started = true;
        if (c === 91) this.stack.push({ kind: 'arr', name: this.table, expectKey: false, key: '' });
        else if (c === 123) {
          this.root = { kind: 'obj', name: '', expectKey: true, key: '', members: new Map(), len: 0 };
          this.stack.push(this.root);
        }
        else {
          this.err('not a JSON array or object; file skipped', this.line);
          this.done = true;
        }
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (c === 44 || c === 58 || isClose) {
        this.structural(c);
        continue;
      }
      if (top.kind === 'arr') {
        this.startCap('record');
        this.capTable = top.name;
      } else if (top.expectKey) {
        if (c !== 34) continue; // not a key: tolerate and move on
        this.startCap('key');
      } else if (c === 91) {
        this.stack.push({ kind: 'arr', name: top.key, expectKey: false, key: '' });
        continue;
      } else if (c === 123 && this.stack.length < MAX_WALK_DEPTH) {
        this.stack.push({ kind: 'obj', name: top.name ? `${top.name}.${top.key}` : top.key, expectKey: true, key: '', members: new Map(), id: idKey(top.key), len: 0 });
        continue;
      } else {
        this.startCap('member');
        this.capPath = top.name ? `${top.name}.${top.key}` : top.key;
      }
      capFrom = i;
      if (c === 34) this.inStr = true;
      else if (isOpen) this.capNest = 1;
    }
    if (this.cap && capFrom >= 0) {
      const part = s.slice(capFrom);
      this.capLen += part.length;
      if (!this.capSkip && this.capLen > this.max) {
        this.capSkip = true;
        this.capParts = [];
        this.err(`JSON record on line ${this.capLine} longer than maxLineBytes (${this.max}); skipped`, this.capLine);
      } else if (!this.capSkip) this.capParts.push(part);
    }
    this.events.push(...this.batch.ready.splice(0));
  }

  /** `,` `:` or a closing bracket outside any capture. */
  private structural(c: number): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    if (c === 44) {
      if (top.kind === 'obj') top.expectKey = true;
    } else if (c === 58) {
      if (top.kind === 'obj') top.expectKey = false;
    } else {
      const f = this.stack.pop();
      if (f?.kind === 'obj' && this.stack.length > 0) this.closeObject(f, this.stack[this.stack.length - 1]);
      if (this.stack.length === 0) this.done = true;
    }
  }

  /**
   * The file ended inside a record of an array: either it was cut off, or a stray quote or bracket
   * in that record (`"p20@"x.org"`) made the rest of the file look like one open string. The
   * records after it are read again from the next `}, {` boundary. Before, a single bad record of
   * a one-line export lost every record after it, reported as a truncation.
   */
  private resync(): boolean {
    if (this.cap !== 'record' || this.capSkip || this.stack[this.stack.length - 1]?.kind !== 'arr') return false;
    const raw = this.capParts.join('');
    const m = /\}\s*,\s*(?=\{)/g;
    m.lastIndex = 1;
    const b = m.exec(raw);
    if (!b) return false;
    const from = b.index + b[0].length;
    this.recordNo++;
    this.err(`malformed JSON record ${this.recordNo} on line ${this.capLine}; skipped, reading on after it`, this.capLine);
    let line = this.capLine;
    for (let i = raw.indexOf('\n'); i !== -1 && i < from; i = raw.indexOf('\n', i + 1)) line++;
    this.cap = null;
    this.capParts = [];
    this.inStr = false;
    this.esc = false;
    this.line = line;
    this.feed(raw.slice(from));
    return true;
  }

  end(): void {
    while (this.resync()) {}
    if (this.cap === 'record' && !this.capSkip) this.err(`JSON ended inside record ${this.recordNo + 1} (truncated?)`, this.capLine);
    else if (!this.done && this.started) this.err('JSON ended before its closing bracket (truncated?)', this.line);
    if (this.restLen > this.max) this.err(`top-level JSON values beyond maxLineBytes (${this.max}) were skipped`, 1);
    // A truncated document: the objects still open end here, innermost first.
    for (let i = this.stack.length - 1; i > 0; i--) if (this.stack[i].kind === 'obj') this.closeObject(this.stack[i], this.stack[i - 1]);
    const root = this.root;
    if (root?.held) this.merge(root.held, root);
    if (root?.members?.size) {
      this.batch.flush();
      this.batch.table = this.table;
      this.batch.add(Object.fromEntries(root.members), 0);
    }
    this.batch.flush();
    this.events.push(...this.batch.ready.splice(0));
  }
}

export async function* readJsonDocument(
  path: string,
  table: string,
  chunks: AsyncIterable<Buffer>,
  maxRecordBytes: number,
): AsyncGenerator<BodyEvent> {
  const sc = new JsonDocumentScanner(path, table, maxRecordBytes);
  for await (const c of chunks) {
    sc.feed(c.toString('utf8'));
    yield* sc.events.splice(0);
  }
  sc.end();
  yield* sc.events.splice(0);
}
