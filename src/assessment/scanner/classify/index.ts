/** Public API of the column classifier and record detection (contract: scanner/types.ts). */
export { classifyColumn, classifyColumns } from './columns.js';
export { isCountry, isUsState, normaliseCountry, normaliseRegion, zipToState } from './geo.js';
export { type HeaderMatch, type HeaderMeaning, headerTokens, matchHeader } from './headers.js';
export { detectRecord } from './record.js';
