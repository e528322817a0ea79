/**
 * Context evidence for person names in free text (issue 14 §5), used by text-names.ts:
 *  - surname shapes: patronymic and family-name endings of several languages (Icelandic -son /
 *    -dóttir, South Slavic -ić, Czech/Slovak -ová/-ský, Polish -ski/-ska, Russian -ov/-ova/-ovich,
 *    Ukrainian -enko, Georgian -shvili/-dze, Greek -poulos/-akis, Romanian -escu, Turkish -oğlu,
 *    Finnish -nen), for names no list holds;
 *  - cues around a capitalised word: a greeting or a relation before it ("Hi Freddy,", "my kid
 *    Oskar", "says Iwase"), a verb that takes a person as subject after it ("Tómas had given",
 *    "Erle shouted");
 *  - what vetoes a run: an organisation word ("Rivet Software", "Knowledge Agency"), a street-type
 *    word ("Leokadia Trail", USPS Pub. 28 C1 suffixes that are rarely surnames), a house number
 *    after it ("Peter Zuidhove 188"), a nationality adjective;
 *  - enumerations: in "Monjeau, Graves and Reed" one name makes the others names;
 *  - all-lower-case texts ("follow up with patricia desrosiers"): given name + surname pairs from
 *    the lists, and single listed names after a strong cue.
 */
import type { Words } from './word-table.js';

export const SURNAME_SHAPE =
  /(?:sson|sdóttir|dóttir|dottir|ović|ovič|ević|evič|[^aeiou]ić|ová|ská|ský|ski|ska|sky|enko|ovich|evich|ovna|evna|shvili|dze|poulos|akis|escu|oglu|oğlu|[^aeiou]ov|[^aeiou]ova|[^aeiou]ev|[^aeiou]eva|[^aeiou]yev|inen|anen|onen|ønen)$/;

/** A word shaped like a surname of one of the languages above (≥ 5 letters). */
export const surnameShaped = (w: string) => w.length >= 5 && SURNAME_SHAPE.test(w);

