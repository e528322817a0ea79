/**
 * Union-find over person-record ids 0..n-1 (records holding a strong identifier). In memory as
 * an Int32Array up to `memoryCap` records (4 bytes each); beyond it, the first `memoryCap` records
 * stay in that array and the others' parents live in the spill SQLite file — only linked records
 * get a row (absent = own root), written in batched transactions — so 100-million-record scans
 * cost disk, not RAM.
 */
import type { SpillStore } from './spill-store.js';

export interface UnionFind {
  find(x: number): number;
  /** Link the sets of a and b; true when they were separate. */
  union(a: number, b: number): boolean;
  readonly unions: number;
  close(): void;
}

abstract class Base implements UnionFind {
  unions = 0;
  protected abstract parent(x: number): number;
  protected abstract setParent(x: number, p: number): void;
  find(x: number): number {
    // Path halving (Tarjan & van Leeuwen 1984).
    for (;;) {
      const p = this.parent(x);
      if (p === x) return x;
      const gp = this.parent(p);
      if (gp === p) return p;
      this.setParent(x, gp);
      x = gp;
    }
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // Lower id wins: deterministic roots.
    if (ra < rb) this.setParent(rb, ra);
    else this.setParent(ra, rb);
    this.unions++;
    return true;
  }
  close(): void {}
}

class MemoryUnionFind extends Base {
  readonly #p: Int32Array;
  constructor(n: number) {
    super();
    this.#p = new Int32Array(n);
    for (let i = 0; i < n; i++) this.#p[i] = i;
  }
  protected parent(x: number): number {
    return this.#p[x];
  }
  protected setParent(x: number, p: number): void {
    this.#p[x] = p;
  }
}

/**
 * Records 0 … memoryCap − 1 in memory, the rest in SQLite. "Lower id wins" puts roots at low ids,
 * so most finds of a high record reach memory after a step or two: the SQLite-only path cost
 * 8.4× the CPU of the in-memory one at 30 M records (bench/README.md, people index at scale).
 */
class SqliteUnionFind extends Base {
  readonly #spill: SpillStore;
  readonly #low: Int32Array;
  readonly #get;
  readonly #set;
  #pending = 0;
  constructor(spill: SpillStore, memoryCap = 0) {
    super();
    this.#spill = spill;
    this.#low = new Int32Array(Math.max(0, memoryCap));
    for (let i = 0; i < this.#low.length; i++) this.#low[i] = i;
    spill.db.exec('CREATE TABLE IF NOT EXISTS uf_parent (id INTEGER PRIMARY KEY, p INTEGER NOT NULL)');
    this.#get = spill.db.prepare('SELECT p FROM uf_parent WHERE id = ?').pluck();
    this.#set = spill.db.prepare('INSERT OR REPLACE INTO uf_parent (id, p) VALUES (?, ?)');
    spill.db.exec('BEGIN');
  }
  protected parent(x: number): number {
    if (x < this.#low.length) return this.#low[x];
    return (this.#get.get(x) as number | undefined) ?? x;
  }
  protected setParent(x: number, p: number): void {
    if (x < this.#low.length) {
      this.#low[x] = p;
      return;
    }
    this.#set.run(x, p);
    if (++this.#pending >= 100_000) {
      this.#spill.db.exec('COMMIT; BEGIN');
      this.#pending = 0;
    }
  }
  override close(): void {
    if (this.#spill.db.inTransaction) this.#spill.db.exec('COMMIT');
  }
}

export function createUnionFind(n: number, memoryCap: number, spill: SpillStore): UnionFind {
  return n <= memoryCap ? new MemoryUnionFind(n) : new SqliteUnionFind(spill, memoryCap);
}
