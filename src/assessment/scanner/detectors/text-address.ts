/**
 * Street addresses in free text (issue 14 §5). There is no validator for an address, so each
 * finding starts at a cue the keyword prefilter found and is grown by the grammar of postal
 * addresses (UPU S42 templates; USPS Publication 28 for US street suffixes and military mail):
 *  - the street: house number + street name + type word (EN), type word + name + number (FR, ES,
 *    IT, PT, PL), a compound ending in a street suffix + number (DE, NL, Nordic, FI), a name + a
 *    separate type word + number (HU "Király u. 15.", NO "Trenerys gate 232", EE "Luite tee 87"),
 *    or, after an address cue ("address:", "lives at", "Adresse"), any name + house number;
 *  - apartment, suite, unit, PO box and US military lines (PSC/Unit … Box …, a ship, then
 *    APO/FPO/DPO AA|AE|AP + ZIP);
 *  - then the block: a building number before the street on its line, the unit, and the lines that
 *    follow as long as they read as locality, region code and postcode lines (a postcode line ends
 *    the block), or on the same line ", Locality" and a postcode.
 * Findings are collected as [start, end) spans, overlapping or adjacent ones merged, so one address
 * is one value. Cost: work only at cue hits, a few sticky regexes each.
 */
import type { ValueFinding } from '../types.js';
import { element } from './detector.js';
import { isLetterChar } from './text-fast-paths.js';

/** Street-type words after the street name, with a house number before (EN; USPS Pub. 28 C1, the common ones). */
export const STREET_AFTER = ['street', 'st.', 'st ', 'st,', 'st\n', 'rd\n', 'sq ', 'sq.', 'sq\n', 'ave\n', 'avenue', 'ave.', 'ave ', 'road', 'rd.', 'rd ', 'lane', 'boulevard', 'blvd', 'drive', 'dr ', 'court', 'place', 'square', 'terrace', 'highway', 'parkway', 'crescent', 'alley', 'trail', 'plaza', 'gardens', 'str.', 'close', 'way ', 'row ', 'circle', 'grove', 'mews', 'walk ', 'hill ', 'loop ', 'pike ', 'route ', 'passage', 'quay', 'wharf', 'esplanade', 'promenade'];
/** Street-type words before the street name, a house number after (FR, ES, IT, PT, CA, PL, CZ). */
export const STREET_BEFORE = ['rue ', 'avenue ', 'boulevard ', 'chemin ', 'allée ', 'impasse ', 'calle ', 'avenida ', 'avda. ', 'c/ ', 'paseo ', 'carrer ', 'via ', 'viale ', 'piazza ', 'piazzetta ', 'corso ', 'largo ', 'rua ', 'rúa ', 'travessa ', 'praça ', 'alameda ', 'ulica ', 'ul. ', 'náměstí ', 'nám. '];
/** Compound street names (DE, NL, Nordic, FI): the suffix ends the word, the number follows. */
export const STREET_SUFFIX = ['strasse', 'straße', 'straat', 'gasse', 'allee', 'platz', 'weg ', 'laan', 'gracht', 'plein', 'katu', 'kuja', 'tie ', 'vej ', 'gade', 'gatan', 'gata', 'vägen', 'veien', 'vegen', 'stræde', 'stræti', 'braut', 'vegur', 'utca', 'ulice'];
/** A separate type word between the name and the number (HU, NO, DK, EE, GR transliterated). */
export const STREET_MID = ['u. ', 'utca ', 'út ', 'útja ', 'tér ', 'körút ', 'krt. ', 'rkp. ', 'köz ', 'fasor ', 'gate ', 'vei ', 'tee ', 'str ', 'odos '];
export const UNIT_WORDS = ['apt', 'apartment', 'suite', 'unit ', 'flat ', 'p.o. box', 'po box', 'box ', 'postbox', 'postfach', 'apartado', 'psc '];
/** Words after which an address follows, in several languages. */
export const ADDRESS_CUES = ['address', 'adresse', 'anschrift', 'dirección', 'direccion', 'indirizzo', 'endereço', 'adres ', 'adres:', 'adresa', 'osoite', 'lives at', 'lives on', 'lives in', 'living at', 'located at', 'located on', 'resides at', 'ship to', 'deliver to', 'sent to', 'send it to', 'mail to', 'wohnt in', 'wohnhaft', 'domicilio', 'domicile'];
/** A street corner: "the corner of Elm St and 5th Ave". */
export const CORNER_WORDS = ['corner of ', 'intersection of '];
/** US military mail (USPS Pub. 28 §225): the last line. */
export const MILITARY_WORDS = ['fpo ', 'apo ', 'dpo '];

