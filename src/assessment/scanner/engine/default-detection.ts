/** The real detectors and column classifier behind the engine's DetectionPort. */
import { classifyColumns, detectRecord, zipToState } from '../classify/index.js';
import { maskValue, scanText } from '../detectors/index.js';
import { textBlockAnchors } from '../detectors/text-scan.js';
import type { DetectionPort } from './detection.port.js';

export const defaultDetection: DetectionPort = {
  classifyColumns,
  detectRecord,
  scanText: (text, anchors, line) => scanText(text, undefined, anchors, line),
  textAnchors: textBlockAnchors,
  maskValue,
  maskSecret: maskValue,
  zipToState,
};
