/** piscina worker entries: detection of one batch, and column classification, with the real detectors (see pool.ts). */
import type { ColumnClass } from '../types.js';
import { type BatchResult, type BatchTask, processBatch } from './batch.js';
import { defaultDetection } from './default-detection.js';
import type { ClassifyTask } from './pool.js';

export function runBatch(task: BatchTask): BatchResult {
  return processBatch(task, defaultDetection);
}

export function classifyColumns(task: ClassifyTask): ColumnClass[] {
  return defaultDetection.classifyColumns(task.table, task.columns, task.sample);
}
