/**
 * A temporary SQLite file that distinct-value sets and the people index spill into when they
 * outgrow their in-memory caps. Created lazily (small scans never touch the disk) in the OS
 * temp directory and deleted on close. Durability is irrelevant here: journal and fsync are off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

/**
 * better-sqlite3, loaded on the first spill rather than with the scan engine: most scans never
 * spill, and loading it was part of every scan's start-up (bench/README.md, issue 21, start21b).
 * `require`, not `import()`: `db` is a synchronous getter.
 */
const load = createRequire(import.meta.url);

export class SpillStore {
  #db: Database.Database | null = null;
  #dir: string | null = null;
  readonly #tmpRoot: string;

  constructor(tmpRoot: string = tmpdir()) {
    this.#tmpRoot = tmpRoot;
  }

  get opened(): boolean {
    return this.#db !== null;
  }

  get db(): Database.Database {
    if (!this.#db) {
      this.#dir = mkdtempSync(join(this.#tmpRoot, 'breachdesk-scan-'));
      const Sqlite = load('better-sqlite3') as typeof Database;
      const db = new Sqlite(join(this.#dir, 'spill.sqlite'));
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.pragma('temp_store = FILE');
      // 64 MiB page cache: keeps b-tree inserts fast without breaking the 512 MB RSS budget.
      db.pragma('cache_size = -65536');
      this.#db = db;
    }
    return this.#db;
  }

  /** Run `fn` inside one transaction (batched writes are ~100x faster than autocommit). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.#db?.close();
    this.#db = null;
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = null;
  }
}
