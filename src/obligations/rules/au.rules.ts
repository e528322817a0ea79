/**
 * Australia — Notifiable Data Breaches scheme, Privacy Act 1988 (Cth) Part IIIC, inserted by the
 * Privacy Amendment (Notifiable Data Breaches) Act 2017 and in force from 2018-02-22. No general
 * duty before. A suspected eligible data breach must be assessed within 30 days (s 26WH); an
 * eligible one is reported to the Commissioner (s 26WK) and notified to individuals (s 26WL), each
 * "as soon as practicable".
 */
import type { RuleInput } from '../rule.schema.js';
import { ANY_PERSONAL_DATA, NO_HARBOUR, noDutyBefore, source } from './intl-common.js';

const NDB_FROM = '2018-02-22';

const NDB_SOURCE = source(
  'https://www.legislation.gov.au/C2004A03712/latest/text',
  'Privacy Act 1988 (Cth) Part IIIC — ss 26WE, 26WF, 26WH, 26WK, 26WL',
  'ss 26WH and 26WK read in a reproduction of the current compilation (zoelaw.ai, marked in force); s 26WL on AustLII and the ATO legal database; commencement 22 February 2018 in secondary sources (e.g. William Buck, Feb 2018) — not on the Federal Register itself',
);

const base = {
  jurisdiction: 'AU',
  regime: 'Privacy Act 1988 (NDB scheme)',
  appliesIf: ['controller' as const],
  // Small business operators (annual turnover A$3 million or less) are not APP entities unless
  // s 6D(4) applies (e.g. health service providers) or they opted in (s 6EA): profile flag
  // controller.auSmallBusinessOperator.
  appliesUnless: ['au_small_business' as const],
  scope: { kind: 'residents' as const },
  // No encryption exception: whether the information is protected by a security technology is one
  // of the s 26WG factors for "likely to result in serious harm".
  trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'access' as const, encryptionSafeHarbor: NO_HARBOUR },
  riskGate: {
    kind: 'significant_harm' as const,
    note: 'eligible data breach: a reasonable person would conclude it is likely to result in serious harm (s 26WE(2)), and remedial action did not prevent that (s 26WF)',
  },
  threshold: null,
  effectiveFrom: NDB_FROM,
  source: NDB_SOURCE,
  notes:
    'Applies to APP entities (agencies, and organisations other than small business operators — s 6D — unless an exception such as a health service provider applies), credit reporting bodies and TFN recipients; set controller.auSmallBusinessOperator for a small business operator that is not an APP entity. Exceptions: another entity already notified (s 26WM), enforcement-related activity (s 26WN), secrecy provisions (s 26WP), Commissioner declaration (s 26WQ).',
};
const CONTENT = [
  'identity and contact details of the entity (s 26WK(3)(a))',
  'description of the eligible data breach (s 26WK(3)(b))',
  'kinds of information concerned (s 26WK(3)(c))',
  'recommendations about the steps individuals should take in response (s 26WK(3)(d))',
];

export const auRules: RuleInput[] = [
  noDutyBefore({
    id: 'AU.pre-ndb.oaic',
    jurisdiction: 'AU',
    regime: 'Privacy Act 1988 (NDB scheme)',
    lawFrom: NDB_FROM,
    why: 'before 2018-02-22 the Privacy Act 1988 had no general data-breach notification duty (Part IIIC, inserted by the Privacy Amendment (Notifiable Data Breaches) Act 2017, commenced that day); sector schemes such as the My Health Records Act 2012 are not encoded',
    citation: 'Privacy Act 1988 (Cth) Part IIIC (not in force before 2018-02-22)',
    source: NDB_SOURCE,
    verified: 'Commencement date checked 2026-12-06 in secondary sources only (see source). The My Health Records Act duty is not encoded.',
  }),
  {
    ...base,
    id: 'AU.ndb.assessment',
    recipient: 'internal',
    authority: null,
    // s 26WH applies while the entity suspects, but does not yet believe, that there has been an
    // eligible data breach: the assessment is owed whatever its outcome.
    trigger: { elements: ANY_PERSONAL_DATA, breachMode: 'any', encryptionSafeHarbor: NO_HARBOUR },
    riskGate: { kind: 'none', note: 'owed for every suspected eligible data breach until the entity has reasonable grounds to believe there is one (s 26WH(1))' },
    clock: { anchor: 'awareness', amount: 30, unit: 'calendar_days' },
    content: [
      'a reasonable and expeditious assessment of whether there are reasonable grounds to believe that the circumstances amount to an eligible data breach (s 26WH(2)(a))',
      'all reasonable steps to complete it within 30 days after becoming aware of the grounds to suspect (s 26WH(2)(b))',
    ],
    notes:
      'Days are counted from the day after awareness (Acts Interpretation Act 1901 s 36), ending at the end of the 30th day in Sydney time; an entity elsewhere in Australia (e.g. Perth) has a few more hours. The assessment is done when facts.notifiabilityAssessedAt is set; if it concludes there is an eligible data breach, AU.ndb.oaic and AU.ndb.individuals follow.',
    citation: 'Privacy Act 1988 (Cth) s 26WH',
    verified:
      'Checked 2026-12-06: s 26WH(1)–(2) wording (reproduction of the current compilation). The day count follows Acts Interpretation Act 1901 s 36(1) (general knowledge, not re-read).',
  },
  {
    ...base,
    id: 'AU.ndb.oaic',
    supersedes: 'AU.pre-ndb.oaic',
    recipient: 'regulator',
    authority: {
      name: 'Office of the Australian Information Commissioner (OAIC)',
      url: 'https://www.oaic.gov.au',
      portal: 'https://www.oaic.gov.au/privacy/notifiable-data-breaches/report-a-data-breach',
      phone: '1300 363 992',
    },
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: CONTENT,
    channels: ['statement to the Commissioner (OAIC notifiable data breach form)'],
    citation: 'Privacy Act 1988 (Cth) s 26WK',
    verified:
      'Checked 2026-12-06: s 26WK(1)–(3) — statement "as soon as practicable after the entity becomes aware that there are reasonable grounds to believe" there has been an eligible data breach; content (3)(a)–(d). The OAIC "Report a data breach" page (online Notifiable Data Breach form; attach the template notice to individuals) read on oaic.gov.au; the enquiries number from the OAIC form\'s confirmation page.',
  },
  {
    ...base,
    id: 'AU.ndb.individuals',
    recipient: 'individuals',
    electronicNotice: { allowed: 'consent_or_primary', basis: 'Privacy Act 1988 s 26WL(4): the method of communication the entity normally uses with the individual (the rule’s channels text, checked with the rule); e-mail when the individual agreed to it or it is the usual channel' },
    authority: null,
    clock: { anchor: 'determination', amount: null, unit: 'calendar_days', urgency: 'as_soon_as_practicable' },
    content: CONTENT,
    channels: ['the contents of the statement to each individual concerned (s 26WL(2)(a)) or to each individual at risk (s 26WL(2)(b)), by the usual method of communication (s 26WL(4))'],
    substituteNotice: 'if neither is practicable: publish the statement on the website and take reasonable steps to publicise it (s 26WL(2)(c))',
    citation: 'Privacy Act 1988 (Cth) s 26WL',
    verified:
      'Checked 2026-12-06: s 26WL(2)–(4) on AustLII — the three options and "as soon as practicable after the completion of the preparation of the statement" (so the clock follows the statement, itself due as soon as practicable after awareness).',
  },
];
