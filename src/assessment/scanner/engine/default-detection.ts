/** The real detectors and column classifier behind the engine's DetectionPort. */
import { classifyColumns, detectRecord, zipToState } from '../classify/index.js';
import { maskValue, scanText } from '../detectors/index.js';
import { nameTablesFrom } from '../detectors/text-names.js';
import { textBlockAnchors } from '../detectors/text-scan.js';
import type { DetectionPort } from './detection.port.js';
import { readNameTablesFile } from './name-tables-file.js';

// The name lists' tables as the build made them, read on the first free text (detectors build
// them when the file is missing or was made from other lists).
nameTablesFrom(readNameTablesFile);

export const defaultDetection: DetectionPort = {
  classifyColumns,
  detectRecord,
  scanText: (text, anchors, line) => scanText(text, undefined, anchors, line),
  textAnchors: textBlockAnchors,
  maskValue,
  maskSecret: maskValue,
  zipToState,
};
