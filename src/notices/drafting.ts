/**
 * Pure core of notice drafting: picks the template for (kind, jurisdiction, rule), fills its
 * placeholders from the incident's inputs, and checks the result against the rule it serves —
 * every placeholder filled, every required content item present, no prohibited item present.
 * A draft with problems can be saved and previewed but never approved (notices.service.ts).
 *
 * Recipient placeholders (`{{recipient.name}}`, `{{recipient.address}}`) stay in the approved
 * content and are filled per recipient at delivery, so one hash covers every copy sent.
 */
import { createHash } from 'node:crypto';
import type { ElementId } from '../assessment/scanner/types.js';
import type { Rule } from '../obligations/rule.schema.js';
import { guessLanguage, type NoticeLanguage } from './languages.js';
import { type DraftInputs, type NoticeKind, templateFor, type Template } from './templates.js';
import { passwordWord, translatedTemplate } from './templates-i18n.js';

export interface RenderedSection {
  key: string;
  heading: string;
  text: string;
}

export interface RenderedNotice {
  kind: NoticeKind;
  title: string;
  subject: string;
  sections: RenderedSection[];
  /** Structured fields of a regulator packet (GDPR Art. 33(3), HHS, state AG). */
  fields: Record<string, string | number | boolean | null>;
  /** The language it is written in (BCP 47); absent on notices drafted before languages (English). */
  language?: NoticeLanguage;
  /** Rule content items and how each is met (or why it does not apply). */
  coverage: { item: string; status: 'met' | 'not_applicable' | 'attested'; by: string }[];
}

export interface DraftProblem {
  kind: 'placeholder' | 'required_content' | 'prohibited_content' | 'language';
  item: string;
  message: string;
}

