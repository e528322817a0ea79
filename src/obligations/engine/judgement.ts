/**
 * Elements whose legal weight needs judgement (issue 20 §1). A statute names "a password … that
 * would permit access to an online account" (Cal. Civ. Code §1798.82(h)(2)) or "account number"
 * (e.g. N.Y. GBL §899-aa(1)(b)(iii)); whether a *hash* of the password or a *truncated* number is
 * that element depends on facts: a fast or unsalted hash, or leaked salts or keys, is recoverable
 * and counts; a slow salted hash with its secrets safe does not; unknown → the rule answers
 * `review` with the question, and never a silent "not required".
 */
import type { ElementId } from '../../assessment/scanner/types.js';
import { ELEMENT_IDS } from '../../assessment/scanner/types.js';
import type { BreachFacts } from '../facts.schema.js';

export interface OpenJudgement {
  element: string;
  reason: string;
  question: string;
}

interface Judgement {
  /** The element found (an id of ELEMENT_IDS; entries for ids the scanner does not emit are inert). */
  element: string;
  /** The statutory element it may be. */
  countsAs: ElementId;
  /** true: counts; false: does not; null: a person must decide. */
  settle: (f: BreachFacts) => { counts: boolean | null; why: string };
  reason: string;
  question: string;
}

/**
 * Password-hashing schemes built to resist offline guessing (slow, salted by design): OWASP
 * Password Storage Cheat Sheet; NIST SP 800-63B §5.1.1.2 (salted, cost-factor key derivation).
 */
const SLOW_HASH = /^(argon2(id|i|d)?|bcrypt|scrypt|yescrypt|pbkdf2([-_ ]?(sha|hmac).*)?|sha(256|512)[-_]?crypt)$/i;

const hashCounts = (f: BreachFacts): { counts: boolean | null; why: string } => {
  const h = f.breach.hashing;
  if (h?.secretsLeaked === true) return { counts: true, why: 'the salts, pepper or key leaked with the hashes' };
  if (h?.algorithm && !SLOW_HASH.test(h.algorithm.trim())) return { counts: true, why: `${h.algorithm} is a fast hash: recoverable by guessing` };
  if (h?.salted === false) return { counts: true, why: 'unsalted hashes: recoverable from precomputed tables' };
  if (h?.algorithm && h.salted === true && h.secretsLeaked === false)
    return { counts: false, why: `${h.algorithm}, salted, secrets safe: not a usable password` };
  return { counts: null, why: '' };
};

const JUDGEMENTS: Judgement[] = [
  {
    element: 'password_hash',
    countsAs: 'password',
    settle: hashCounts,
    reason: 'password hashes count as passwords if they can be recovered',
    question: 'Can the leaked password hashes be recovered (fast or unsalted algorithm, or salts/keys leaked)? Set breach.hashing {algorithm, salted, secretsLeaked}.',
  },
  {
    // Truncated card numbers (last four digits), once the scanner reports them apart (issue 20 §7).
    element: 'payment_card_partial',
    countsAs: 'payment_card',
    settle: () => ({ counts: null, why: '' }),
    reason: 'a truncated card number counts only if enough digits were exposed to be an account number',
    question: 'How many digits of the card numbers were exposed, and with what else? A last-four alone is generally not an "account number".',
  },
];
const KNOWN = new Set<string>(ELEMENT_IDS);
const ACTIVE = JUDGEMENTS.filter((j) => KNOWN.has(j.element));

export interface JudgedElements {
  /** The elements, plus what they settled to count as. */
  certain: Set<ElementId>;
  /** `certain` plus what the open judgements might count as. */
  possible: Set<ElementId>;
  open: OpenJudgement[];
  /** Settled judgements, for the "why". */
  settled: string[];
}

export const judgedElements = (elements: readonly ElementId[], facts: BreachFacts): JudgedElements => {
  const certain = new Set<ElementId>(elements);
  const possible = new Set<ElementId>(elements);
  const open: OpenJudgement[] = [];
  const settled: string[] = [];
  for (const j of ACTIVE) {
    if (!certain.has(j.element as ElementId) || certain.has(j.countsAs)) continue;
    const s = j.settle(facts);
    if (s.counts === true) {
      certain.add(j.countsAs);
      possible.add(j.countsAs);
      settled.push(`${j.element} counted as ${j.countsAs}: ${s.why}`);
    } else if (s.counts === null) {
      possible.add(j.countsAs);
      open.push({ element: j.element, reason: j.reason, question: j.question });
    } else settled.push(`${j.element} not counted as ${j.countsAs}: ${s.why}`);
  }
  return { certain, possible, open, settled };
};
