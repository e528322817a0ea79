/**
 * piscina worker entry used when the build made the one-file bundle (pool.ts workerFileUrl): the
 * same entries as scan.worker.ts, compiled from the bundle with V8's code cache (bundle-cache.ts),
 * or scan.worker.ts's own when the bundle is not the one the build made.
 */
import { fileURLToPath } from 'node:url';
import type { BatchResult, BatchTask } from './batch.js';
import { loadBundle } from './bundle-cache.js';
import type * as Entries from './scan.worker.js';
import type { ClassifyTask } from './pool.js';
import type { ColumnClass } from '../types.js';

const entries = loadBundle<typeof Entries>(fileURLToPath(new URL('./scan.worker.bundle.cjs', import.meta.url)))?.entries ?? (await import('./scan.worker.js'));

export const runBatch: (task: BatchTask) => BatchResult = entries.runBatch;
export const classifyColumns: (task: ClassifyTask) => ColumnClass[] = entries.classifyColumns;
