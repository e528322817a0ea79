/** Notices in the recipients' languages (issue 17 §6): the reviewed templates and the checks in every language. */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../obligations/rules-loader.js';
import { draftNotice } from './drafting.js';
import { defaultLanguage, guessLanguage, type NoticeLanguage, normaliseLanguage, pickLanguage } from './languages.js';
import { recipientName } from './notices.store.js';
import { autoMap, rowToPerson } from './people-mapping.js';
import { renderText } from './render.js';
import type { DraftInputs } from './templates.js';

const rule = (id: string) => {
  const r = loadRules().find((x) => x.id === id);
  if (!r) throw new Error(`rule ${id} missing`);
  return r;
};

const ORG: DraftInputs = {
  organisationName: 'Beispiel GmbH',
  contactPhone: '+49 30 1234567',
  contactEmail: 'datenschutz@example.test',
  dpoContact: 'Dr. Eva Muster, dsb@example.test',
  noticeDate: '2026-11-01',
  breachDate: '2026-10-01',
  discoveryDate: '2026-10-05',
  totalAffected: 1200,
  residentsAffected: 300,
  organisationAddress: 'Musterstraße 1, 10115 Berlin',
};

/** The drafter's paragraphs, written in each language (what happened, consequences, measures, what to do). */
const WORDS: Record<string, [string, string, string, string]> = {
  de: [
    'Unbekannte haben sich mit gestohlenen Zugangsdaten Zugriff auf unser Kundenportal verschafft und eine Kundenliste heruntergeladen.',
    'Es besteht das Risiko, dass Sie betrügerische E-Mails erhalten, die sich als Nachrichten von uns ausgeben.',
    'Wir haben den Zugang gesperrt, alle Passwörter zurückgesetzt und die Aufsichtsbehörde informiert.',
    'Bitte ändern Sie Ihr Passwort und seien Sie vorsichtig bei E-Mails, die nach Ihren Zugangsdaten fragen.',
  ],
  fr: [
    'Des inconnus ont utilisé des identifiants volés pour accéder à notre portail client et ont téléchargé la liste des clients.',
    'Vous risquez de recevoir des courriels frauduleux qui se présentent comme des messages de notre part.',
    'Nous avons bloqué les accès, réinitialisé tous les mots de passe et informé la CNIL.',
    'Changez votre mot de passe et soyez prudent avec les courriels qui vous demandent vos identifiants.',
  ],
  es: [
    'Unos desconocidos usaron credenciales robadas para acceder a nuestro portal de clientes y descargaron la lista de clientes.',
    'Existe el riesgo de que reciba correos fraudulentos que se hagan pasar por mensajes de la empresa.',
    'Hemos bloqueado el acceso, restablecido todas las contraseñas y notificado a la autoridad de control.',
    'Cambie su contraseña y desconfíe de los correos que le pidan sus credenciales por un enlace.',
  ],
  it: [
    'Alcuni sconosciuti hanno usato credenziali rubate per accedere al nostro portale clienti e hanno scaricato un elenco di clienti.',
    'Esiste il rischio che Lei riceva e-mail fraudolente che si presentano come messaggi della nostra società.',
    'Abbiamo bloccato gli accessi, reimpostato tutte le password e informato il Garante per la protezione dei dati.',
    'Cambi la password e diffidi delle e-mail che Le chiedono le credenziali di accesso.',
  ],
  nl: [
    'Onbekenden hebben met gestolen inloggegevens toegang gekregen tot ons klantenportaal en een klantenlijst gedownload.',
    'Er is een risico dat u frauduleuze e-mails ontvangt die zich voordoen als berichten van ons.',
    'Wij hebben de toegang geblokkeerd, alle wachtwoorden opnieuw ingesteld en de toezichthouder geïnformeerd.',
    'Wijzig uw wachtwoord en wees voorzichtig met e-mails die om uw inloggegevens vragen.',
  ],
  pt: [
    'Desconhecidos usaram credenciais roubadas para aceder ao nosso portal de clientes e descarregaram a lista de clientes.',
    'Existe o risco de receber mensagens de correio eletrónico fraudulentas que se fazem passar por mensagens da empresa.',
    'Bloqueámos o acesso, redefinimos todas as palavras-passe e notificámos a autoridade de controlo.',
    'Altere a sua palavra-passe e tenha cuidado com as mensagens que pedem os seus dados de acesso.',
  ],
  pl: [
    'Nieznane osoby użyły skradzionych danych logowania, aby uzyskać dostęp do naszego portalu i pobrały listę klientów.',
    'Istnieje ryzyko, że otrzyma Pani/Pan fałszywe wiadomości e-mail, które podszywają się pod nas.',
    'Zablokowaliśmy dostęp, zresetowaliśmy wszystkie hasła i zawiadomiliśmy organ nadzorczy.',
    'Prosimy zmienić hasło i zachować ostrożność wobec wiadomości, które proszą o dane logowania.',
  ],
  sv: [
    'Okända personer har använt stulna inloggningsuppgifter för att komma åt vår kundportal och laddat ned en kundlista.',
    'Det finns en risk att du får bedrägliga e-postmeddelanden som ser ut att komma från oss.',
    'Vi har spärrat åtkomsten, återställt alla lösenord och anmält incidenten till tillsynsmyndigheten.',
    'Byt ditt lösenord och var försiktig med e-post som ber om dina inloggningsuppgifter.',
  ],
};
const inputsIn = (lang: string, extra: DraftInputs = {}): DraftInputs => {
  const [whatHappened, likelyConsequences, whatWeAreDoing, whatYouCanDo] = WORDS[lang.split('-')[0]!]!;
  return { ...ORG, whatHappened, likelyConsequences, whatWeAreDoing, whatYouCanDo, ...extra };
};

