/**
 * What the engine needs from the detectors and the column classifier. The engine depends on this
 * port, not on the modules, so unit tests can drive it with tiny fakes and the worker threads
 * can load the real implementation themselves (functions cannot cross a thread boundary).
 */
import type {
  ColumnClass,
  ElementId,
  RecordFindings,
  SecretFinding,
  SecretType,
  ValueFinding,
} from '../types.js';
import type { TextAnchors } from '../detectors/text-anchors.js';

export interface TextFindings {
  elements: ValueFinding[];
  secrets: SecretFinding[];
}

export interface DetectionPort {
  classifyColumns(table: string, columns: string[], sampleRows: (string | null)[][]): ColumnClass[];
  detectRecord(classes: ColumnClass[], row: (string | null)[]): RecordFindings;
  /** `anchors`, `line`: when `text` is line `line` of a block `textAnchors` marked (same findings, less work). */
  scanText(text: string, anchors?: TextAnchors | null, line?: number): TextFindings;
  /** Anchors of a text block's lines found on its bytes (detectors/text-anchors.ts); optional. */
  textAnchors?(buf: Uint8Array, lines: readonly string[]): TextAnchors | null;
  /** Masked preview of a personal-data value (`j***@example.com`, `***-**-6789`). */
  maskValue(element: ElementId, value: string): string;
  /** Masked preview of a secret; the engine falls back to `maskSecretDefault`. */
  maskSecret?(type: SecretType, value: string): string;
  /** US ZIP (5 digits or ZIP+4) → USPS state code, or null. */
  zipToState(zip: string): string | null | undefined;
}

/** Keep a recognisable prefix (token type) and the last 3 characters: `ghp_…x9Q`. */
export function maskSecretDefault(_type: SecretType, value: string): string {
  const v = value.trim();
  if (v.startsWith('-----BEGIN')) return `${v.slice(0, v.indexOf('-----', 10) + 5)}…`;
  if (v.length <= 8) return '…';
  const prefix = /^[A-Za-z]{2,6}[_-]/.exec(v)?.[0] ?? v.slice(0, 2);
  return `${prefix}…${v.slice(-3)}`;
}
