/**
 * Person names after a cue in free text ("my name is", "Name:", "Mr", "Dr", "Dear" …) and on lines
 * of their own in multi-line records. Street addresses: text-address.ts; names without a cue:
 * text-names.ts.
 */
import type { ValueFinding } from '../types.js';
import { element } from './detector.js';
import { isLetterChar } from './text-fast-paths.js';
import { vetoed } from './text-name-context.js';

/** Strong cues: what follows is a name even when it is one word ("My name is Siiri"). */
export const NAME_STRONG = ['my name is', 'name is', 'name:', 'name =', 'last name', 'first name', 'full name', 'i am ', "i'm ", 'this is ', 'mr ', 'mr.', 'mrs ', 'mrs.', 'ms ', 'ms.', 'miss ', 'mx.', 'dr.', 'prof.', 'dear ', 'sincerely', 'regards', 'signed', 'herr ', 'frau ', 'monsieur ', 'madame ', 'mme ', 'mme.', 'señor ', 'señora ', 'sr.', 'sra.', 'signor ', 'signora ', 'sig.', 'dhr.', 'mevr.'];
/** Weak cues: only two or more capitalised words count ("sung by Bonifacy Kaczmarek"). */
export const NAME_WEAK = ['by ', 'called ', 'named ', 'under ', 'user:', 'customer:', 'patient:', 'employee:', 'client:', 'attn', 'contact:', 'producer ', 'director ', 'author '];

const TITLE = /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame)\.?$/;
const NAME = /(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)(?:[ \t]+(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.|\p{Lu}(?![\p{L}])|(?:van|von|de|da|di|del|der|le|la|du|dos)(?=[ \t]+\p{Lu}))){0,3}/uy;
const NOT_NAMES = new Set(['I', 'The', 'A', 'An', 'Not', 'So', 'Just', 'Here', 'Happy', 'Sorry', 'Glad', 'From', 'In', 'At', 'On', 'Available', 'Interested', 'Looking', 'Calling', 'Writing', 'Going', 'Unable', 'Still', 'Also', 'Very', 'Your', 'My', 'Our', 'This', 'That', 'It', 'We', 'You', 'Thank', 'Thanks', 'Please', 'Hello', 'Hi', 'Yes', 'No', 'Sir', 'Madam', 'All', 'Team', 'Customer', 'Support', 'Admin', 'User', 'Null', 'None', 'Unknown', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Street', 'Road', 'Avenue', 'Inc', 'Ltd', 'Company', 'Bank', 'University']);

const ADDRESS_WORDS = new Set(['apt', 'apartment', 'suite', 'unit', 'flat', 'box', 'street', 'st', 'avenue', 'ave', 'road', 'rd', 'lane', 'drive', 'rue', 'via', 'calle', 'rua']);

/** Words that end organisation and country names, which also stand alone on lines. */
const NOT_NAME_LINE = new Set(['Corporation', 'Corp', 'Group', 'Inc', 'LLC', 'Ltd', 'GmbH', 'AG', 'SA', 'Club', 'Bank', 'Kingdom', 'States', 'Republic', 'Islands', 'Emirates', 'Union', 'Department', 'Office', 'Services', 'Solutions', 'Systems', 'Technologies', 'Personal', 'Info']);

const isLetter = isLetterChar;

/** A name right after a cue ending at `end`; returns the index after it, or -1. */
export function nameAfterCue(text: string, cueStart: number, end: number, strong: boolean, out: ValueFinding[]): number {
  if (isLetter(text[cueStart - 1])) return -1;
  let pos = end;
  while (pos < text.length && pos - end < 4 && /[ \t,:]/.test(text[pos])) pos++;
  if (strong && text[pos] === '\n') pos++;
  NAME.lastIndex = pos;
  let n = NAME.exec(text);
  if (!n) return -1;
  let words = n[0].split(/[ \t]+/);
  // "this is Dr. Kyle Kuefer": skip a title right after the cue.
  if (TITLE.test(words[0])) {
    const next = n.index + words[0].length;
    const gap = /^[ \t]+/.exec(text.slice(next, next + 4));
    if (!gap) return -1;
    NAME.lastIndex = next + gap[0].length;
    n = NAME.exec(text);
    if (!n) return -1;
    words = n[0].split(/[ \t]+/);
  }
  // Stop before address words ("Mrs. Barbara Yudina Apt. 675").
  const cut = words.findIndex((w) => ADDRESS_WORDS.has(w.replace(/\.$/, '').toLowerCase()));
  if (cut >= 0) words = words.slice(0, cut);
  if (words.length === 0 || NOT_NAMES.has(words[0]) || words.length < (strong ? 1 : 2)) return -1;
  const name = words.join(' ');
  if (name.length < 2) return -1;
  out.push(element('person_name', name));
  return n.index + name.length;
}

/**
 * A line that is nothing but two or three capitalised words ("William Hughes" heading a letter or
 * a signature block) is taken as a name when the text has more than one line: in multi-line
 * records such lines are names far more often than anything else. Only checked on texts with a
 * newline (never on single log lines).
 */
const NAME_LINE = /^[ \t]*(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\.?)?(?:[ \t]+\p{Lu}\p{Ll}+){1,2})[ \t]*$/gmu;

export function nameLines(text: string, out: ValueFinding[]): void {
  if (text.indexOf('\n') === -1) return;
  NAME_LINE.lastIndex = 0;
  for (let m = NAME_LINE.exec(text); m; m = NAME_LINE.exec(text)) {
    const words = m[1].split(/[ \t]+/);
    if (words.some((w) => NOT_NAMES.has(w) || NOT_NAME_LINE.has(w) || ADDRESS_WORDS.has(w.toLowerCase()))) continue;
    if (vetoed(words.map((w) => w.toLowerCase()), text, m.index + m[0].length)) continue;
    // Inside an address block (a line with digits just above) it is a town, not a person.
    const above = /([^\n]*)\n[\s]*$/.exec(text.slice(Math.max(0, m.index - 120), m.index));
    if (above && /\d/.test(above[1])) continue;
    out.push(element('person_name', words.join(' ')));
  }
}