describe('notices in the recipients’ languages', () => {
  it('a German GDPR Art. 34 letter, word for word as its template', () => {
    const d = draftNotice('individual', 'DE', rule('EU.gdpr.individuals'), inputsIn('de'), ['person_name', 'email', 'password'], 'de');
    expect(d.problems).toEqual([]);
    expect(d.rendered.language).toBe('de');
    expect(renderText(d.rendered, { name: 'Anna Schmidt', address: '' })).toBe(
      [
        'Benachrichtigung über eine Verletzung des Schutzes personenbezogener Daten',
        '',
        'Guten Tag Anna Schmidt,',
        '',
        'mit diesem Schreiben vom 2026-11-01 informieren wir Sie über eine Verletzung des Schutzes Ihrer personenbezogenen Daten.',
        '',
        'Was ist geschehen',
        'Unbekannte haben sich mit gestohlenen Zugangsdaten Zugriff auf unser Kundenportal verschafft und eine Kundenliste heruntergeladen. Die Verletzung ereignete sich am oder um den 2026-10-01; wir haben am 2026-10-05 davon Kenntnis erlangt.',
        '',
        'Welche Ihrer Daten betroffen sind',
        'Betroffen sind folgende Daten: Name, E-Mail-Adresse, Passwort.',
        '',
        'Wahrscheinliche Folgen',
        'Es besteht das Risiko, dass Sie betrügerische E-Mails erhalten, die sich als Nachrichten von uns ausgeben.',
        '',
        'Welche Maßnahmen wir ergriffen haben und ergreifen werden',
        'Wir haben den Zugang gesperrt, alle Passwörter zurückgesetzt und die Aufsichtsbehörde informiert.',
        '',
        'Was Sie tun können',
        'Bitte ändern Sie Ihr Passwort und seien Sie vorsichtig bei E-Mails, die nach Ihren Zugangsdaten fragen.',
        '',
        'Kontakt',
        'Name und Kontaktdaten des Datenschutzbeauftragten oder einer sonstigen Anlaufstelle: Dr. Eva Muster, dsb@example.test. Bei Fragen wenden Sie sich bitte an Beispiel GmbH unter +49 30 1234567 oder datenschutz@example.test.',
        '',
      ].join('\n'),
    );
    expect(d.rendered.subject).toBe('Benachrichtigung über eine Verletzung des Schutzes Ihrer personenbezogenen Daten – Beispiel GmbH');
    expect(d.rendered.coverage.map((c) => c.status)).toEqual(['met', 'met', 'met', 'met']);
  });

  const EU: Array<[string, NoticeLanguage]> = [
    ['DE', 'de'],
    ['FR', 'fr'],
    ['ES', 'es'],
    ['IT', 'it'],
    ['NL', 'nl'],
    ['PT', 'pt'],
    ['PL', 'pl'],
    ['SE', 'sv'],
  ];
  it('GDPR Art. 33(1) in German: a late notification states "Gründe für die Verzögerung" in the drafter\'s German', () => {
    const late = inputsIn('de', { notificationDeadline: '2026-10-08T09:00:00Z' });
    const missing = draftNotice('regulator', 'DE', rule('DE.gdpr.sa'), late, ['email'], 'de');
    expect(missing.problems.map((p) => p.message).join()).toContain('after the deadline of 2026-10-08T09:00:00Z');
    const english = draftNotice('regulator', 'DE', rule('DE.gdpr.sa'), { ...late, delayReasons: 'The database was identified only after forensic imaging.' }, ['email'], 'de');
    expect(english.problems.map((p) => p.item)).toEqual(['delayReasons']);
    const reasons = 'Die betroffene Datenbank wurde erst nach der forensischen Sicherung am 9. Oktober identifiziert, weil die Protokolle verschlüsselt waren.';
    const d = draftNotice('regulator', 'DE', rule('DE.gdpr.sa'), { ...late, delayReasons: reasons }, ['email'], 'de');
    expect(d.problems, JSON.stringify(d.problems)).toEqual([]);
    expect(d.rendered.sections.find((x) => x.key === 'delay')).toEqual({ key: 'delay', heading: 'Gründe für die Verzögerung', text: reasons });
  });

  it.each(EU)('%s individual and regulator notices in %s pass their content checks, with no English left', (country, lang) => {
    const els = ['person_name', 'email', 'password'] as const;
    const ind = draftNotice('individual', country, rule('EU.gdpr.individuals'), inputsIn(lang), [...els], lang);
    expect(ind.problems, JSON.stringify(ind.problems)).toEqual([]);
    expect(ind.rendered.coverage.every((c) => c.status === 'met')).toBe(true);
    const reg = draftNotice('regulator', country, rule(`${country}.gdpr.sa`), inputsIn(lang, { notificationDeadline: '2099-01-01T00:00:00Z' }), [...els], lang);
    expect(reg.problems, JSON.stringify(reg.problems)).toEqual([]);
    // Addressed to the authority (issue 20 §6): no advice to the people, that jurisdiction's count
    // with the total beside it, the controller's address.
    expect(reg.rendered.sections.map((x) => x.key)).not.toContain('whatYouCanDo');
    expect(reg.rendered.fields).toMatchObject({ approximateDataSubjects: '300', totalDataSubjects: '1200', controllerAddress: 'Musterstraße 1, 10115 Berlin' });
    expect(String(reg.rendered.fields.categoriesOfData)).not.toBe('');
    for (const r of [ind.rendered, reg.rendered]) {
      const text = renderText(r).replace(/Structured fields[\s\S]*$/, '');
      expect(r.language).toBe(lang);
      // No English template sentence is left in a translated notice.
      expect(text).not.toMatch(/What happened|Likely consequences|If you have questions|The information involved|data protection officer/);
      expect(guessLanguage(text)).toBe(lang);
    }
  });

  it('the credentials check looks for the word for "password" in the notice’s language', () => {
    const noPassword = inputsIn('fr', { whatYouCanDo: 'Soyez prudent avec les courriels qui vous demandent vos identifiants de connexion.' });
    const d = draftNotice('individual', 'US-CA', rule('US-CA.individuals.2026'), { ...noPassword, lawEnforcementDelay: false }, ['username', 'password'], 'fr');
    // US notices are English only: the draft falls back to the English template.
    expect(d.rendered.language).toBeUndefined();
    const fr = draftNotice('individual', 'FR', rule('EU.gdpr.individuals'), inputsIn('fr'), ['username', 'password'], 'fr');
    expect(fr.problems).toEqual([]);
  });

  it('flags the drafter’s paragraphs written in another language than the notice', () => {
    const d = draftNotice('individual', 'DE', rule('EU.gdpr.individuals'), inputsIn('de', { whatHappened: 'An attacker used stolen credentials to log in to the customer portal and download the list.' }), ['email'], 'de');
    expect(d.problems).toEqual([{ kind: 'language', item: 'whatHappened', message: 'whatHappened reads as en, but the notice is in de: give it in de' }]);
  });

  it('Switzerland (nFADP Art. 24), Brazil (LGPD Art. 48) and Canada in French (PIPEDA, Quebec Law 25)', () => {
    const ch = draftNotice('individual', 'CH', rule('CH.nfadp.individuals'), inputsIn('de'), ['email'], 'de');
    expect(ch.problems, JSON.stringify(ch.problems)).toEqual([]);
    expect(renderText(ch.rendered)).toContain('Welche Massnahmen wir ergriffen haben');
    expect(renderText(ch.rendered)).not.toContain('ß');

    const br = draftNotice(
      'individual',
      'BR',
      rule('BR.lgpd.individuals'),
      {
        ...ORG,
        whatHappened: 'Pessoas desconhecidas usaram credenciais roubadas para acessar o nosso portal e baixaram uma lista de clientes.',
        likelyConsequences: 'Existe o risco de você receber mensagens fraudulentas que se passam por mensagens da empresa.',
        whatWeAreDoing: 'Bloqueamos o acesso, redefinimos todas as senhas e comunicamos o incidente à ANPD.',
        whatYouCanDo: 'Altere a sua senha e tenha cuidado com mensagens que pedem os seus dados de acesso.',
        safeguards: 'Os dados estavam protegidos por controle de acesso e as senhas eram armazenadas com hash.',
        attestations: { 'reasons for any delay (IV)': 'comunicação dentro do prazo', 'date the incident became known (VI)': 'seção "O que aconteceu"' },
      },
      ['email', 'password'],
      'pt-BR',
    );
    expect(br.problems, JSON.stringify(br.problems)).toEqual([]);
    expect(br.rendered.sections.map((s) => s.heading)).toContain('Medidas técnicas e de segurança utilizadas');
    expect(br.rendered.title).toBe('Comunicação de incidente de segurança com dados pessoais');

    const qc = draftNotice('individual', 'CA-QC', rule('CA-QC.law25.individuals'), inputsIn('fr'), ['email'], 'fr-CA');
    expect(qc.problems, JSON.stringify(qc.problems)).toEqual([]);
    expect(qc.rendered.title).toBe('Avis d’incident de confidentialité');
    expect(renderText(qc.rendered)).toContain('Commission d’accès à l’information du Québec');
    const ca = draftNotice(
      'individual',
      'CA',
      rule('CA.pipeda.individuals'),
      inputsIn('fr', { attestations: { 'sufficient information to understand the significance of the breach and to reduce or mitigate the harm (s 10.1(4))': 'les sections « Les circonstances » à « Les mesures que vous pouvez prendre »' } }),
      ['email'],
      'fr-CA',
    );
    expect(ca.problems, JSON.stringify(ca.problems)).toEqual([]);
    expect(renderText(ca.rendered)).toContain('Commissariat à la protection de la vie privée du Canada');
  });

  it('regulator notices name their authority: the OPC, Quebec’s CAI, the FDPIC in each Swiss language', () => {
    const cover = (country: string, id: string, lang: string) => {
      const d = draftNotice('regulator', country, rule(id), inputsIn(lang), ['email'], lang as never);
      expect(d.rendered.language).toBe(lang);
      return d.rendered.sections.find((x) => x.key === 'cover')!.text.split('\n')[0];
    };
    expect(cover('CA', 'CA.pipeda.opc', 'fr-CA')).toBe('Au Commissariat à la protection de la vie privée du Canada :');
    expect(cover('CA-QC', 'CA-QC.law25.cai', 'fr-CA')).toBe('À la Commission d’accès à l’information du Québec :');
    expect(cover('CH', 'CH.nfadp.fdpic', 'de')).toBe('An den Eidgenössischen Datenschutz- und Öffentlichkeitsbeauftragten (EDÖB):');
    expect(cover('CH', 'CH.nfadp.fdpic', 'fr')).toBe('Au Préposé fédéral à la protection des données et à la transparence (PFPDT) :');
    expect(cover('CH', 'CH.nfadp.fdpic', 'it')).toBe('All’Incaricato federale della protezione dei dati e della trasparenza (IFPDT):');
    // Elsewhere in the EEA the GDPR's own words stay.
    expect(cover('DE', 'DE.gdpr.sa', 'de')).toBe('An die Aufsichtsbehörde:');
    // The same structured fields as the English notice, a breach date range included.
    const ranged = draftNotice('regulator', 'DE', rule('DE.gdpr.sa'), inputsIn('de', { breachEndDate: '2026-10-03' }), ['email'], 'de');
    expect(ranged.rendered.fields).toMatchObject({ breachDate: '2026-10-01', breachEndDate: '2026-10-03' });
    const ca = draftNotice('regulator', 'CA', rule('CA.pipeda.opc'), inputsIn('fr'), ['email'], 'fr-CA');
    expect(ca.rendered.title).toBe('Déclaration d’atteinte aux mesures de sécurité');
  });

  it('the person’s language: from the import column, else the jurisdiction’s default; who gets which notice', () => {
    expect(['de-AT', 'de_CH', 'German', 'Deutsch', 'DE'].map(normaliseLanguage)).toEqual(['de', 'de', 'de', 'de', 'de']);
    expect(['fr-ca', 'pt-BR', 'pt-PT', 'sv-SE', 'klingon', ''].map(normaliseLanguage)).toEqual(['fr-CA', 'pt-BR', 'pt', 'sv', null, null]);
    expect(['DE', 'CH', 'BR', 'CA-QC', 'CA', 'SE', 'US-CA'].map(defaultLanguage)).toEqual(['de', 'de', 'pt-BR', 'fr-CA', 'en', 'sv', 'en']);
    expect(pickLanguage('de', ['en', 'de'])).toBe('de');
    expect(pickLanguage('fr-CA', ['en', 'fr'])).toBe('fr');
    expect(pickLanguage('pl', ['en', 'de'])).toBe('en');
    expect(pickLanguage('pl', ['de'])).toBeNull();
    const header = ['Name', 'E-Mail', 'Country', 'Language'];
    const m = autoMap(header).mapping;
    expect(m.language).toBe(3);
    const r = rowToPerson(['Jan Kowalski', 'jan@example.test', 'DE', 'pl-PL'], m);
    expect('person' in r && r.person.language).toBe('pl');
  });

  it('letters to a minor’s guardian or a deceased person’s estate are addressed in the notice’s language', () => {
    const person = { name: 'Mia Klein', email: null, phone: null, address: null, jurisdiction: 'DE', elements: [], flags: { minor: true, deceased: false, noContact: false } };
    expect(recipientName(person, 'de')).toBe('An die Erziehungsberechtigten von Mia Klein');
    expect(recipientName({ ...person, flags: { ...person.flags, minor: false, deceased: true } }, 'fr-CA')).toBe('À la succession de Mia Klein');
    expect(recipientName(person)).toBe('Parent or guardian of Mia Klein');
  });
});
