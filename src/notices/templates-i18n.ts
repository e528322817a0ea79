/**
 * Notices in the recipient's language (issue 17 §6): the individual notice and the regulator
 * notice outside the US, in German, French (and Canadian French), Spanish, Italian, Dutch,
 * Portuguese (and Brazilian Portuguese), Polish and Swedish. English stays in templates.ts.
 *
 * Each language pack says what the English GDPR templates say, in the terms of that language's
 * official text of the law, section for section, so the content checks (drafting.ts), which look
 * for the sections, hold in every language:
 * - GDPR Art. 34(2), referring to Art. 33(3)(b)–(d): nature of the breach in clear and plain
 *   language, DPO or contact point, likely consequences, measures taken or proposed (the EU's
 *   official language versions: "Verletzung des Schutzes personenbezogener Daten", "violation de
 *   données à caractère personnel", "violación de la seguridad de los datos personales",
 *   "violazione dei dati personali", "inbreuk in verband met persoonsgegevens", "violação de dados
 *   pessoais", "naruszenie ochrony danych osobowych", "personuppgiftsincident");
 * - Art. 33(3)(a)–(d) for the regulator notice, addressed to the authority: no advice to the
 *   people (that is the Art. 34 communication), and the count of the authority's own jurisdiction
 *   with the total beside it, as the English template (issue 20 §6);
 * - Switzerland, nFADP Art. 24(4) with DPO (Datenschutzverordnung) Art. 15(3): nature,
 *   consequences, measures, contact person — the German pack without "ß" (Swiss spelling);
 * - Brazil, LGPD Art. 48 §1 with Resolução CD/ANPD 15/2024 Art. 9: adds the technical and
 *   security measures used (II) and the date the incident became known (VI);
 * - Canada, PIPEDA s 10.1 with SOR/2018-64 s 3 (and Quebec's Regulation respecting
 *   confidentiality incidents s 5): adds the right to complain to the Office of the Privacy
 *   Commissioner (Quebec: the Commission d'accès à l'information).
 * Placeholders are the English templates' ({{whatHappened}} … are the drafter's words, to be given
 * in the notice's language: drafting.ts flags text that reads as another language).
 */
import type { ElementId } from '../assessment/scanner/types.js';
import type { Rule } from '../obligations/rule.schema.js';
import type { NoticeLanguage } from './languages.js';
import { delaySection, gdprRegulatorFields } from './template-parts.js';
import type { DraftInputs, NoticeKind, Template, TemplateSection } from './templates.js';
import { de } from './i18n/de.js';
import { es } from './i18n/es.js';
import { fr, frCA } from './i18n/fr.js';
import { it } from './i18n/it.js';
import { nl } from './i18n/nl.js';
import type { Pack } from './i18n/pack.js';
import { pl } from './i18n/pl.js';
import { pt, ptBR } from './i18n/pt.js';
import { sv } from './i18n/sv.js';

const PACKS: Partial<Record<NoticeLanguage, Pack>> = { de, fr, 'fr-CA': frCA, es, it, nl, pt, 'pt-BR': ptBR, pl, sv };

/** Languages with a reviewed pack (English is templates.ts itself). */
export const TRANSLATED_LANGUAGES = Object.keys(PACKS) as NoticeLanguage[];

function labelsOf(pack: Pack, elements: Iterable<ElementId>): string {
  return [...elements].map((e) => pack.labels[e] ?? e.replace(/_/g, ' ')).join(', ');
}

