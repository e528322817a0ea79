/** The real detectors and column classifier behind the engine's DetectionPort. */
import { classifyColumns, detectRecord, zipToState } from '../classify/index.js';
import { maskValue, scanText } from '../detectors/index.js';
import type { DetectionPort } from './detection.port.js';

export const defaultDetection: DetectionPort = {
  classifyColumns,
  detectRecord,
  scanText: (text) => scanText(text),
  maskValue,
  maskSecret: maskValue,
  zipToState,
};
