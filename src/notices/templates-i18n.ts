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
 * - Art. 33(3)(a)–(d) for the regulator notice, plus the recommended steps for the people;
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
import type { DraftInputs, NoticeKind, Template, TemplateSection } from './templates.js';

interface Pack {
  title: string;
  subject: string;
  greeting: string;
  happened: [heading: string, tail: string];
  information: [heading: string, lead: string];
  consequences: string;
  measures: string;
  canDo: string;
  contact: [heading: string, text: string];
  reg: {
    title: string;
    subject: string;
    cover: string;
    nature: string;
    categories: string;
    consequences: string;
    measures: string;
    steps: string;
    contact: [heading: string, text: string];
  };
  labels: Partial<Record<ElementId, string>>;
  /** The word for "password" (the credentials check looks for it in "what you can do"). */
  password: RegExp;
}

const de: Pack = {
  title: 'Benachrichtigung über eine Verletzung des Schutzes personenbezogener Daten',
  subject: 'Benachrichtigung über eine Verletzung des Schutzes Ihrer personenbezogenen Daten – {{organisationName}}',
  greeting: 'Guten Tag {{recipient.name}},\n\nmit diesem Schreiben vom {{noticeDate}} informieren wir Sie über eine Verletzung des Schutzes Ihrer personenbezogenen Daten.',
  happened: ['Was ist geschehen', ' Die Verletzung ereignete sich am oder um den {{breachDate}}; wir haben am {{discoveryDate}} davon Kenntnis erlangt.'],
  information: ['Welche Ihrer Daten betroffen sind', 'Betroffen sind folgende Daten: '],
  consequences: 'Wahrscheinliche Folgen',
  measures: 'Welche Maßnahmen wir ergriffen haben und ergreifen werden',
  canDo: 'Was Sie tun können',
  contact: ['Kontakt', 'Name und Kontaktdaten des Datenschutzbeauftragten oder einer sonstigen Anlaufstelle: {{dpoContact}}. Bei Fragen wenden Sie sich bitte an {{organisationName}} unter {{contactPhone}} oder {{contactEmail}}.'],
  reg: {
    title: 'Meldung einer Verletzung des Schutzes personenbezogener Daten',
    subject: 'Meldung einer Verletzung des Schutzes personenbezogener Daten – {{organisationName}}',
    cover: 'An die Aufsichtsbehörde:\n\n{{organisationName}} meldet hiermit mit Datum vom {{noticeDate}} eine Verletzung des Schutzes personenbezogener Daten. Die strukturierten Angaben folgen; wir ergänzen diese Meldung, sobald die Untersuchung weitere Informationen ergibt.',
    nature: 'Art der Verletzung',
    categories: 'Kategorien der betroffenen Daten',
    consequences: 'Wahrscheinliche Folgen',
    measures: 'Ergriffene oder vorgeschlagene Maßnahmen',
    steps: 'Empfohlene Maßnahmen für die betroffenen Personen',
    contact: ['Anlaufstelle', 'Datenschutzbeauftragter: {{dpoContact}}. Bei Fragen wenden Sie sich bitte an {{organisationName}} unter {{contactPhone}} oder {{contactEmail}}.'],
  },
  labels: {
    person_name: 'Name',
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer',
    postal_address: 'Postanschrift',
    date_of_birth: 'Geburtsdatum',
    national_id: 'nationale Identifikationsnummer',
    passport_number: 'Reisepassnummer',
    tax_id: 'Steueridentifikationsnummer',
    payment_card: 'Zahlungskartennummer',
    card_security_code: 'Kartenprüfnummer',
    bank_account: 'Kontonummer',
    iban: 'IBAN',
    username: 'Benutzername',
    password: 'Passwort',
    password_hash: 'Passwort (als Hashwert)',
    health: 'Gesundheitsdaten',
  },
  password: /passw(o|ö)rt|kennwort/i,
};