/** Before the run: a greeting, a speech verb, a relation, a request to talk to someone. */
export const CUE_BEFORE =
  /(?:^|[^\p{L}])(?:hi|hello|hey|dear|thanks|thank you|bye|said|says|asked|told|call me|calls me|called me|speak to|talk to|talking to|follow up with|meet with|ask|my (?:kid|son|daughter|wife|husband|partner|friend|boss|colleague|mother|father|mom|mum|dad|brother|sister|child|grandson|granddaughter|uncle|aunt|cousin|neighbou?r|fiancée?|girlfriend|boyfriend)|(?:partner|wife|husband|son|daughter|friend|mother|father)'s name(?: is)?|maiden name(?: is)?|(?:last|first|full|given|family|middle|your|his|her) name(?: is)?[?:]?|ex-\p{L}+)[ \t]+$/iu;

/** The last word of every CUE_BEFORE alternative (a quick reject before the regex). */
export const CUE_LAST_WORDS = new Set(
  'hi|hello|hey|dear|thanks|you|bye|said|says|asked|told|me|to|with|ask|kid|son|daughter|wife|husband|partner|friend|boss|colleague|mother|father|mom|mum|dad|brother|sister|child|grandson|granddaughter|uncle|aunt|cousin|neighbor|neighbour|fiancé|fiancée|girlfriend|boyfriend|name|is|ex-|:|?'.split('|'),
);

/** After the run: a verb that takes a person as its subject. */
export const CUE_AFTER =
  /^(?:'s)?[ \t]+(?:said|says|shouted|screamed|whispered|told|asked|replied|wrote|writes|lives|lived|began|begins|works|worked|died|married|spent|is from|was from|was born|had given|has given|gave|will be (?:talking|speaking)|speaks|spoke|thinks|believes|wants|loves|hates|smiled|laughed|cried)\b/i;

/** The first letters of CUE_AFTER's verbs. */
const CUE_AFTER_INITIALS = new Set('s|w|t|a|r|l|b|d|m|i|h|g|c'.split('|').map((c) => c.charCodeAt(0)));
/**
 * Gate of CUE_AFTER on text.slice(end, end + 30): an optional "'s", spaces or tabs, then a verb's
 * first letter (either case). False means CUE_AFTER cannot match (text-fast-paths.test.ts).
 */
export function cueAfterGate(text: string, end: number): boolean {
  let k = end;
  if (text.charCodeAt(k) === 39 && text.charCodeAt(k + 1) === 115) k += 2;
  let c = text.charCodeAt(k);
  if (c !== 32 && c !== 9) return false;
  while (c === 32 || c === 9) c = text.charCodeAt(++k);
  return c < 128 && CUE_AFTER_INITIALS.has(c | 32);
}

/** A run ending in one of these is an organisation. */
const ORG_WORDS = new Set(
  'inc|corp|corporation|company|group|holdings|partners|associates|agency|consulting|consultants|research|software|systems|solutions|technologies|technology|labs|lines|unlimited|capital|bank|insurance|media|networks|foundation|institute|markets|movers|transit|care|services|ltd|llc|plc|gmbh|sons|brothers|bros|industries|international|enterprises|ventures|analytics|data|health|energy|motors|airlines|records|studios|press|publishing|university|college|school|hospital|clinic|office|department|ministry|council|club|team|project|conference|weekly|daily|times|news|tales|explorer|stripes|investments|investment|orchestra|band|choir|ensemble|trust|fund|partnership|limited|plc|pty|srl|sarl'.split('|'),
);
/** USPS Publication 28 C1 street suffixes that are rarely surnames: a run ending in one is a street or a place. */
const STREET_TYPES = new Set(
  'street|road|avenue|trail|bridge|flat|flats|forge|forges|bay|isle|lodge|fort|mill|mills|rapids|greens|coves|cove|courts|court|loop|route|gateway|union|pass|parks|hills|springs|crossing|estate|estates|harbor|harbour|haven|heights|hollow|junction|landing|meadows|orchard|plaza|ridge|shoals|skyway|summit|terrace|turnpike|valley|vista|via|track|trace|spur|station|throughway|tunnel|walk|way|points|lakes|islands|island|crescent|close|square|drive|place|parkway|boulevard|alley|manor|mews|grove|view|village|ville|beach|creek|canyon|cliffs|falls|ferry|glen|knoll|prairie|ranch|shores|stream|corner|corners|expressway|freeway|motorway|keys|oval|plains|radial|spurs|squares|viaduct|wharf'.split('|'),
);
const NATIONALITIES = new Set(
  'american|british|english|scottish|welsh|irish|canadian|australian|german|french|spanish|italian|portuguese|dutch|belgian|swiss|austrian|swedish|norwegian|danish|finnish|icelandic|polish|czech|slovak|hungarian|romanian|bulgarian|greek|turkish|russian|ukrainian|croatian|serbian|slovenian|bosnian|estonian|latvian|lithuanian|chinese|japanese|korean|indian|brazilian|mexican|argentinian|chilean|uruguayan|cypriot|greenlander|tunisian|moroccan|egyptian|african|european|asian|latin|nordic|scandinavian|catholic|christian|muslim|jewish'.split('|'),
);

/** True when the run's words (lower case) read as an organisation, a street or place, or a nationality. */
export function vetoed(lower: readonly string[], text: string, end: number): boolean {
  const last = lower[lower.length - 1];
  if (ORG_WORDS.has(last)) return true;
  if (lower.length >= 2 && STREET_TYPES.has(last)) return true;
  if (lower.some((w) => NATIONALITIES.has(w))) return true;
  // "Los Angeles", "Den Haag": a place's article.
  if (lower.length >= 2 && (lower[0] === 'los' || lower[0] === 'las' || lower[0] === 'den')) return true;
  const after = text.slice(end, end + 16);
  // "Drake PLC", "USNS Møller" (a ship's prefix comes before).
  const next = /^[ \t]+([\p{L}]+)/u.exec(after);
  if (next && ORG_WORDS.has(next[1].toLowerCase())) return true;
  // "Intel Mac OS X", "like Mac OS X" (Apple's User-Agent product comment, RFC 9110 §10.1.5),
  // "Chrome OS": a run before the operating-system acronym names a product (outside review logfp23).
  if (next && next[1] === 'OS') return true;
  // "Peter Zuidhove 188": a house number after a run makes it a street.
  return /^[ \t]\d{1,5}(?![\d:.,/-]\d)/.test(after);
}

// ---- enumerations --------------------------------------------------------------------------

const WORD = String.raw`\p{Lu}[\p{Ll}'’-]+`;
export const ENUM = new RegExp(String.raw`(?<![\p{L}\d])${WORD}(?:,[ \t]+${WORD})*,?[ \t]+(?:and|or|und|et|y|e|i|og|och|en|a)[ \t]+${WORD}(?![\p{L}\d]|[ \t]+[\p{Lu}\d])`, 'gu');
/**
 * What every ENUM match holds: a blank, the conjunction, blanks and an upper-case letter. One
 * test of this on the text spares ENUM's own search (a try at every capitalised word, ≈ 8 % of
 * scanning sentence-case prose, wide21) when the text has no such conjunction.
 */
export const ENUM_GATE = /[ \t](?:and|or|und|et|y|e|i|og|och|en|a)[ \t]+\p{Lu}/u;
const ENUM_LOWER = /(?<![\p{L}\d])\p{Ll}+(?:,[ \t]+\p{Ll}+)+,?[ \t]+(?:and|or)[ \t]+\p{Ll}+(?![\p{L}\d])/gu;

/** Before a list of people: a colon ("our 3 founders: …", "They had 6: …"). After it: a plural verb. */
const PEOPLE_BEFORE = /:[ \t]*$/;
const PEOPLE_AFTER = /^[ \t]+(?:were|are|have|had|both|all|each|met|married|played|wrote|sang|founded)\b/i;

/**
 * "A, B and C" lists of single capitalised words. With a people context (a colon before, a plural
 * verb after) every item is a name once one of them is and all pass `single` (no common word, no
 * country…); without one, three bare surnames are a firm's name ("Lopez, Santos and Coleman is a
 * design agency"): `drop` withdraws those items.
 */
export function enumerationNames(text: string, known: (w: string) => boolean, single: (w: string) => boolean, add: (v: string) => void, drop: (v: string) => void): void {
  if (!ENUM_GATE.test(text)) return;
  ENUM.lastIndex = 0;
  for (let m = ENUM.exec(text); m; m = ENUM.exec(text)) {
    const items = m[0].split(/,?[ \t]+(?:and|or|und|et|y|e|i|og|och|en|a)[ \t]+|,[ \t]+/).map((it) => it.replace(/['’]s$/, ''));
    const people = PEOPLE_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index)) || PEOPLE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
    if (people) {
      if (items.length >= 2 && items.some(known) && items.every(single)) for (const it of items) add(it);
    } else if (items.length === 3 && /^[^,]+, [^,]+ and [^,]+$/.test(m[0])) for (const it of items) drop(it);
  }
}

/**
 * All-lower-case text: given name + surname pairs from the lists (neither a common word), single
 * listed names after a strong cue, and lists of given names ("silvana, adam and caleb").
 */
export function lowerCaseNames(text: string, F: Words, L: Words, C: Words, add: (v: string) => void): void {
  const re = /\p{Ll}[\p{Ll}'’-]+/gu;
  let prev: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    const p = prev;
    prev = m;
    if (!p || p.index + p[0].length + 1 !== m.index || text[m.index - 1] !== ' ') continue;
    const a = p[0];
    if (F.has(a) && !C.has(a) && (L.has(w) || surnameShaped(w)) && !C.has(w)) {
      // "benjamin a seiler", "eric g. samoylova": an initial between is kept by the cue regex below.
      add(`${a} ${w}`);
      prev = null;
    }
  }
  const cue = /(?:my name is|name is|call me|calls me|hi|hello|dear|with|kid|son|daughter|ask for)[ \t]+(\p{Ll}[\p{Ll}'’-]+)(?:[ \t]+(\p{Ll})(?!\p{L})\.?)?(?:[ \t]+(\p{Ll}[\p{Ll}'’-]+))?/gu;
  for (let m = cue.exec(text); m; m = cue.exec(text)) {
    const [, a, initial, b] = m;
    if (!(F.has(a) || L.has(a)) || C.has(a)) continue;
    if (b && (L.has(b) || surnameShaped(b)) && !C.has(b)) add(initial ? `${a} ${initial} ${b}` : `${a} ${b}`);
    else if (!b || C.has(b)) add(a);
  }
  // "cormac had given …": a listed given name before a verb that takes a person.
  const verb = /(?<![\p{L}])(\p{Ll}[\p{Ll}'’-]+)(?=(?:'s)?[ \t]+(?:said|says|shouted|told|asked|replied|wrote|lives|lived|began|works|worked|died|married|is from|was born|had given|has given)\b)/gu;
  for (let m = verb.exec(text); m; m = verb.exec(text)) if (F.has(m[1]) && !C.has(m[1])) add(m[1]);
  ENUM_LOWER.lastIndex = 0;
  for (let m = ENUM_LOWER.exec(text); m; m = ENUM_LOWER.exec(text)) {
    const items = m[0].split(/,?[ \t]+(?:and|or)[ \t]+|,[ \t]+/);
    const given = items.filter((w) => F.has(w) && !C.has(w)).length;
    if (given >= 2 && given * 2 >= items.length) for (const w of items) if (!C.has(w)) add(w);
  }
}

/** "Nicole: Remember me" — a word and a colon opening a line. */
const SPEAKER = /^[ \t]*(\p{Lu}[\p{Ll}'’-]+)[ \t]*:[ \t]*\S/gmu;

/**
 * Dialogue: when two or more line-opening "Word:" labels are already names, the other labels that
 * pass `single` are the other speakers ("Ubul: What a wife.\nNicole: Remember me, Mary?").
 */
export function speakerNames(text: string, known: (w: string) => boolean, single: (w: string) => boolean, add: (v: string) => void): void {
  SPEAKER.lastIndex = 0;
  const labels: string[] = [];
  for (let m = SPEAKER.exec(text); m; m = SPEAKER.exec(text)) labels.push(m[1]);
  if (labels.length < 3 || labels.filter(known).length < 2) return;
  for (const w of labels) if (single(w)) add(w);
}
