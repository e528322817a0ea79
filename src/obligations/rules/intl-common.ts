/** Small shared pieces for the non-US, non-EU rule files. */
export const ANY_PERSONAL_DATA = { anyOf: [], combos: [] };
export const NO_HARBOUR = { applies: false, lostIfKeyCompromised: false };
export const HARBOUR = { applies: true, lostIfKeyCompromised: true };
export const V8 = (section: string, extra = '') =>
  `from reference/breach-law.md ${section}${extra}; not re-checked against the statute`;