const fr: Pack = {
  title: 'Notification d’une violation de données à caractère personnel',
  subject: 'Notification d’une violation de vos données à caractère personnel – {{organisationName}}',
  greeting: 'Madame, Monsieur {{recipient.name}},\n\nPar la présente lettre du {{noticeDate}}, nous vous informons d’une violation de vos données à caractère personnel.',
  happened: ['Ce qui s’est passé', ' La violation s’est produite le {{breachDate}} ou vers cette date ; nous en avons pris connaissance le {{discoveryDate}}.'],
  information: ['Les données vous concernant', 'Les données concernées sont les suivantes : '],
  consequences: 'Conséquences probables',
  measures: 'Les mesures que nous avons prises et prendrons',
  canDo: 'Ce que vous pouvez faire',
  contact: ['Contact', 'Nom et coordonnées du délégué à la protection des données ou d’un autre point de contact : {{dpoContact}}. Pour toute question, contactez {{organisationName}} au {{contactPhone}} ou à {{contactEmail}}.'],
  reg: {
    title: 'Notification d’une violation de données à caractère personnel',
    subject: 'Notification d’une violation de données à caractère personnel – {{organisationName}}',
    cover: 'À l’autorité de contrôle :\n\n{{organisationName}} notifie par la présente, en date du {{noticeDate}}, une violation de données à caractère personnel. Les informations structurées suivent ; nous compléterons cette notification au fil de l’enquête.',
    nature: 'Nature de la violation',
    categories: 'Catégories de données',
    consequences: 'Conséquences probables',
    measures: 'Mesures prises ou proposées',
    steps: 'Mesures recommandées aux personnes concernées',
    contact: ['Point de contact', 'Délégué à la protection des données : {{dpoContact}}. Pour toute question, contactez {{organisationName}} au {{contactPhone}} ou à {{contactEmail}}.'],
  },
  labels: {
    person_name: 'nom',
    email: 'adresse électronique',
    phone: 'numéro de téléphone',
    postal_address: 'adresse postale',
    date_of_birth: 'date de naissance',
    national_id: 'numéro d’identification national',
    passport_number: 'numéro de passeport',
    tax_id: 'numéro d’identification fiscale',
    payment_card: 'numéro de carte de paiement',
    card_security_code: 'cryptogramme de la carte',
    bank_account: 'numéro de compte bancaire',
    iban: 'IBAN',
    username: 'identifiant',
    password: 'mot de passe',
    password_hash: 'mot de passe (haché)',
    health: 'données de santé',
  },
  password: /mot de passe/i,
};

const es: Pack = {
  title: 'Comunicación de una violación de la seguridad de los datos personales',
  subject: 'Comunicación de una violación de la seguridad de sus datos personales – {{organisationName}}',
  greeting: 'Estimado/a {{recipient.name}}:\n\nPor medio de esta comunicación, de fecha {{noticeDate}}, le informamos de una violación de la seguridad de sus datos personales.',
  happened: ['Qué ha ocurrido', ' La violación se produjo el {{breachDate}} o en torno a esa fecha, y tuvimos conocimiento de ella el {{discoveryDate}}.'],
  information: ['Qué datos suyos están afectados', 'Los datos afectados son: '],
  consequences: 'Consecuencias probables',
  measures: 'Qué medidas hemos adoptado y adoptaremos',
  canDo: 'Qué puede hacer usted',
  contact: ['Contacto', 'Nombre y datos de contacto del delegado de protección de datos o de otro punto de contacto: {{dpoContact}}. Si tiene preguntas, póngase en contacto con {{organisationName}} en el {{contactPhone}} o en {{contactEmail}}.'],
  reg: {
    title: 'Notificación de una violación de la seguridad de los datos personales',
    subject: 'Notificación de una violación de la seguridad de los datos personales – {{organisationName}}',
    cover: 'A la autoridad de control:\n\n{{organisationName}} notifica por la presente, con fecha {{noticeDate}}, una violación de la seguridad de los datos personales. A continuación figuran los datos estructurados; completaremos esta notificación a medida que avance la investigación.',
    nature: 'Naturaleza de la violación',
    categories: 'Categorías de datos',
    consequences: 'Consecuencias probables',
    measures: 'Medidas adoptadas o propuestas',
    steps: 'Medidas recomendadas a los interesados',
    contact: ['Punto de contacto', 'Delegado de protección de datos: {{dpoContact}}. Si tiene preguntas, póngase en contacto con {{organisationName}} en el {{contactPhone}} o en {{contactEmail}}.'],
  },
  labels: {
    person_name: 'nombre',
    email: 'dirección de correo electrónico',
    phone: 'número de teléfono',
    postal_address: 'dirección postal',
    date_of_birth: 'fecha de nacimiento',
    national_id: 'número de identificación nacional',
    passport_number: 'número de pasaporte',
    tax_id: 'número de identificación fiscal',
    payment_card: 'número de tarjeta de pago',
    card_security_code: 'código de seguridad de la tarjeta',
    bank_account: 'número de cuenta bancaria',
    iban: 'IBAN',
    username: 'nombre de usuario',
    password: 'contraseña',
    password_hash: 'contraseña (cifrada con hash)',
    health: 'datos de salud',
  },
  password: /contrase(ñ|n)a/i,
};

