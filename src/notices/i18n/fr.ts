/** The fr notice texts (see templates-i18n.ts for the laws and terms they follow). */
import type { Pack } from './pack.js';

export const fr: Pack = {
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
    contact: ['Point de contact', 'Délégué à la protection des données : {{dpoContact}}. Pour toute question, contactez {{organisationName}} au {{contactPhone}} ou à {{contactEmail}}.'],
    delay: 'Motifs du retard',
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

/** Canadian French: PIPEDA's "atteinte aux mesures de sécurité"; Quebec's "incident de confidentialité". */
export const frCA: Pack = {
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
  // PIPEDA s 10.1(1) report to the Commissioner, content of SOR/2018-64 s 2(1): circumstances and
  // cause, the information, the risk, the steps taken to reduce it, a contact person.
  reg: {
    ...fr.reg,
    title: 'Déclaration d’atteinte aux mesures de sécurité',
    subject: 'Déclaration d’atteinte aux mesures de sécurité – {{organisationName}}',
    cover: 'Au Commissariat à la protection de la vie privée du Canada :\n\n{{organisationName}} déclare par la présente, en date du {{noticeDate}}, une atteinte aux mesures de sécurité visant des renseignements personnels. Les renseignements exigés suivent; nous les compléterons au fil de l’enquête.',
    nature: 'Les circonstances de l’atteinte et sa cause',
    categories: 'Les renseignements personnels visés',
    consequences: 'Le risque de préjudice grave',
    measures: 'Les mesures prises pour réduire le risque de préjudice',
    contact: ['Personne-ressource', 'Personne-ressource : {{dpoContact}}. Pour toute question, communiquez avec {{organisationName}} au {{contactPhone}} ou à {{contactEmail}}.'],
  },
  labels: { ...fr.labels, email: 'adresse courriel', national_id: 'numéro d’assurance sociale', username: 'nom d’utilisateur' },
};
