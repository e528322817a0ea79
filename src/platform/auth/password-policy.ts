/**
 * Password policy after NIST SP 800-63B §3.1.1.2 (rev. 4): a minimum length, no composition rules,
 * and a check against passwords known from breaches and words of the context (the service's name,
 * the user's own names). The breach list ships with the product: the 49,233 most common passwords
 * of public breach corpora, as packaged by zxcvbn-ts (`@zxcvbn-ts/language-common`), so the check
 * works offline and no password ever leaves the server.
 */
import { createRequire } from 'node:module';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1000;

let breached: Set<string> | null = null;

/** Loaded on first use (≈ 10 ms); lower-cased, as the check compares case-insensitively. */
function breachedList(): Set<string> {
  if (!breached) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    breached = new Set((dictionary['passwords-common'] ?? []).map((p) => p.toLowerCase()));
  }
  return breached;
}

/**
 * Variants an attacker tries first: the password itself, and without a trailing year, counter or
 * punctuation ("password2024!" is "password" to a cracking rule set).
 */
function variants(lower: string): string[] {
  const out = [lower];
  const stem = lower.replace(/[\d\W_]{1,6}$/u, '');
  if (stem.length >= 4 && stem !== lower) out.push(stem);
  return out;
}

/** A short unit repeated ("aaaa…", "abcabc…") — trivially guessed whatever its length. */
function isRepetition(s: string): boolean {
  return /^(.{1,3})\1+$/su.test(s);
}

/**
 * The reason a password is refused, or null when it is acceptable. `context` holds the words of
 * this account (user name, e-mail, display name) that must not make up the password.
 */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `password: must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `password: must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (isRepetition(lower)) return 'password: a repeated character or short pattern is too easy to guess';
  const list = breachedList();
  if (variants(lower).some((v) => list.has(v))) return 'password: this password is in a list of common or breached passwords; choose another';
  // Context words (NIST: "the name of the service, the username"): what is left once they and
  // digits or punctuation are taken out must still be a password of its own.
  const strip = (s: string, words: string[]) => words.reduce((acc, w) => acc.split(w).join(''), s).replace(/[\d\W_]+/gu, '');
  const squashed = lower.replace(/[\s\W_]+/gu, '');
  if (squashed.includes('breachdesk') && strip(squashed, ['breachdesk']).length < 6) return 'password: must not be built from the name Breachdesk';
  const words = context.flatMap((c) => c.toLowerCase().split(/[@\s.+_-]+/u)).filter((w) => w.length >= 3);
  if (words.some((w) => squashed.includes(w)) && strip(squashed, ['breachdesk', ...words]).length < 6) {
    return 'password: must not be built from your user name or e-mail address';
  }
  return null;
}