/** Jurisdiction-specific sections the law of the place adds to the common content. */
function extraSections(lang: NoticeLanguage, jurisdiction: string): TemplateSection[] {
  if (jurisdiction === 'BR' && lang === 'pt-BR') {
    return [
      // Res. CD/ANPD 15/2024 Art. 9, II: the technical and security measures used to protect the data.
      { key: 'safeguards', heading: 'Medidas técnicas e de segurança utilizadas', text: '{{safeguards}}' },
    ];
  }
  if (jurisdiction === 'CA' || jurisdiction.startsWith('CA-')) {
    const qc = jurisdiction === 'CA-QC';
    const fr = lang.startsWith('fr');
    // SOR/2018-64 s 3(g): the internal complaint process and the right to complain to the OPC; Quebec: the CAI.
    const text = fr
      ? qc
        ? 'Vous pouvez porter plainte auprès de {{organisationName}}, puis auprès de la Commission d’accès à l’information du Québec (www.cai.gouv.qc.ca).'
        : 'Vous pouvez porter plainte auprès de {{organisationName}} selon notre processus interne de traitement des plaintes. Vous avez aussi le droit de déposer une plainte auprès du Commissariat à la protection de la vie privée du Canada (www.priv.gc.ca).'
      : '';
    return text ? [{ key: 'complaint', heading: 'Plaintes', text }] : [];
  }
  return [];
}

/** Swiss Standard German writes "ss" for "ß". */
const swiss = (s: string) => s.replace(/ß/g, 'ss');

function localize(t: Template, lang: NoticeLanguage, jurisdiction: string): Template {
  if (lang !== 'de' || jurisdiction !== 'CH') return t;
  const fix = (s: TemplateSection) => ({ ...s, heading: swiss(s.heading), text: swiss(s.text) });
  return { ...t, title: swiss(t.title), subject: swiss(t.subject), sections: (i, e) => t.sections(i, e).map(fix) };
}

function individual(lang: NoticeLanguage, pack: Pack, jurisdiction: string): Template {
  return localize(
    {
      id: `individual.gdpr.${lang}`,
      title: jurisdiction === 'CA-QC' && lang === 'fr-CA' ? 'Avis d’incident de confidentialité' : pack.title,
      subject: pack.subject,
      sections: (i: DraftInputs, els: Set<ElementId>) => {
        const listed = labelsOf(pack, els);
        const extra = extraSections(lang, jurisdiction);
        return [
          { key: 'greeting', heading: '', text: pack.greeting },
          { key: 'whatHappened', heading: pack.happened[0], text: `{{whatHappened}}${pack.happened[1]}` },
          { key: 'information', heading: pack.information[0], text: [listed ? `${pack.information[1]}${listed}.` : '', i.informationInvolved ?? ''].filter(Boolean).join(' ') },
          { key: 'consequences', heading: pack.consequences, text: '{{likelyConsequences}}' },
          ...extra.filter((s) => s.key === 'safeguards'),
          { key: 'whatWeAreDoing', heading: pack.measures, text: '{{whatWeAreDoing}}' },
          { key: 'whatYouCanDo', heading: pack.canDo, text: '{{whatYouCanDo}}' },
          ...extra.filter((s) => s.key !== 'safeguards'),
          { key: 'contact', heading: pack.contact[0], text: pack.contact[1] },
        ];
      },
      fields: () => ({}),
    },
    lang,
    jurisdiction,
  );
}

/**
 * The authority a regulator notice is addressed to, by name, where the pack's own addressee (the
 * GDPR's "supervisory authority", Canada's OPC) is not the one: Quebec's Commission d'accès à
 * l'information (Law 25, s 3.5 of the private-sector Act) and Switzerland's FDPIC (nFADP Art. 24(1))
 * in each of its official languages.
 */
const AUTHORITY: Record<string, Partial<Record<NoticeLanguage, string>>> = {
  'CA-QC': { 'fr-CA': 'À la Commission d’accès à l’information du Québec :', fr: 'À la Commission d’accès à l’information du Québec :' },
  CH: {
    de: 'An den Eidgenössischen Datenschutz- und Öffentlichkeitsbeauftragten (EDÖB):',
    fr: 'Au Préposé fédéral à la protection des données et à la transparence (PFPDT) :',
    it: 'All’Incaricato federale della protezione dei dati e della trasparenza (IFPDT):',
  },
};