const it: Pack = {
  title: 'Comunicazione di una violazione dei dati personali',
  subject: 'Comunicazione di una violazione dei Suoi dati personali – {{organisationName}}',
  greeting: 'Gentile {{recipient.name}},\n\ncon la presente comunicazione del {{noticeDate}} La informiamo di una violazione dei Suoi dati personali.',
  happened: ['Che cosa è successo', ' La violazione si è verificata il {{breachDate}} o in prossimità di tale data e ne siamo venuti a conoscenza il {{discoveryDate}}.'],
  information: ['Quali Suoi dati sono coinvolti', 'I dati coinvolti sono: '],
  consequences: 'Probabili conseguenze',
  measures: 'Le misure che abbiamo adottato e adotteremo',
  canDo: 'Che cosa può fare',
  contact: ['Contatti', 'Nome e dati di contatto del responsabile della protezione dei dati o di altro punto di contatto: {{dpoContact}}. Per domande può contattare {{organisationName}} al numero {{contactPhone}} o all’indirizzo {{contactEmail}}.'],
  reg: {
    title: 'Notifica di una violazione dei dati personali',
    subject: 'Notifica di una violazione dei dati personali – {{organisationName}}',
    cover: 'All’autorità di controllo:\n\n{{organisationName}} notifica con la presente, in data {{noticeDate}}, una violazione dei dati personali. Seguono le informazioni strutturate; integreremo la notifica man mano che l’indagine procede.',
    nature: 'Natura della violazione',
    categories: 'Categorie di dati',
    consequences: 'Probabili conseguenze',
    measures: 'Misure adottate o di cui si propone l’adozione',
    steps: 'Misure raccomandate agli interessati',
    contact: ['Punto di contatto', 'Responsabile della protezione dei dati: {{dpoContact}}. Per domande può contattare {{organisationName}} al numero {{contactPhone}} o all’indirizzo {{contactEmail}}.'],
  },
  labels: {
    person_name: 'nome',
    email: 'indirizzo e-mail',
    phone: 'numero di telefono',
    postal_address: 'indirizzo postale',
    date_of_birth: 'data di nascita',
    national_id: 'numero di identificazione nazionale',
    passport_number: 'numero di passaporto',
    tax_id: 'codice fiscale',
    payment_card: 'numero della carta di pagamento',
    card_security_code: 'codice di sicurezza della carta',
    bank_account: 'numero di conto bancario',
    iban: 'IBAN',
    username: 'nome utente',
    password: 'password',
    password_hash: 'password (in forma di hash)',
    health: 'dati relativi alla salute',
  },
  password: /password|parola d[’']ordine/i,
};

const nl: Pack = {
  title: 'Mededeling van een inbreuk in verband met persoonsgegevens',
  subject: 'Mededeling van een inbreuk in verband met uw persoonsgegevens – {{organisationName}}',
  greeting: 'Beste {{recipient.name}},\n\nMet deze brief van {{noticeDate}} informeren wij u over een inbreuk in verband met uw persoonsgegevens.',
  happened: ['Wat er is gebeurd', ' De inbreuk vond plaats op of omstreeks {{breachDate}}; wij kregen er op {{discoveryDate}} kennis van.'],
  information: ['Welke gegevens van u zijn betrokken', 'Het gaat om de volgende gegevens: '],
  consequences: 'Waarschijnlijke gevolgen',
  measures: 'Welke maatregelen wij hebben genomen en zullen nemen',
  canDo: 'Wat u kunt doen',
  contact: ['Contact', 'Naam en contactgegevens van de functionaris voor gegevensbescherming of een ander contactpunt: {{dpoContact}}. Met vragen kunt u contact opnemen met {{organisationName}} via {{contactPhone}} of {{contactEmail}}.'],
  reg: {
    title: 'Melding van een inbreuk in verband met persoonsgegevens',
    subject: 'Melding van een inbreuk in verband met persoonsgegevens – {{organisationName}}',
    cover: 'Aan de toezichthoudende autoriteit:\n\n{{organisationName}} meldt hierbij, op {{noticeDate}}, een inbreuk in verband met persoonsgegevens. De gestructureerde gegevens volgen; wij vullen deze melding aan naarmate het onderzoek vordert.',
    nature: 'Aard van de inbreuk',
    categories: 'Categorieën van gegevens',
    consequences: 'Waarschijnlijke gevolgen',
    measures: 'Genomen of voorgestelde maatregelen',
    steps: 'Aanbevolen maatregelen voor de betrokkenen',
    contact: ['Contactpunt', 'Functionaris voor gegevensbescherming: {{dpoContact}}. Met vragen kunt u contact opnemen met {{organisationName}} via {{contactPhone}} of {{contactEmail}}.'],
  },
  labels: {
    person_name: 'naam',
    email: 'e-mailadres',
    phone: 'telefoonnummer',
    postal_address: 'postadres',
    date_of_birth: 'geboortedatum',
    national_id: 'nationaal identificatienummer',
    passport_number: 'paspoortnummer',
    tax_id: 'fiscaal identificatienummer',
    payment_card: 'betaalkaartnummer',
    card_security_code: 'beveiligingscode van de kaart',
    bank_account: 'rekeningnummer',
    iban: 'IBAN',
    username: 'gebruikersnaam',
    password: 'wachtwoord',
    password_hash: 'wachtwoord (gehasht)',
    health: 'gezondheidsgegevens',
  },
  password: /wachtwoord/i,
};

const pt: Pack = {
  title: 'Comunicação de uma violação de dados pessoais',
  subject: 'Comunicação de uma violação dos seus dados pessoais – {{organisationName}}',
  greeting: 'Caro(a) {{recipient.name}},\n\nPela presente comunicação, datada de {{noticeDate}}, informamos que ocorreu uma violação dos seus dados pessoais.',
  happened: ['O que aconteceu', ' A violação ocorreu em {{breachDate}} ou por volta dessa data e tomámos conhecimento dela em {{discoveryDate}}.'],
  information: ['Que dados seus foram afetados', 'Os dados afetados são: '],
  consequences: 'Consequências prováveis',
  measures: 'As medidas que adotámos e iremos adotar',
  canDo: 'O que pode fazer',
  contact: ['Contacto', 'Nome e contactos do encarregado da proteção de dados ou de outro ponto de contacto: {{dpoContact}}. Em caso de dúvidas, contacte {{organisationName}} através do {{contactPhone}} ou de {{contactEmail}}.'],
  reg: {
    title: 'Notificação de uma violação de dados pessoais',
    subject: 'Notificação de uma violação de dados pessoais – {{organisationName}}',
    cover: 'À autoridade de controlo:\n\n{{organisationName}} notifica pela presente, em {{noticeDate}}, uma violação de dados pessoais. Seguem-se os dados estruturados; completaremos esta notificação à medida que a investigação avançar.',
    nature: 'Natureza da violação',
    categories: 'Categorias de dados',
    consequences: 'Consequências prováveis',
    measures: 'Medidas adotadas ou propostas',
    steps: 'Medidas recomendadas aos titulares dos dados',
    contact: ['Ponto de contacto', 'Encarregado da proteção de dados: {{dpoContact}}. Em caso de dúvidas, contacte {{organisationName}} através do {{contactPhone}} ou de {{contactEmail}}.'],
  },
  labels: {
    person_name: 'nome',
    email: 'endereço de correio eletrónico',
    phone: 'número de telefone',
    postal_address: 'morada',
    date_of_birth: 'data de nascimento',
    national_id: 'número de identificação civil',
    passport_number: 'número de passaporte',
    tax_id: 'número de identificação fiscal',
    payment_card: 'número do cartão de pagamento',
    card_security_code: 'código de segurança do cartão',
    bank_account: 'número de conta bancária',
    iban: 'IBAN',
    username: 'nome de utilizador',
    password: 'palavra-passe',
    password_hash: 'palavra-passe (em hash)',
    health: 'dados de saúde',
  },
  password: /palavra-passe|senha/i,
};

/** LGPD Art. 48 and ANPD Res. 15/2024 Art. 9 terms: "incidente de segurança", "titular", "encarregado". */
const ptBR: Pack = {
  ...pt,
  title: 'Comunicação de incidente de segurança com dados pessoais',
  subject: 'Comunicação de incidente de segurança com seus dados pessoais – {{organisationName}}',
  greeting: 'Prezado(a) {{recipient.name}},\n\nPor meio desta comunicação, datada de {{noticeDate}}, informamos que ocorreu um incidente de segurança envolvendo seus dados pessoais.',
  happened: ['O que aconteceu', ' O incidente ocorreu em {{breachDate}} ou por volta dessa data, e tomamos conhecimento dele em {{discoveryDate}}.'],
  information: ['Natureza e categoria dos dados afetados', 'Os dados afetados são: '],
  consequences: 'Riscos e possíveis impactos',
  measures: 'Medidas adotadas e a serem adotadas',
  canDo: 'O que você pode fazer',
  contact: ['Contato', 'Encarregado pelo tratamento de dados pessoais (DPO) e contato para informações: {{dpoContact}}. Em caso de dúvidas, entre em contato com {{organisationName}} pelo {{contactPhone}} ou por {{contactEmail}}.'],
  reg: {
    ...pt.reg,
    title: 'Comunicação de incidente de segurança à ANPD',
    subject: 'Comunicação de incidente de segurança – {{organisationName}}',
    cover: 'À Autoridade Nacional de Proteção de Dados:\n\n{{organisationName}} comunica, em {{noticeDate}}, a ocorrência de um incidente de segurança com dados pessoais. Seguem os dados estruturados; complementaremos esta comunicação conforme a apuração avançar.',
    steps: 'Medidas recomendadas aos titulares',
    contact: ['Contato', 'Encarregado: {{dpoContact}}. Em caso de dúvidas, entre em contato com {{organisationName}} pelo {{contactPhone}} ou por {{contactEmail}}.'],
  },
  labels: { ...pt.labels, email: 'endereço de e-mail', postal_address: 'endereço', national_id: 'número de CPF ou RG', username: 'nome de usuário', password: 'senha', password_hash: 'senha (em hash)' },
};

const pl: Pack = {
  title: 'Zawiadomienie o naruszeniu ochrony danych osobowych',
  subject: 'Zawiadomienie o naruszeniu ochrony Pani/Pana danych osobowych – {{organisationName}}',
  greeting: 'Szanowna Pani / Szanowny Panie {{recipient.name}},\n\nniniejszym pismem z dnia {{noticeDate}} zawiadamiamy o naruszeniu ochrony Pani/Pana danych osobowych.',
  happened: ['Co się stało', ' Do naruszenia doszło w dniu {{breachDate}} lub około tej daty; dowiedzieliśmy się o nim w dniu {{discoveryDate}}.'],
  information: ['Których Pani/Pana danych dotyczy naruszenie', 'Naruszenie dotyczy następujących danych: '],
  consequences: 'Możliwe konsekwencje',
  measures: 'Środki, które zastosowaliśmy i zastosujemy',
  canDo: 'Co może Pani/Pan zrobić',
  contact: ['Kontakt', 'Imię i nazwisko oraz dane kontaktowe inspektora ochrony danych lub innego punktu kontaktowego: {{dpoContact}}. W razie pytań prosimy o kontakt z {{organisationName}} pod numerem {{contactPhone}} lub adresem {{contactEmail}}.'],
  reg: {
    title: 'Zgłoszenie naruszenia ochrony danych osobowych',
    subject: 'Zgłoszenie naruszenia ochrony danych osobowych – {{organisationName}}',
    cover: 'Do organu nadzorczego:\n\n{{organisationName}} niniejszym zgłasza, w dniu {{noticeDate}}, naruszenie ochrony danych osobowych. Poniżej znajdują się informacje w ustrukturyzowanej formie; uzupełnimy zgłoszenie w miarę postępów w wyjaśnianiu sprawy.',
    nature: 'Charakter naruszenia',
    categories: 'Kategorie danych',
    consequences: 'Możliwe konsekwencje',
    measures: 'Zastosowane lub proponowane środki',
    steps: 'Zalecane działania dla osób, których dane dotyczą',
    contact: ['Punkt kontaktowy', 'Inspektor ochrony danych: {{dpoContact}}. W razie pytań prosimy o kontakt z {{organisationName}} pod numerem {{contactPhone}} lub adresem {{contactEmail}}.'],
  },
  labels: {
    person_name: 'imię i nazwisko',
    email: 'adres e-mail',
    phone: 'numer telefonu',
    postal_address: 'adres pocztowy',
    date_of_birth: 'data urodzenia',
    national_id: 'numer PESEL',
    passport_number: 'numer paszportu',
    tax_id: 'numer identyfikacji podatkowej',
    payment_card: 'numer karty płatniczej',
    card_security_code: 'kod zabezpieczający karty',
    bank_account: 'numer rachunku bankowego',
    iban: 'IBAN',
    username: 'nazwa użytkownika',
    password: 'hasło',
    password_hash: 'hasło (w postaci skrótu)',
    health: 'dane dotyczące zdrowia',
  },
  password: /hasł/i,
};

const sv: Pack = {
  title: 'Information om en personuppgiftsincident',
  subject: 'Information om en personuppgiftsincident som rör dina personuppgifter – {{organisationName}}',
  greeting: 'Hej {{recipient.name}},\n\nGenom detta brev daterat {{noticeDate}} informerar vi dig om en personuppgiftsincident som rör dina personuppgifter.',
  happened: ['Vad som har hänt', ' Incidenten inträffade den {{breachDate}} eller omkring det datumet, och vi fick kännedom om den den {{discoveryDate}}.'],
  information: ['Vilka av dina uppgifter som berörs', 'Följande uppgifter berörs: '],
  consequences: 'Sannolika konsekvenser',
  measures: 'Vilka åtgärder vi har vidtagit och kommer att vidta',
  canDo: 'Vad du kan göra',
  contact: ['Kontakt', 'Namn och kontaktuppgifter för dataskyddsombudet eller en annan kontaktpunkt: {{dpoContact}}. Om du har frågor kan du kontakta {{organisationName}} på {{contactPhone}} eller {{contactEmail}}.'],
  reg: {
    title: 'Anmälan av en personuppgiftsincident',
    subject: 'Anmälan av en personuppgiftsincident – {{organisationName}}',
    cover: 'Till tillsynsmyndigheten:\n\n{{organisationName}} anmäler härmed, den {{noticeDate}}, en personuppgiftsincident. De strukturerade uppgifterna följer; vi kompletterar anmälan allteftersom utredningen fortskrider.',
    nature: 'Personuppgiftsincidentens art',
    categories: 'Kategorier av uppgifter',
    consequences: 'Sannolika konsekvenser',
    measures: 'Vidtagna eller föreslagna åtgärder',
    steps: 'Rekommenderade åtgärder för de registrerade',
    contact: ['Kontaktpunkt', 'Dataskyddsombud: {{dpoContact}}. Om du har frågor kan du kontakta {{organisationName}} på {{contactPhone}} eller {{contactEmail}}.'],
  },
  labels: {
    person_name: 'namn',
    email: 'e-postadress',
    phone: 'telefonnummer',
    postal_address: 'postadress',
    date_of_birth: 'födelsedatum',
    national_id: 'personnummer',
    passport_number: 'passnummer',
    tax_id: 'skatteregistreringsnummer',
    payment_card: 'betalkortsnummer',
    card_security_code: 'kortets säkerhetskod',
    bank_account: 'kontonummer',
    iban: 'IBAN',
    username: 'användarnamn',
    password: 'lösenord',
    password_hash: 'lösenord (hashat)',
    health: 'uppgifter om hälsa',
  },
  password: /lösenord/i,
};

/** Canadian French: PIPEDA's "atteinte aux mesures de sécurité"; Quebec's "incident de confidentialité". */
const frCA: Pack = {
  ...fr,
  title: 'Avis d’atteinte aux mesures de sécurité',
  subject: 'Avis d’atteinte aux mesures de sécurité visant vos renseignements personnels – {{organisationName}}',
  greeting: 'Madame, Monsieur {{recipient.name}},\n\nPar le présent avis du {{noticeDate}}, nous vous informons d’une atteinte aux mesures de sécurité visant vos renseignements personnels.',
  happened: ['Les circonstances', ' L’atteinte s’est produite le {{breachDate}} ou vers cette date; nous en avons pris connaissance le {{discoveryDate}}.'],
  information: ['Les renseignements personnels visés', 'Les renseignements visés sont les suivants : '],
  consequences: 'Le risque de préjudice',
  measures: 'Les mesures que nous avons prises pour réduire le risque de préjudice',
  canDo: 'Les mesures que vous pouvez prendre',
  contact: ['Pour en savoir plus', 'Personne-ressource : {{dpoContact}}. Pour toute question, communiquez avec {{organisationName}} au {{contactPhone}} ou à {{contactEmail}}.'],
  labels: { ...fr.labels, email: 'adresse courriel', national_id: 'numéro d’assurance sociale', username: 'nom d’utilisateur' },
};

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

function regulator(lang: NoticeLanguage, pack: Pack, jurisdiction: string): Template {
  const r = pack.reg;
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
          { key: 'whatYouCanDo', heading: r.steps, text: '{{whatYouCanDo}}' },
          { key: 'contact', heading: r.contact[0], text: r.contact[1] },
        ];
      },
      // The structured fields keep their machine keys (the English template's), values localised.
      fields: (_i, els) => ({
        controller: '{{organisationName}}',
        natureOfBreach: '{{whatHappened}}',
        categoriesOfData: labelsOf(pack, els),
        approximateDataSubjects: '{{totalAffected}}',
        dpoContact: '{{dpoContact}}',
        likelyConsequences: '{{likelyConsequences}}',
        measures: '{{whatWeAreDoing}}',
        breachDate: '{{breachDate}}',
        awarenessDate: '{{discoveryDate}}',
      }),
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