export type AddressCue = 'after' | 'before' | 'suffix' | 'mid' | 'unit' | 'cue' | 'military' | 'corner';

const isLetter = isLetterChar;

const STICKY = new Map<string, RegExp>();
function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  let r = STICKY.get(re.source);
  if (!r) {
    r = new RegExp(re.source, `y${re.flags.replace(/[gy]/g, '')}`);
    STICKY.set(re.source, r);
  }
  r.lastIndex = pos;
  return r.exec(text);
}

/** After an address cue, the first number on the line starts the address: building number(s), a street name, a house number. */
const CUED_STREET = /\d{1,6}[ \t]+(?:\d{1,5}[ \t]+)?(?:[\p{L}][\p{L}'’.-]*[ \t]+){1,5}?\d{1,5}[a-zA-Z]?\b\.?|\d{1,6}[ \t]+\d{1,5}[ \t]+\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{L}'’.-]+){0,4}/u;
/** A ship, or a PSC/Unit box: the line above "FPO AE 25990". */
const MILITARY_LINE = /(?:\b(?:USS|USNS|USNV|USCGC)[ \t]+[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+){0,2}|\b(?:PSC|Unit)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5})[ \t]*\n[ \t]*$/iu;

const FUNCTION_WORD = /(?:^|[ \t])(?:a|an|is|are|was|were|does|do|not|no|but|to|for|with|by|per|each|every|and|or|if|then|than|this|that|it)(?=[ \t]|$)/i;

