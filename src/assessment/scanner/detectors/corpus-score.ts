/**
 * Scores free-text detection against a labelled corpus in Presidio's format (`full_text` and
 * `spans[{entity_type, entity_value}]`): recall and precision per element (issue 14 §5). Used by
 * `bench/corpus-eval.mjs` (the table in bench/README.md) and by `text-corpus.test.ts` (the
 * thresholds), so both count the same way.
 *
 * Matching is value-based (scanText returns normalised values, not offsets): a labelled span is
 * found when a finding of the mapped element has the same normalised value (digits for numbers,
 * lower-case e-mail, compact upper-case IBAN; for names and addresses one contains the other, after
 * collapsing white space). A finding that matches no span of its element in the same text is a
 * false positive, except dates of birth that match a DATE_TIME label (the corpus has no DOB label).
 */
import type { ValueFinding } from '../types.js';

export interface LabelledText {
  full_text: string;
  spans: { entity_type: string; entity_value: string }[];
}

export interface ElementScore {
  element: string;
  labelled: number;
  found: number;
  recall: number | null;
  findings: number;
  falsePositives: number;
  precision: number | null;
}

/** Presidio entity types → Breachdesk elements. */
export const CORPUS_ELEMENTS: Readonly<Record<string, string>> = {
  EMAIL_ADDRESS: 'email',
  CREDIT_CARD: 'payment_card',
  IBAN_CODE: 'iban',
  US_SSN: 'us_ssn',
  IP_ADDRESS: 'ip_address',
  PHONE_NUMBER: 'phone',
  PERSON: 'person_name',
  STREET_ADDRESS: 'postal_address',
  US_DRIVER_LICENSE: 'drivers_license',
};
/** Labels not scored for recall that make a finding of that element not a false positive. */
const ALSO: Readonly<Record<string, string>> = { DATE_TIME: 'date_of_birth' };

const digits = (s: string) => s.replace(/\D/g, '');
const words = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const nums = (x: string) => (x.match(/\d+/g) ?? []).map(Number);

export function sameValue(element: string, span: string, found: string): boolean {
  switch (element) {
    case 'email':
    case 'ip_address':
      return span.toLowerCase() === found;
    case 'iban':
      return span.replace(/\s/g, '').toUpperCase() === found;
    case 'phone': {
      const a = digits(span.replace(/\s?(?:x|ext\.?)\s?\d+$/i, '')).replace(/^0+/, '');
      const b = digits(found).replace(/^0+/, '');
      return a.length >= 6 && (b.endsWith(a) || a.endsWith(b) || b.endsWith(a.slice(-7)));
    }
    case 'person_name':
    case 'postal_address': {
      const a = words(span);
      const b = words(found);
      return a.includes(b) || b.includes(a);
    }
    default:
      return digits(span) === digits(found) && digits(found).length > 0;
  }
}

/** Per-element recall and precision of `findingsOf(text)` over the corpus, most-labelled first. */
export function scoreCorpus(corpus: readonly LabelledText[], findingsOf: (text: string) => readonly ValueFinding[]): ElementScore[] {
  const stats = new Map<string, { labelled: number; found: number; fp: number; findings: number }>();
  const row = (e: string) => {
    let s = stats.get(e);
    if (!s) {
      s = { labelled: 0, found: 0, fp: 0, findings: 0 };
      stats.set(e, s);
    }
    return s;
  };
  for (const r of corpus) {
    const found = findingsOf(r.full_text);
    const spans = r.spans.filter((s) => CORPUS_ELEMENTS[s.entity_type]).map((s) => ({ el: CORPUS_ELEMENTS[s.entity_type], v: s.entity_value }));
    for (const s of spans) {
      const st = row(s.el);
      st.labelled++;
      if (found.some((f) => f.element === s.el && sameValue(s.el, s.v, f.value))) st.found++;
    }
    for (const f of found) {
      const st = row(f.element);
      st.findings++;
      const also = r.spans.filter((s) => ALSO[s.entity_type] === f.element);
      const alsoOk = also.some((s) => nums(f.value).length > 0 && nums(f.value).every((n) => nums(s.entity_value).includes(n)));
      if (!spans.some((s) => s.el === f.element && sameValue(f.element, s.v, f.value)) && !alsoOk) st.fp++;
    }
  }
  return [...stats.entries()]
    .sort((a, b) => b[1].labelled - a[1].labelled)
    .map(([element, s]) => ({
      element,
      labelled: s.labelled,
      found: s.found,
      recall: s.labelled ? +(s.found / s.labelled).toFixed(3) : null,
      findings: s.findings,
      falsePositives: s.fp,
      precision: s.findings ? +((s.findings - s.fp) / s.findings).toFixed(3) : null,
    }));
}
