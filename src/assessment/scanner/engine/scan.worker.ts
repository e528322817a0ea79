/** piscina worker entry: detection of one batch with the real detectors (see pool.ts). */
import { type BatchResult, type BatchTask, processBatch } from './batch.js';
import { defaultDetection } from './default-detection.js';

export function runBatch(task: BatchTask): BatchResult {
  return processBatch(task, defaultDetection);
}