function regulator(lang: NoticeLanguage, pack: Pack, jurisdiction: string): Template {
  const addressee = AUTHORITY[jurisdiction]?.[lang];
  const r = addressee ? { ...pack.reg, cover: `${addressee}${pack.reg.cover.slice(pack.reg.cover.indexOf('\n\n'))}` } : pack.reg;
  return localize(
    {
      id: `regulator.gdpr.${lang}`,
      title: r.title,
      subject: r.subject,
      sections: (i: DraftInputs, els: Set<ElementId>) => {
        const listed = labelsOf(pack, els);
        return [
          { key: 'cover', heading: '', text: r.cover },
          { key: 'whatHappened', heading: r.nature, text: '{{whatHappened}}' },
          { key: 'information', heading: r.categories, text: [listed ? `${pack.information[1]}${listed}.` : '', i.informationInvolved ?? ''].filter(Boolean).join(' ') },
          { key: 'consequences', heading: r.consequences, text: '{{likelyConsequences}}' },
          { key: 'whatWeAreDoing', heading: r.measures, text: '{{whatWeAreDoing}}' },
          { key: 'contact', heading: r.contact[0], text: r.contact[1] },
          ...delaySection(i, r.delay),
        ];
      },
      // The structured fields keep their machine keys (the English template's), values localised.
      fields: (i, els) => gdprRegulatorFields(i, labelsOf(pack, els)),
    },
    lang,
    jurisdiction,
  );
}

/**
 * The template in `lang` for a notice outside the US, or null when English (templates.ts) serves:
 * English itself, a US jurisdiction, HIPAA, or a kind without a translation (credit bureaus,
 * substitute and media notices).
 */
export function translatedTemplate(kind: NoticeKind, jurisdiction: string, rule: Rule | null, lang: NoticeLanguage): Template | null {
  const pack = PACKS[lang];
  if (!pack || jurisdiction.startsWith('US') || /hipaa/i.test(rule?.id ?? '')) return null;
  if (kind === 'individual') return individual(lang, pack, jurisdiction);
  if (kind === 'regulator') return regulator(lang, pack, jurisdiction);
  return null;
}

/** The word for "password" in `lang` (the credentials check, drafting.ts). */
export function passwordWord(lang: NoticeLanguage): RegExp {
  return PACKS[lang]?.password ?? /password/i;
}

/** How a letter is addressed to a minor's parent or guardian, or to a deceased person's estate. */
const ADDRESSEES: Record<string, { minor: (n: string) => string; deceased: (n: string) => string; holder: string }> = {
  en: { minor: (n) => `Parent or guardian of ${n}`, deceased: (n) => `Estate of ${n}`, holder: 'the account holder' },
  de: { minor: (n) => `An die Erziehungsberechtigten von ${n}`, deceased: (n) => `An den Nachlass von ${n}`, holder: 'der Kontoinhaberin bzw. dem Kontoinhaber' },
  fr: { minor: (n) => `Au représentant légal de ${n}`, deceased: (n) => `À la succession de ${n}`, holder: 'la personne titulaire du compte' },
  es: { minor: (n) => `Al padre, madre o tutor de ${n}`, deceased: (n) => `A los herederos de ${n}`, holder: 'la persona titular de la cuenta' },
  it: { minor: (n) => `Al genitore o tutore di ${n}`, deceased: (n) => `Agli eredi di ${n}`, holder: 'il titolare dell’account' },
  nl: { minor: (n) => `Aan de ouder of voogd van ${n}`, deceased: (n) => `Aan de nalatenschap van ${n}`, holder: 'de rekeninghouder' },
  pt: { minor: (n) => `Ao representante legal de ${n}`, deceased: (n) => `Aos herdeiros de ${n}`, holder: 'o titular da conta' },
  pl: { minor: (n) => `Rodzic lub opiekun prawny: ${n}`, deceased: (n) => `Spadkobiercy: ${n}`, holder: 'posiadacz konta' },
  sv: { minor: (n) => `Till förälder eller vårdnadshavare för ${n}`, deceased: (n) => `Till dödsboet efter ${n}`, holder: 'kontoinnehavaren' },
};

export function addressee(language: string): (typeof ADDRESSEES)[string] {
  return ADDRESSEES[language] ?? ADDRESSEES[language.split('-')[0]!] ?? ADDRESSEES.en!;
}
