/**
 * Flattens parsed JSON into dotted column paths (`address.city`, `phones.0`) and collects a batch's
 * rows under the union of their columns. Paths live in a trie walked alongside each value, so the hot
 * loop builds no path strings and looks keys up in small Maps (JSON.parse keys are internalised).
 */
import type { BodyEvent } from './reader-context.js';
import { BATCH_ROWS } from './reader-context.js';

const MAX_DEPTH = 32;
/** Most columns of one batch (Excel's 16,384). */
const MAX_COLUMNS = 16_384;
/** New keys in one record beyond which it starts a new batch. */
const WIDE = 256;

export interface PathNode {
  path: string;
  children: Map<string, PathNode> | null;
  /** Column index in the current batch, valid when epoch matches. */
  col: number;
  epoch: number;
}

const node = (path: string): PathNode => ({ path, children: null, col: -1, epoch: -1 });

function scalar(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Rows of one table whose columns are the union of the keys seen in the batch. */
export class JsonBatcher {
  private readonly root = node('');
  private cols: string[] = [];
  private rows: (string | null)[][] = [];
  private first = 0;
  private epoch = 0;
  private nodes = 0;
  /** Scalars set by the current record. */
  private fields = 0;
  readonly ready: BodyEvent[] = [];
  constructor(
    private readonly path: string,
    public table: string,
    private readonly unit: 'line' | 'record',
  ) {}

  private child(parent: PathNode, key: string): PathNode {
    let m = parent.children;
    if (!m) {
      m = new Map();
      parent.children = m;
    }
    let c = m.get(key);
    if (!c) {
      c = node(parent.path ? `${parent.path}.${key}` : key);
      // Keys are unbounded in hostile input (a new key per record): cap the trie, rebuild when full.
      if (++this.nodes > 100_000) {
        this.flush();
        this.root.children = null;
        this.nodes = 0;
        this.trieGeneration++;
        return this.child(this.root, key);
      }
      m.set(key, c);
    }
    return c;
  }

  private set(n: PathNode, row: (string | null)[], v: string | null): void {
    this.fields++;
    if (n.epoch !== this.epoch) {
      if (this.cols.length >= MAX_COLUMNS) return; // hostile width: further new keys dropped
      n.epoch = this.epoch;
      n.col = this.cols.length;
      this.cols.push(n.path || 'value');
    }
    while (row.length < n.col) row.push(null);
    row[n.col] = v;
  }

  private walk(v: unknown, n: PathNode, row: (string | null)[], depth: number): void {
    if (v !== null && typeof v === 'object' && depth < MAX_DEPTH) {
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) this.walk(v[i], this.child(n, String(i)), row, depth + 1);
      } else {
        for (const k in v) {
          if (Object.hasOwn(v, k)) this.walk((v as Record<string, unknown>)[k], this.child(n, k), row, depth + 1);
        }
      }
      return;
    }
    this.set(n, row, scalar(v));
  }

  /** Bumped when the trie is rebuilt: nodes found before belong to the old one. */
  private trieGeneration = 0;
  get generation(): number {
    return this.trieGeneration;
  }

  /** The trie node of a path of keys if the trie has it (never creates one). */
  find(path: readonly string[]): PathNode | undefined {
    let n: PathNode | undefined = this.root;
    for (let i = 0; i < path.length && n !== undefined; i++) n = n.children?.get(path[i]);
    return n;
  }

  add(value: unknown, loc: number): void {
    this.addRow((row) => this.walk(value, this.root, row, 0), loc);
  }

  /**
   * `add` of a record whose leaves are known (ndjson-shapes.ts): `nodes` (from `find`, in the
   * trie's current generation) in walk order, and their scalars' texts. The same set() calls as
   * walking it, without the walk.
   */
  addLeaves(nodes: readonly PathNode[], values: readonly (string | null)[], loc: number): void {
    this.addRow((row) => {
      for (let i = 0; i < nodes.length; i++) this.set(nodes[i], row, values[i]);
    }, loc);
  }

  private addRow(fill: (row: (string | null)[]) => void, loc: number): void {
    const before = this.cols.length;
    let row: (string | null)[] = [];
    this.fields = 0;
    fill(row);
    const wider = this.cols.length - before > WIDE;
    const narrower = before > this.fields * 2 + WIDE;
    if (this.rows.length > 0 && (wider || narrower)) {
      // A record far wider or narrower than the batch starts a new one, so no row is padded far
      // beyond its own width.
      this.cols.length = before;
      this.flush();
      row = [];
      fill(row);
    }
    if (this.rows.length === 0) this.first = loc;
    this.rows.push(row);
    if (this.rows.length >= BATCH_ROWS) this.flush();
  }

  flush(): void {
    if (this.rows.length === 0) return;
    const width = this.cols.length;
    for (const r of this.rows) while (r.length < width) r.push(null);
    this.ready.push({
      kind: 'records',
      path: this.path,
      table: this.table,
      columns: this.cols,
      rows: this.rows,
      firstLocation: { unit: this.unit, n: this.first },
    });
    this.rows = [];
    this.cols = [];
    this.epoch++;
  }
}
