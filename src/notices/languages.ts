/**
 * The languages notices are written in (issue 17 §6): BCP 47 tags (RFC 5646) — a primary language
 * subtag, and a region only where the law's wording differs (fr-CA: PIPEDA/Quebec Law 25 French;
 * pt-BR: LGPD Portuguese). A person's language comes from the import (a `language`/`lang`/`locale`
 * column) or else from their jurisdiction's default. Pure: no I/O.
 */
export const NOTICE_LANGUAGES = ['en', 'de', 'fr', 'fr-CA', 'es', 'it', 'nl', 'pt', 'pt-BR', 'pl', 'sv'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/** The official (or, for several, the first) language of a jurisdiction; English elsewhere. */
const DEFAULTS: Record<string, NoticeLanguage> = {
  DE: 'de',
  AT: 'de',
  LI: 'de',
  CH: 'de',
  FR: 'fr',
  LU: 'fr',
  BE: 'nl',
  ES: 'es',
  IT: 'it',
  NL: 'nl',
  PT: 'pt',
  BR: 'pt-BR',
  PL: 'pl',
  SE: 'sv',
  'CA-QC': 'fr-CA',
};

export function defaultLanguage(jurisdiction: string): NoticeLanguage {
  return DEFAULTS[jurisdiction.toUpperCase()] ?? 'en';
}

/** Names people write in a language column, besides tags: English and the language's own name. */
const NAMES: Record<string, NoticeLanguage> = {
  english: 'en',
  englisch: 'en',
  anglais: 'en',
  german: 'de',
  deutsch: 'de',
  allemand: 'de',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  französisch: 'fr',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  castellano: 'es',
  italian: 'it',
  italiano: 'it',
  dutch: 'nl',
  nederlands: 'nl',
  portuguese: 'pt',
  português: 'pt',
  portugues: 'pt',
  polish: 'pl',
  polski: 'pl',
  swedish: 'sv',
  svenska: 'sv',
};

/**
 * A language column's value as a notice language: `de`, `de-AT`, `de_CH`, `German`, `Deutsch` →
 * `de`; `fr-CA` → `fr-CA`; `pt-BR` → `pt-BR`; other regions fall back to the primary language.
 * Null when empty or not a language notices are written in.
 */
export function normaliseLanguage(value: string | null | undefined): NoticeLanguage | null {
  const v = (value ?? '').trim().replace(/_/g, '-');
  if (!v) return null;
  const named = NAMES[v.toLowerCase()];
  if (named) return named;
  const [primary = '', region = ''] = v.split('-');
  const tag = `${primary.toLowerCase()}${region ? `-${region.toUpperCase()}` : ''}`;
  if ((NOTICE_LANGUAGES as readonly string[]).includes(tag)) return tag as NoticeLanguage;
  const p = primary.toLowerCase();
  return (NOTICE_LANGUAGES as readonly string[]).includes(p) ? (p as NoticeLanguage) : null;
}

/**
 * Which of the available notice languages a person gets: their own, else one of the same primary
 * language (a `fr-CA` reader gets `fr`, a `pt` reader `pt-BR`), else English when there is an
 * English notice. Null when none fits (the audience check then counts them as without a notice).
 */
export function pickLanguage(person: NoticeLanguage, available: Iterable<string>): string | null {
  const langs = [...available];
  if (langs.includes(person)) return person;
  const primary = person.split('-')[0];
  const same = langs.find((l) => l.split('-')[0] === primary);
  if (same) return same;
  return langs.includes('en') ? 'en' : null;
}

/**
 * Common function words per language (the most frequent in each language's general corpora):
 * enough to tell which of the supported languages a sentence of free text is written in, so a
 * German notice whose "what happened" was typed in English is flagged before approval.
 */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'was', 'were', 'we', 'your', 'with', 'have', 'has', 'this', 'that', 'is', 'are', 'not', 'been', 'for', 'on'],
  de: ['der', 'die', 'das', 'und', 'wir', 'ihre', 'nicht', 'mit', 'ist', 'wurde', 'wurden', 'haben', 'sie', 'ein', 'eine', 'auf', 'für', 'den', 'dem', 'von', 'zu'],
  fr: ['le', 'la', 'les', 'et', 'des', 'nous', 'vos', 'votre', 'est', 'été', 'une', 'un', 'pour', 'avec', 'pas', 'dans', 'sur', 'du', 'ont', 'avons'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'en', 'sus', 'su', 'fue', 'han', 'hemos', 'una', 'un', 'con', 'para', 'por', 'del', 'no'],
  it: ['il', 'la', 'le', 'gli', 'e', 'di', 'che', 'è', 'sono', 'stato', 'stati', 'abbiamo', 'una', 'un', 'con', 'per', 'non', 'dei', 'del', 'i'],
  nl: ['de', 'het', 'een', 'en', 'van', 'wij', 'we', 'uw', 'is', 'zijn', 'werd', 'werden', 'hebben', 'niet', 'met', 'voor', 'op', 'dat', 'die', 'te'],
  pt: ['o', 'a', 'os', 'as', 'e', 'de', 'que', 'em', 'seus', 'seu', 'foi', 'foram', 'uma', 'um', 'com', 'para', 'não', 'do', 'da', 'dos'],
  pl: ['i', 'w', 'na', 'z', 'że', 'nie', 'się', 'jest', 'do', 'to', 'są', 'został', 'zostały', 'dane', 'pani', 'pana', 'oraz', 'przez', 'dla', 'jak'],
  sv: ['och', 'att', 'det', 'som', 'en', 'ett', 'är', 'har', 'vi', 'era', 'din', 'dina', 'inte', 'med', 'för', 'på', 'av', 'till', 'den', 'var'],
};

/** The supported language a free text is most likely written in, or null when it is too short to tell. */
export function guessLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 6) return null;
  const scores = Object.entries(STOPWORDS)
    .map(([lang, list]) => {
      const set = new Set(list);
      return { lang, score: words.filter((w) => set.has(w)).length / words.length };
    })
    .sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  // Under one function word in ten the text is a list or names, and a tie is no evidence: no verdict.
  return first && first.score >= 0.1 && first.score > (second?.score ?? 0) ? first.lang : null;
}