/** Record an address found at [start, end) around a cue at [start, end) of the given kind. */
export function addressAround(text: string, start: number, end: number, cue: AddressCue, spans: number[]): void {
  if (cue === 'suffix') {
    let s = start;
    while (s > 0 && isLetter(text[s - 1])) s--;
    // The suffix must end a longer word (Hauptstraße, Koskikatu), not stand alone ("a tie 5").
    if (start - s < 2 && !/^(?:str|gas|all|pla|laa|gra|ple)/i.test(text.slice(start, end))) return;
    const num = at(/[ \t]*\d{1,5}[a-z]?\b\.?/, text, end);
    // "Augsburger Strasse 36": the word before a stand-alone suffix belongs to the street.
    if (start === s) {
      const w = /(?:^|[ \t])([\p{Lu}][\p{L}-]+[ \t]+)$/u.exec(text.slice(Math.max(0, s - 30), s));
      if (w) s -= w[1].length;
    }
    if (num) spans.push(s, num.index + num[0].length);
    return;
  }
  if (isLetter(text[start - 1]) || (cue !== 'cue' && text.charCodeAt(start - 1) === 45)) return;
  if (cue === 'unit') {
    const num = at(/\.?[ \t]*#?\d{1,5}\b(?:,?[ \t]+box[ \t]+\d{1,5}\b)?/i, text, end);
    if (num) spans.push(start, num.index + num[0].length);
    return;
  }
  if (cue === 'military') {
    // "FPO AE 25990" after a line naming a ship (USS, USNS, USNV, USCGC) or a PSC/Unit box.
    const m = at(/(?:AA|AE|AP)[ \t]+\d{5}\b/i, text, end);
    if (!m) return;
    const prev = MILITARY_LINE.exec(text.slice(Math.max(0, start - 60), start));
    if (prev) spans.push(start - prev[0].length, m.index + m[0].length);
    return;
  }
  if (cue === 'corner') {
    // Two streets joined by "and"/"&", each of one to five words (capitalised or numbered), up to punctuation.
    const m = at(/(?:\d{1,5}[a-z]{0,2}\.?[ \t]+)?\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{L}\d'’.-]+){0,5}?[ \t]+(?:and|&)[ \t]+(?:\d{1,5}[a-z]{0,2}\.?[ \t]+)?\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*|St\.|\d{1,5}\b\.?)){0,4}/u, text, end);
    if (m) spans.push(m.index, m.index + m[0].replace(/[.,]+$/, '').length);
    return;
  }
  if (cue === 'cue') {
    // The first number within the line's next 60 characters ("address of Peerj is 9721 …").
    const win = text.slice(end, end + 60);
    const d = win.search(/(?<![\p{L}\d.,:/-])\d/u);
    if (d < 0 || win.lastIndexOf('\n', d) !== -1) return;
    const m = at(CUED_STREET, text, end + d);
    if (m) spans.push(m.index, m.index + m[0].length);
    return;
  }
  if (cue === 'mid') {
    // "Király u. 15.", "Trenerys gate 232": one to three words before, a number after.
    const num = at(/\d{1,5}[a-z]?\b\.?/, text, end);
    const pre = /(?:^|[^\p{L}\d])(\p{Lu}[\p{L}'’-]*[ \t]+(?:[\p{L}][\p{L}'’-]*[ \t]+){0,2})$/u.exec(text.slice(Math.max(0, start - 40), start));
    if (num && pre) spans.push(start - pre[1].length, num.index + num[0].length);
    return;
  }
  if (cue === 'after') {
    if (isLetter(text[end]) && !/[ .,\n]$/.test(text.slice(start, end))) return;
    const pre = text.slice(Math.max(0, start - 60), start);
    const b = /(?:^|[^\d\p{L}])(\d{1,5}[A-Za-z]?,?(?:[ \t]+[\p{L}'’.-]+){1,4}[ \t]+)$/u.exec(pre);
    // In mixed-case text a street name is capitalised, and in any text it holds no function word
    // ("170 bytes a row", "3 does not follow row" are not streets).
    if (b && (/\p{Lu}/u.test(b[1]) || !/\p{Lu}/u.test(text)) && !FUNCTION_WORD.test(b[1])) spans.push(start - b[1].length, /[ ,\n]$/.test(text.slice(start, end)) ? end - 1 : end);
    return;
  }
  const post = at(/(?:[\p{L}'’.-]+[ \t]+){1,5}?\d{1,5}[a-z]?\b\.?/u, text, end);
  if (post) spans.push(start, post.index + post[0].length);
  else {
    // "26 rue des Lilas", "31 Rue Al Imam Al Bakri": the number before, the name to the line's end or a comma.
    const num = /(?:^|[^\p{L}\d])\d{1,5}[a-z]?,?[ \t]+$/u.exec(text.slice(Math.max(0, start - 8), start));
    const name = at(/(?:[ \t]*[\p{L}'’.-]+){1,6}/u, text, end);
    if (num && name) spans.push(start - num[0].length + (/^[^\d]/.test(num[0]) ? 1 : 0), name.index + name[0].replace(/\.+$/, '').length);
  }
}

// ---- the block around a street ----------------------------------------------------------------

/** A quoting prefix of a line ("> ", "??? ", indentation). */
const QUOTE = /[ \t>?]*/;
const POSTCODE = /(?:\d{4,5}|\d{2}-\d{3}|\d{3} \d{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})(?![\p{L}\d])/u;
/** A line that is a postcode, optionally after a locality/country and a region code ("Estonia 62488", "Lyss, nan 50662", "NS"). */
const POSTCODE_LINE = new RegExp(`(?:[\\p{L}][\\p{L}'’.()-]*(?:[ \\t]+[\\p{L}'’.()-]+){0,3},?[ \\t]+)?(?:[A-Za-z]{2,3}[ \\t]+)?${POSTCODE.source}`, 'u');
/** A line that is a locality or a region code: letters only, ≤ 5 words ("Riisa", "BASHALL TOWN", ", RS"). */
const LOCALITY_LINE = /(?:,[ \t]*)?[\p{L}][\p{L}'’.()-]*(?:[ \t]+[\p{L}'’.()-]+){0,4}[ \t]*(?=\n|$)/u;
/** ", Locality" or ", Locality, Country 12345" after the street on the same line. */
const SAME_LINE_TAIL = new RegExp(`(?:,?[ \\t]+(?:(?:Apt|Suite|Unit)\\.?[ \\t]+\\d{1,5}|(?:\\d{1,6}[ \\t]+)?(?:\\p{Lu}[\\p{L}'’.-]*[ \\t]+){1,4}\\d{1,5}[a-z]?\\b|${POSTCODE.source})|,[ \\t]*\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]+(?:[a-z]{1,3}[ \\t]+)?\\p{Lu}[\\p{L}'’.-]*){0,3}(?:[ \\t]+${POSTCODE.source})?)`, 'u');
/** The street line above a unit line ("20789 Allika 46" over "Suite 501"). */
const STREET_LINE = /(?:\d{1,6}[ \t]+)?(?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,4}\d{1,5}[a-z]?\.?[ \t]*$|\d{1,6}[ \t]+\d{1,5}[ \t]+\p{L}[\p{L}'’.-]*(?:[ \t]+[\p{L}'’.-]+){0,5}[ \t]*$/u;

function lineStart(text: string, i: number): number {
  const nl = text.lastIndexOf('\n', i - 1);
  return nl + 1;
}

/** Grow a street span to its address block. */
function grow(text: string, s: number, e: number): [number, number] {
  const isUnit = /^(?:apt|apartment|suite|unit|flat)\b/i.test(text.slice(s, s + 9));
  if (isUnit) {
    // The street before the unit, on its line ("1593 Pagari 18 Suite 932") or the line above.
    const ls = lineStart(text, s);
    const before = text.slice(ls, s);
    let m = STREET_LINE.exec(before);
    if (m) s = ls + m.index;
    else if (ls > 0 && /^[ \t>?]*$/.test(before)) {
      const pls = lineStart(text, ls - 1);
      m = STREET_LINE.exec(text.slice(pls, ls - 1));
      if (m) s = pls + m.index;
    }
  } else {
    // A building number before the street on its line ("20789 Allika 46", "17151 2450 Crown St").
    const back = /(?:^|[^\d\p{L},.-])(\d{1,6}[ \t]+)$/u.exec(text.slice(Math.max(0, s - 12), s));
    if (back) s -= back[1].length;
  }
  // Same line: a unit, ", Locality", a postcode.
  for (let m = at(SAME_LINE_TAIL, text, e); m && m[0].length > 0; m = at(SAME_LINE_TAIL, text, e)) e = m.index + m[0].length;
  // Following lines: locality / region / postcode lines; a postcode line ends the block.
  let pending = e;
  let localities = 0;
  for (let pos = e; pos < text.length && text[pos] === '\n'; ) {
    let p = pos + 1;
    // One blank line may sit inside a block ("Riisa\n\n Estonia 62488").
    if (text[p] === '\n' || /^[ \t>?]*\n/.test(text.slice(p, p + 8))) p = text.indexOf('\n', p) + 1;
    if (p <= 0) break;
    const q = at(QUOTE, text, p)!;
    const ls2 = q.index + q[0].length;
    const unit = at(/(?:apt|apartment|suite|unit|flat)\.?[ \t]+#?\d{1,5}\b/i, text, ls2);
    if (unit) {
      pos = pending = e = unit.index + unit[0].length;
      continue;
    }
    const pc = at(POSTCODE_LINE, text, ls2);
    if (pc && !/\d[ \t]*[-:/]/.test(text.slice(ls2, ls2 + 40).split('\n')[0].slice(pc[0].length - 1))) {
      e = pc.index + pc[0].length;
      break;
    }
    const loc = at(LOCALITY_LINE, text, ls2);
    if (loc && localities < 3 && !/[:@]/.test(loc[0])) {
      localities++;
      pos = pending = loc.index + loc[0].length;
      continue;
    }
    break;
  }
  // Locality lines not closed by a postcode are kept only when a unit or region ended the block.
  if (pending > e) e = pending;
  return [s, e];
}

/** Turn the collected spans into findings: grown to blocks, merged when they overlap or touch. */
export function flushAddresses(text: string, spans: number[], out: ValueFinding[]): void {
  if (spans.length === 0) return;
  const grown: [number, number][] = [];
  for (let i = 0; i < spans.length; i += 2) grown.push(grow(text, spans[i], spans[i + 1]));
  grown.sort((a, b) => a[0] - b[0]);
  let [s, e] = grown[0];
  const emit = () => {
    // Lines joined without their quoting prefixes ("> ").
    const v = text.slice(s, e).replace(/\n[ \t>?]*/g, ' ').replace(/\s+/g, ' ').trim();
    if (v.length < 4) return;
    out.push(element('postal_address', v));
    // A "name" inside an address is a street, a ship or a place ("USNS Møller", "…Street, Nicosia").
    for (let i = out.length - 2; i >= 0; i--) if (out[i].element === 'person_name' && v.includes(out[i].value)) out.splice(i, 1);
  };
  for (let i = 1; i < grown.length; i++) {
    const [s2, e2] = grown[i];
    if (s2 <= e || /^[\s,]*$/.test(text.slice(e, s2))) e = Math.max(e, e2);
    else {
      emit();
      [s, e] = [s2, e2];
    }
  }
  emit();
}
