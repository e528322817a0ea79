/**
 * WAL checkpoints off the writer's thread (SQLite). With SQLite's default, the connection that
 * commits the 1,000th WAL page copies the WAL into the database file and syncs both inside that
 * commit: on `serve` that is an alert-intake group commit, with 50 requests waiting on the event
 * loop it blocks (bench/README.md, issue 15). Here a worker thread, on its own connection, runs a
 * PASSIVE checkpoint a few times a second once the WAL has grown; it never blocks the writer, and
 * the writer restarts the WAL from the start once everything is copied.
 *
 * The writer keeps an automatic checkpoint of its own, at a much larger WAL (WRITER_FALLBACK_PAGES):
 * the fallback if the worker falls behind (or cannot run), so the WAL stays bounded either way.
 * Durability is unchanged: a commit is in the WAL when it returns, whoever checkpoints it later.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** WAL size from which the worker is started (a short CLI run never needs it). */
const START_BYTES = 1024 * 1024;
/** How often the main thread looks at the WAL size until the worker runs, and how often the worker checkpoints. */
const POLL_MS = 500;
const CHECKPOINT_MS = 200;
/** The writer's own automatic checkpoint (pages, 4 KiB each): ≈ 64 MiB of WAL. */
export const WRITER_FALLBACK_PAGES = 16_384;

// CommonJS, evaluated: the same code whether this module runs compiled (dist) or from source (tests).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.close();
});
`;

export interface Checkpointer {
  close(): Promise<void>;
}

/** Moves `sqlite`'s routine checkpoints to a worker thread (file databases in WAL mode). */
export function checkpointOffThread(sqlite: SQLite.Database, file: string): Checkpointer {
  sqlite.pragma(`wal_autocheckpoint = ${WRITER_FALLBACK_PAGES}`);
  let worker: Worker | null = null;
  const start = () => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // No inherited flags: `--input-type=module` (node -e) would make this CommonJS source fail.
    const w = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { driver, file, everyMs: CHECKPOINT_MS } });
    // Best effort: if the thread dies, the writer's own (larger) automatic checkpoint remains.
    w.on('error', () => {});
    w.once('exit', () => {
      if (worker === w) worker = null;
    });
    w.unref();
    worker = w;
  };
  const poll = setInterval(() => {
    let size = 0;
    try {
      size = statSync(`${file}-wal`).size;
    } catch {
      return;
    }
    if (size < START_BYTES) return;
    clearInterval(poll);
    start();
  }, POLL_MS);
  poll.unref();
  return {
    async close() {
      clearInterval(poll);
      const w = worker;
      worker = null;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      // Unreferenced while running (it must not keep a CLI alive); referenced while it finishes,
      // or a process with nothing else to do would exit before the promise settles (code 13).
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
}
