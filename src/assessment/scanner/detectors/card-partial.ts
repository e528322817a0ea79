/**
 * Truncated and masked card numbers (`payment_card_partial`, issue 20 §7): a PAN with its middle
 * or all but its last four digits masked (`************1234`, `4111 11** **** 1111`,
 * `XXXX-XXXX-XXXX-1234`), or a "last four" after a card word ("Visa ending in 4242"). PCI DSS
 * v4.0 req. 3.4.1 lets a merchant display at most the first six and last four digits; such a
 * value is not a card number on its own, and whether it counts as one under a breach law is a
 * judgement the obligations engine asks for (src/obligations/engine/judgement.ts).
 *
 * Value: the visible leading digits, one `*`, the last four (`411111*1111`, `*1234`), so the same
 * masked card counts once however it was written.
 */
import type { ValueFinding } from '../types.js';
import { type Detector, element } from './detector.js';

/** Up to 6 visible digits, a mask of ≥ 4 mask characters (with separators), the last 4 digits. */
const MASKED = /^((?:\d[ -]?){0,6})((?:[*xX•#][ -]?){4,15})(\d{4})$/;

/** A masked PAN: 13–19 positions in all, at least four of them masked. */
function masked(v: string): ValueFinding | null {
  const m = MASKED.exec(v);
  if (!m) return null;
  const lead = m[1].replace(/[ -]/g, '');
  const maskCount = m[2].replace(/[ -]/g, '').length;
  const total = lead.length + maskCount + 4;
  if (total < 12 || total > 19) return null;
  // Visible leading digits are an issuer prefix (ISO/IEC 7812: cards start with 2–6).
  if (lead.length > 0 && !/^[2-6]/.test(lead)) return null;
  return element('payment_card_partial', `${lead}*${m[3]}`);
}

/** Column values: a masked PAN, or (by column meaning: "last4", "card_last_four") four digits. */
export function validatePartialCard(value: string): ValueFinding | null {
  const v = value.trim();
  if (/^\d{4}$/.test(v)) return v === '0000' ? null : element('payment_card_partial', `*${v}`);
  return masked(v);
}

export const paymentCardPartial: Detector = {
  id: 'payment_card_partial',
  kind: 'element',
  description: 'Truncated or masked card number (last four, first six + last four; PCI DSS 3.4.1), by mask shape or column meaning',
  keywords: ['ending in', 'last 4', 'last four', 'last4'],
  validate: validatePartialCard,
  sampleable: true,
  sample: (v) => masked(v.trim()) !== null,
  fixtures: {
    ok: ['************1234', '4111 11** **** 1111', 'XXXX-XXXX-XXXX-1234', '1234'],
    ng: ['12345', '****', 'hello', '********', '9111********1111'],
  },
};

/** Prefilter words (text-scan.ts): the start of a mask, or a "last four" phrase. */
// No '••••': the prefilter puts every non-ASCII character in one bucket (text-keywords.ts).
export const PARTIAL_CARD_MASK_WORDS = ['****', 'xxxx', '####'];
export const PARTIAL_CARD_LAST4_WORDS = ['ending in', 'ending with', 'last 4', 'last four', 'last4', 'endet auf', 'se termine par', 'termina en'];

const MASK_RUN = /((?:\d[ -]?){0,6}(?:[*xX•#][ -]?){4,15}\d{4})(?![\d*])/y;
const CARD_WORD = /\b(?:card|visa|master ?card|amex|discover|cc|karte|carte|tarjeta)\b/i;
const LAST4_DIGITS = /[\s:#=]{0,3}(\d{4})(?!\d)/y;

/**
 * A prefilter hit at `pos` (`word` lower-cased): a masked PAN starting at most 16 characters
 * before a mask word, or four digits after a "last four" phrase that a card word precedes
 * ("Visa ending in 4242"; an account or phone "ending in" is not a card). Returns the index after
 * the value, or -1.
 */
export function partialCardAt(text: string, pos: number, word: string, out: ValueFinding[]): number {
  if (PARTIAL_CARD_MASK_WORDS.includes(word)) {
    let s = pos;
    while (s > 0 && pos - s < 16 && /[\d *xX•#-]/.test(text[s - 1])) s--;
    while (s < pos && /[ -]/.test(text[s])) s++;
    if (s > 0 && /[\w*•#]/.test(text[s - 1])) return -1;
    MASK_RUN.lastIndex = s;
    const m = MASK_RUN.exec(text);
    if (!m) return -1;
    const f = masked(m[1]);
    if (f) out.push(f);
    return s + m[0].length;
  }
  if (!CARD_WORD.test(text.slice(pos > 40 ? pos - 40 : 0, pos))) return -1;
  LAST4_DIGITS.lastIndex = pos + word.length;
  const m = LAST4_DIGITS.exec(text);
  if (!m || m[1] === '0000') return -1;
  out.push(element('payment_card_partial', `*${m[1]}`));
  return LAST4_DIGITS.lastIndex;
}