export interface DraftResult {
  rendered: RenderedNotice;
  problems: DraftProblem[];
  contentHash: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g;
const RECIPIENT_FIELDS = new Set(['recipient.name', 'recipient.address']);

function inputValue(inputs: DraftInputs, key: string): string | null {
  const v = (inputs as unknown as Record<string, unknown>)[key];
  if (v === undefined || v === null || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.join(', ') : null;
  return String(v);
}

/** Fills `{{field}}`; unknown or empty fields are reported, recipient fields are kept. */
export function fill(text: string, inputs: DraftInputs, missing: Set<string>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => {
    if (RECIPIENT_FIELDS.has(key)) return whole;
    const v = inputValue(inputs, key);
    if (v === null) {
      missing.add(key);
      return whole;
    }
    return v;
  });
}

/** Per-recipient fill at delivery time (plain values; HTML escaping is done by the renderer). */
export function fillRecipient(text: string, r: { name: string; address: string }): string {
  return text.replace(/\{\{\s*recipient\.name\s*\}\}/g, r.name || 'Customer').replace(/\{\{\s*recipient\.address\s*\}\}/g, r.address);
}

const SSN_OR_ID: ElementId[] = ['us_ssn', 'drivers_license', 'national_id', 'passport_number'];
const CREDENTIALS: ElementId[] = ['username', 'password', 'password_hash', 'security_question'];

interface CheckContext {
  t: Template;
  r: RenderedNotice;
  inputs: DraftInputs;
  elements: Set<ElementId>;
  all: string;
  lang: NoticeLanguage;
}

type Check = (c: CheckContext) => { ok: boolean; by: string } | 'n/a';

const has = (c: CheckContext, key: string) => c.r.sections.some((s) => s.key === key && s.text.trim().length > 0);
const field = (c: CheckContext, k: keyof DraftInputs) => inputValue(c.inputs, k) !== null;
const anyEl = (c: CheckContext, els: ElementId[]) => els.some((e) => c.elements.has(e));

/**
 * How each kind of content item is checked. Rule content items are prose written by the rule
 * authors (src/obligations/rules/*); each matcher recognises a family of items by wording. An
 * item no matcher recognises must be attested explicitly (inputs.attestations[item]).
 */
const MATCHERS: { test: RegExp; check: Check }[] = [
  {
    // Cal. Civ. Code §1798.82(d)(1): the title, and headings, quoted in the rule.
    test: /^title "|^headings "/i,
    check: (c) => {
      const wanted = quoted(c);
      const heads = [c.r.title, ...c.r.sections.map((s) => s.heading)].map(normHeading);
      const missing = wanted.filter((w) => !heads.includes(normHeading(w)));
      return { ok: missing.length === 0, by: missing.length ? `missing ${missing.map((m) => `"${m}"`).join(', ')}` : 'title/headings present' };
    },
  },
  { test: /10-point/i, check: () => ({ ok: true, by: 'rendered at 11 pt (HTML and PDF)' }) },
  {
    test: /if SSN.*(credit reporting|bureau)|credit reporting agencies/i,
    check: (c) => (anyEl(c, SSN_OR_ID) || !/if SSN/i.test(c.all) ? { ok: has(c, 'bureaus'), by: 'section "Credit reporting agencies"' } : 'n/a'),
  },
  {
    test: /identity-theft prevention|credit monitoring|mitigation services free|services offered free/i,
    check: (c) => {
      const needsSsn = /if (the business was the source and )?SSN|if SSNs/i.test(c.all);
      if (needsSsn && !anyEl(c, SSN_OR_ID)) return 'n/a';
      const months = Number(c.inputs.creditMonitoringMonths ?? 0);
      const min = /42 months/.test(c.all) ? 18 : /18 months/.test(c.all) ? 18 : /12 months/.test(c.all) ? 12 : 1;
      return { ok: months >= min && has(c, 'monitoring'), by: `credit monitoring offered for ${months} months (needs ≥ ${min})` };
    },
  },
  {
    test: /credential|change (their|the) password/i,
    // The word for "password" in the notice's language (templates-i18n.ts), not the English keyword.
    check: (c) => (anyEl(c, CREDENTIALS) ? { ok: passwordWord(c.lang).test(sectionText(c, 'whatYouCanDo')), by: '"What You Can Do" asks for a password change' } : 'n/a'),
  },
  {
    // The reasons for a late notification: GDPR and UK GDPR Art. 33(1), PECR reg. 5A(3A), Kenya DPA
    // s 43(2), LGPD Art. 48 §1 IV. Owed only when the notice is dated after its deadline; the
    // deadline is the tracked obligation's (drafts.service.ts), the reasons the drafter's.
    test: /reasons for (the |any )?delay/i,
    check: (c) => {
      if (has(c, 'delay')) return { ok: true, by: 'section on the reasons for the delay' };
      const due = c.inputs.notificationDeadline;
      const dated = c.inputs.noticeDate;
      if (!due || !dated) return { ok: false, by: 'no deadline known for this notice: give delayReasons, or attest that it is on time' };
      return dated <= due.slice(0, 10)
        ? { ok: true, by: `dated ${dated}, within the deadline of ${due}: no delay to explain` }
        : { ok: false, by: `dated ${dated}, after the deadline of ${due}: give the reasons for the delay (delayReasons)` };
    },
  },
  { test: /delayed by law enforcement/i, check: (c) => ({ ok: c.inputs.lawEnforcementDelay !== undefined && c.inputs.lawEnforcementDelay !== null, by: 'statement on law-enforcement delay' }) },
  { test: /date of the notice/i, check: (c) => ({ ok: field(c, 'noticeDate'), by: 'notice date' }) },
  { test: /date.*(range|of the breach|estimated)|date or period|date of discovery|time frame|dates? of (the )?breach/i, check: (c) => ({ ok: field(c, 'breachDate') && (!/discovery/i.test(c.all) || field(c, 'discoveryDate')), by: 'breach (and discovery) dates' }) },
  { test: /police report/i, check: (c) => ({ ok: has(c, 'policeReport'), by: 'section on police reports' }) },
  { test: /no charge for a security freeze/i, check: (c) => ({ ok: /no charge|free of charge/i.test(sectionText(c, 'freeze')), by: 'freeze section states there is no charge' }) },
  { test: /security freeze/i, check: (c) => ({ ok: has(c, 'freeze') || /security freeze/i.test(sectionText(c, 'bureaus')), by: 'section on security freezes' }) },
  { test: /parent or affiliate|if applicable/i, check: (c) => (field(c, 'parentName') ? { ok: true, by: 'parent named' } : 'n/a') },
  { test: /consequences|potential harm|risks/i, check: (c) => ({ ok: field(c, 'likelyConsequences') && has(c, 'consequences'), by: 'section on likely consequences' }) },
  { test: /DPO|contact|name and address of the entity|toll-free/i, check: (c) => ({ ok: has(c, 'contact') && field(c, 'organisationName') && (field(c, 'contactPhone') || field(c, 'contactEmail')), by: 'contact section with phone or e-mail' }) },
  { test: /types of (personal|unsecured|information)|information (involved|concerned)|categor(y|ies) of (data|personal|information)|kinds of information|personal data (involved|items)/i, check: (c) => ({ ok: has(c, 'information'), by: 'section on the information involved' }) },
  { test: /nature of the (breach|incident)|general description|what happened|description of the|circumstances|synopsis|facts of the breach|how the leak occurred/i, check: (c) => ({ ok: has(c, 'whatHappened'), by: 'section describing what happened' }) },
  { test: /steps individuals|can do|can take|protect themselves|minimi[sz]e damage/i, check: (c) => ({ ok: has(c, 'whatYouCanDo'), by: 'section "What You Can Do"' }) },
  { test: /measures|what the (covered )?entity is doing|mitigation|steps taken|actions taken|countermeasures|containment steps/i, check: (c) => ({ ok: has(c, 'whatWeAreDoing'), by: 'section on what the organisation is doing' }) },
  { test: /sample copy of the notice|^copy of the (template )?notice( to individuals)?$|copy of the notice to individuals or/i, check: (c) => ({ ok: has(c, 'sample') || field(c, 'sampleNoticeRef'), by: 'sample notice attached' }) },
  { test: /number of .*(residents|individuals|persons|data subjects|consumers)/i, check: (c) => ({ ok: field(c, 'residentsAffected') || field(c, 'totalAffected'), by: 'number affected' }) },
  { test: /HHS breach report|FTC breach notification form|Art\. ?33\(3\)/i, check: (c) => ({ ok: Object.keys(c.r.fields).length > 0, by: 'structured packet fields' }) },
  { test: /timing, (distribution|content)/i, check: (c) => ({ ok: has(c, 'information') && field(c, 'noticeDate'), by: 'notice date, channels and content of the individual notices' }) },
  { test: /same content as the notice to individuals/i, check: (c) => ({ ok: has(c, 'whatHappened') && has(c, 'information') && has(c, 'contact'), by: 'same sections as the individual notice' }) },
];

/** Prohibited items (M.G.L. c.93H §3(b): neither the nature of the breach nor the number of residents). */
const PROHIBITIONS: { test: RegExp; violated: (c: CheckContext) => string | null }[] = [
  {
    test: /nature of the breach/i,
    violated: (c) => {
      if (has(c, 'whatHappened')) return 'a "What Happened" section describes the nature of the breach';
      const wh = inputValue(c.inputs, 'whatHappened');
      return wh && bodyText(c.r).includes(wh) ? 'the text repeats the description of what happened' : null;
    },
  },
  {
    test: /number of .*residents/i,
    violated: (c) => {
      const n = inputValue(c.inputs, 'residentsAffected');
      const t = inputValue(c.inputs, 'totalAffected');
      const body = bodyText(c.r);
      // A count stated about people ("1,234 residents", "affected: 1234"), not any digit in the text.
      const words = '(residents?|individuals?|people|persons?|customers?|consumers?|affected)';
      for (const v of [n, t]) {
        if (!v) continue;
        const num = v.replace(/,/g, '');
        const flat = body.replace(/(\d),(\d)/g, '$1$2');
        if (new RegExp(`(^|\\D)${num}\\s+(\\w+\\s+){0,3}${words}`, 'i').test(flat) || new RegExp(`${words}\\W{1,3}${num}(\\D|$)`, 'i').test(flat)) return `the text states the number ${v}`;
      }
      return null;
    },
  },
];

function quoted(c: CheckContext): string[] {
  return [...c.all.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}
function normHeading(h: string): string {
  return h.trim().replace(/[?.:!]+$/, '').toLowerCase();
}
function sectionText(c: CheckContext, key: string): string {
  return c.r.sections.find((s) => s.key === key)?.text ?? '';
}
function bodyText(r: RenderedNotice): string {
  return [r.title, ...r.sections.map((s) => `${s.heading}\n${s.text}`)].join('\n');
}

/** SHA-256 over the canonical JSON of the rendered content (what approvers approve). */
export function contentHashOf(r: RenderedNotice): string {
  const canonical = JSON.stringify([r.kind, r.title, r.subject, r.sections.map((s) => [s.key, s.heading, s.text]), Object.entries(r.fields).sort()]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The drafter's own words, which must be in the notice's language. */
const FREE_TEXT: (keyof DraftInputs)[] = ['whatHappened', 'informationInvolved', 'likelyConsequences', 'whatWeAreDoing', 'whatYouCanDo', 'safeguards', 'delayReasons'];

export function draftNotice(kind: NoticeKind, jurisdiction: string, rule: Rule | null, inputs: DraftInputs, elements: ElementId[], language: NoticeLanguage = 'en'): DraftResult {
  const translated = language === 'en' ? null : translatedTemplate(kind, jurisdiction, rule, language);
  const t = translated ?? templateFor(kind, jurisdiction, rule);
  // Kinds without a translation (US notices, credit bureaus, media, substitute) stay English.
  const lang: NoticeLanguage = translated ? language : 'en';
  const missing = new Set<string>();
  const sections: RenderedSection[] = [];
  for (const s of t.sections(inputs, new Set(elements))) {
    sections.push({ key: s.key, heading: fill(s.heading, inputs, missing), text: fill(s.text, inputs, missing) });
  }
  const fields: RenderedNotice['fields'] = {};
  for (const [k, v] of Object.entries(t.fields(inputs, elements))) fields[k] = typeof v === 'string' ? fill(v, inputs, missing) : v;
  const rendered: RenderedNotice = { kind, title: fill(t.title, inputs, missing), subject: fill(t.subject, inputs, missing), sections, fields, coverage: [], ...(lang !== 'en' ? { language: lang } : {}) };
  const problems: DraftProblem[] = [...missing].sort().map((k) => ({ kind: 'placeholder' as const, item: k, message: `placeholder {{${k}}} has no value` }));
  const els = new Set(elements);
  for (const item of rule?.content ?? []) {
    const c: CheckContext = { t, r: rendered, inputs, elements: els, all: item, lang };
    const attested = inputs.attestations?.[item];
    const m = MATCHERS.find((x) => x.test.test(item));
    const res = m ? m.check(c) : null;
    if (res === 'n/a') rendered.coverage.push({ item, status: 'not_applicable', by: 'condition of the item does not hold' });
    else if (res?.ok) rendered.coverage.push({ item, status: 'met', by: res.by });
    else if (attested?.trim()) rendered.coverage.push({ item, status: 'attested', by: attested.trim() });
    else problems.push({ kind: 'required_content', item, message: `required content missing: ${item}${res ? ` (${res.by})` : ' (not recognised: attest how the notice meets it)'}` });
  }
  for (const item of rule?.prohibitedContent ?? []) {
    const p = PROHIBITIONS.find((x) => x.test.test(item));
    const why = p?.violated({ t, r: rendered, inputs, elements: els, all: item, lang });
    if (why) problems.push({ kind: 'prohibited_content', item, message: `prohibited content present: ${item} — ${why}` });
  }
  // A notice in one language with the drafter's paragraphs in another is not a notice in clear
  // and plain language (GDPR Art. 34(2)) for its reader: each free text must read as the notice's language.
  if (translated) {
    for (const k of FREE_TEXT) {
      const v = inputValue(inputs, k);
      const guess = v ? guessLanguage(v) : null;
      if (guess && guess !== lang.split('-')[0]) problems.push({ kind: 'language', item: k, message: `${k} reads as ${guess}, but the notice is in ${lang}: give it in ${lang}` });
    }
  }
  return { rendered, problems, contentHash: contentHashOf(rendered) };
}
