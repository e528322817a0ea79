/** Public API of the scanner's detectors (see scanner/types.ts for the shared contract). */
export type { Detector } from './detector.js';
export { isPlaceholder } from './detector.js';
export { maskValue } from './mask.js';
export { DETECTORS, detectorFor } from './registry.js';
export { type ScanTextOptions, scanText, type TextFindings } from './text-scan.js';
export { NATIONAL_ID_KINDS, validateNationalId } from './national-ids.js';
export { validatePhone } from './contact.js';
