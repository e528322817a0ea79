/**
 * Multilingual column-header dictionary (EN, DE, FR, ES, IT, NL, PT) and the matcher that maps a
 * header to a meaning. Headers are normalised (accents stripped, ß→ss, camelCase and digits split,
 * separators to spaces) and matched on whole tokens — never on substrings, so `name` does not match
 * `filename` (piicatcher's pitfall, scanning.md §3.5). German-style compounds are matched by suffix
 * (`Kundenname`, `Rechnungsadresse`), with explicit decoys for the common false compounds.
 * When several phrases match, the one ending at the last token wins (the head noun: "billing
 * address zip" is a ZIP), then the longest.
 */
import type { ElementId, GeoRole, SecretType } from '../types.js';

export interface HeaderMeaning {
  element?: ElementId;
  kind?: string;
  secret?: SecretType;
  geo?: GeoRole;
  freeText?: boolean;
  /** Identifier/number columns that look like personal data but are not (order, tracking, SKU…). */
  decoy?: boolean;
}

const ENTRIES: [HeaderMeaning, string][] = [];
const el = (element: ElementId, phrases: string, kind?: string) => ENTRIES.push([{ element, kind }, phrases]);
const geo = (g: GeoRole, phrases: string) => ENTRIES.push([{ geo: g }, phrases]);
const secret = (s: SecretType, phrases: string) => ENTRIES.push([{ secret: s }, phrases]);

el('person_name', 'name|full name|fullname|fname|lname|mname|first nm|last nm|first name|given name|forename|last name|surname|family name|middle name|maiden name|customer name|client name|contact name|display name|nickname|holder name|card holder|cardholder|cardholder name|account holder|account name|beneficiary|beneficiary name|recipient name|patient name|employee name|person|vorname|nachname|familienname|rufname|kundenname|kontoinhaber|prenom|nom|nom de famille|nom complet|titulaire|nombre|nombres|apellido|apellidos|nombre completo|primer apellido|segundo apellido|titular|nome|cognome|nome completo|intestatario|voornaam|achternaam|naam|volledige naam|tussenvoegsel|rekeninghouder|sobrenome|apelido|primeiro nome|nome proprio');
el('email', 'email|e mail|mail|email id|e mail id|mail id|email address|mail address|emailadresse|e mail adresse|mailadresse|courriel|adresse email|adresse e mail|adresse mail|adresse electronique|correo|correo electronico|email personal|posta elettronica|indirizzo email|indirizzo e mail|emailadres|e mailadres|endereco de email|endereco de e mail|endereco eletronico|correio eletronico');
el('phone', 'phone|phone number|phonenumber|phone no|ph no|phno|mob no|mobile no|telephone|telephone number|tel|tel no|mobile|mobile number|mobile phone|cell|cellphone|cell phone|fax|msisdn|contact number|home phone|work phone|telefon|telefonnummer|handy|handynummer|mobilnummer|mobiltelefon|rufnummer|portable|numero de telephone|tel portable|telefono|movil|celular|numero de telefono|telefono movil|cellulare|numero di telefono|telefoonnummer|mobiel|mobiel nummer|gsm|telemovel|numero de telemovel');
el('postal_address', 'address|street|street address|address line|address line 1|address line 2|address 1|address 2|addr|house number|street name|mailing address|billing address|shipping address|home address|postal address|residence address|strasse|hausnummer|anschrift|adresse|wohnadresse|rechnungsadresse|lieferadresse|rue|numero de rue|adresse postale|direccion|calle|domicilio|direccion postale|indirizzo|via|numero civico|adres|straat|straatnaam|huisnummer|woonadres|morada|endereco|rua|numero da rua');
el('date_of_birth', 'dob|date of birth|birth date|birthdate|birthday|born|born on|geburtsdatum|geburtstag|geb datum|date de naissance|naissance|date naissance|fecha de nacimiento|fecha nacimiento|nacimiento|data di nascita|data nascita|geboortedatum|geboren|data de nascimento|data nascimento|nascimento');
el('us_ssn', 'ssn|social security|social security number|social security no|soc sec|soc sec no|ss number|ssn number');
el('us_itin', 'itin|individual taxpayer identification number');
el('national_id', 'national id|national identity|national identity number|national id number|id number|identity number|identity card|citizen id|personal id|personal number|personnummer|sozialversicherungsnummer|personalausweis|ausweisnummer|personalausweisnummer|carte d identite|numero d identite|cedula|documento de identidad|numero documento|carta d identita|numero carta identita|identiteitskaart|identiteitsnummer|documento|bilhete de identidade|numero de identificacao');
el('national_id', 'nino|national insurance|national insurance number|ni number|ni no', 'uk_nino');
el('national_id', 'sin|social insurance number|numero d assurance sociale|nas', 'ca_sin');
el('national_id', 'nir|insee|numero de securite sociale|securite sociale|num secu|numero secu', 'fr_nir');
el('national_id', 'steuer id|steuerid|steuer identifikationsnummer|steueridentifikationsnummer|idnr|identifikationsnummer|tin de|steuerliche identifikationsnummer', 'de_tax_id');
el('national_id', 'dni|documento nacional de identidad|numero dni', 'es_dni');
el('national_id', 'nie|numero de identidad de extranjero', 'es_nie');
el('national_id', 'codice fiscale|cod fiscale|codicefiscale|cf', 'it_cf');
el('national_id', 'bsn|burgerservicenummer|sofinummer|sofi nummer', 'nl_bsn');
el('national_id', 'cpf|numero cpf|cadastro de pessoas fisicas', 'br_cpf');
el('national_id', 'aadhaar|aadhar|aadhaar number|uid number|uidai', 'in_aadhaar');
el('national_id', 'pan number|pan no|pan card|pan card number|permanent account number|income tax pan', 'in_pan');
el('national_id', 'tfn|tax file number|tax file no', 'au_tfn');
el('passport_number', 'passport|passport number|passport no|passport num|reisepass|reisepassnummer|passnummer|passeport|numero de passeport|pasaporte|numero de pasaporte|passaporto|numero passaporto|paspoort|paspoortnummer|passaporte|numero do passaporte');
el('drivers_license', 'drivers license|driver license|drivers licence|driver licence|driving licence|driving license|dl number|dl no|license number|licence number|fuhrerschein|fuhrerscheinnummer|permis de conduire|numero de permis|carnet de conducir|licencia de conducir|permiso de conducir|patente di guida|patente|rijbewijs|rijbewijsnummer|carta de conducao|carteira de motorista|cnh');
el('tax_id', 'tax id|tax number|tax identification number|tin|ein|employer identification number|vat number|vat id|steuernummer|ust id|umsatzsteuer id|numero fiscal|numero d identification fiscale|nif|cif|rfc|partita iva|codice iva|btw nummer|fiscaal nummer|numero de contribuinte|nipc');
el('payment_card', 'card number|credit card|credit card number|cc number|ccnumber|cc num|ccnum|cc no|card no|card num|cardnumber|pan|debit card|kreditkarte|kreditkartennummer|kartennummer|numero de carte|carte bancaire|carte de credit|numero carte|numero de tarjeta|tarjeta|tarjeta de credito|numero tarjeta|numero carta|carta di credito|numero della carta|creditcard|creditcardnummer|kaartnummer|numero do cartao|cartao|cartao de credito|cc');
el('payment_card_partial', 'last 4|last four|last four digits|card last 4|card last four|cc last 4|last 4 digits|card last digits|masked card|masked pan|masked card number|card mask|pan masked|truncated pan|card ending|card suffix|letzte 4 ziffern');
el('card_security_code', 'cvv|cvc|cvv2|cvc2|cid|csc|security code|card security code|card verification|kartenprufnummer|prufnummer|cryptogramme|code de securite|codigo de seguridad|codice di sicurezza|beveiligingscode|codigo de seguranca');
el('bank_account', 'account number|bank account|bank account number|acct|acct no|acct num|account no|bban|sort code|kontonummer|konto|bankkonto|numero de compte|compte bancaire|rib|numero de cuenta|cuenta bancaria|cuenta|numero conto|conto corrente|conto|rekeningnummer|rekening|bankrekening|numero da conta|conta bancaria|conta');
el('us_routing_number', 'routing number|routing|aba|aba number|aba routing|rtn|routing transit number|transit number');
el('iban', 'iban|iban number|iban code|iban nummer|numero iban|codigo iban|codice iban');
el('username', 'username|user name|login|login name|screen name|screenname|handle|account login|benutzername|benutzer|anmeldename|nom d utilisateur|identifiant|pseudo|nombre de usuario|usuario|nome utente|utente|gebruikersnaam|gebruiker|nome de usuario|utilizador');
el('password', 'password|passwd|pwd|pass|passcode|pin|pin code|user password|plain password|passwort|kennwort|mot de passe|mdp|contrasena|clave|parola d ordine|wachtwoord|senha|palavra passe');
el('password_hash', 'password hash|hashed password|pass hash|password digest|encrypted password|crypted password|password encrypted|pwd hash|passwort hash|hash mot de passe|hash password|password salt hash');
el('security_question', 'security question|secret question|security answer|secret answer|mothers maiden name|mother maiden name|mothers maiden|maiden name security|sicherheitsfrage|sicherheitsantwort|question secrete|reponse secrete|pregunta de seguridad|respuesta de seguridad|domanda di sicurezza|risposta di sicurezza|beveiligingsvraag|pergunta de seguranca|resposta de seguranca');
el('ip_address', 'ip|ip address|ipaddress|ip addr|client ip|remote addr|remote address|remote ip|source ip|src ip|last ip|last login ip|login ip|ip adresse|adresse ip|direccion ip|indirizzo ip|ip adres|endereco ip|ipv4|ipv6|x forwarded for');
el('geolocation', 'lat|lng|lon|latitude|longitude|geo|geolocation|geo location|coordinates|coords|gps|gps coordinates|latlng|lat lng|lat long|location coordinates|breitengrad|langengrad|koordinaten|coordonnees|coordenadas|coordinate|coordinaten');
el('device_id', 'device id|deviceid|device identifier|imei|mac|mac address|macaddress|idfa|gaid|aaid|advertising id|ad id|udid|hardware id|geratekennung|identifiant appareil|id dispositivo|id del dispositivo');
el('license_plate', 'license plate|licence plate|number plate|plate|plate number|vehicle registration|registration plate|kennzeichen|kfz kennzeichen|nummernschild|plaque|plaque d immatriculation|immatriculation|matricula|placa|targa|kenteken');
el('health', 'diagnosis|diagnoses|diagnosis code|medical condition|medical conditions|medication|medications|prescription|allergies|allergy|treatment|symptoms|disease|illness|medical history|medical record|icd|icd10|icd 10|icd code|blood type|blood group|disability|pregnancy|hiv status|vaccination|vaccination status|diagnose|krankheit|erkrankung|medikament|medikamente|befund|diagnostic|maladie|traitement|antecedents medicaux|diagnostico|enfermedad|medicamento|medicacion|tratamiento|diagnosi|malattia|farmaco|terapia|ziekte|medicatie|behandeling|doenca|medicacao|tratamento');
el('health_insurance', 'health insurance|health insurance number|health plan|insurer|medicare|medicare number|medicaid|nhs number|member id health|krankenkasse|krankenversicherung|krankenversichertennummer|versichertennummer|mutuelle|carte vitale|seguro medico|seguro de salud|tessera sanitaria|zorgverzekering|zorgverzekeraar|plano de saude|numero de utente');
el('biometric', 'fingerprint|biometric|biometrics|face template|faceprint|face id|face encoding|iris|iris scan|retina|voiceprint|fingerabdruck|empreinte|empreinte digitale|huella|huella dactilar|impronta|impronta digitale|vingerafdruk|impressao digital|biometrie');
el('genetic', 'genotype|genetic|genetics|dna|dna sequence|genome|gene|genetic test|genetic marker|snp|genotyp|genetisch|genetique|genetico|genetica');
el('special_category', 'religion|religious|faith|denomination|confession|konfession|religionszugehorigkeit|religion de|religione|godsdienst|geloof|religiao|credo', 'religion');
el('special_category', 'ethnicity|ethnic|ethnic origin|race|ethnie|ethnische herkunft|origine ethnique|etnia|origen etnico|origine etnica|etniciteit|afkomst|raca|origem etnica', 'ethnicity');
el('special_category', 'political party|political opinion|political affiliation|political views|politics|partei|parteizugehorigkeit|parti politique|partido politico|afiliacion politica|partito|partito politico|politieke partij|partido', 'politics');
el('special_category', 'sexual orientation|sexuality|sexuelle orientierung|orientation sexuelle|orientacion sexual|orientamento sessuale|seksuele geaardheid|orientacao sexual', 'sexual_orientation');
el('special_category', 'trade union|union membership|union member|labor union|labour union|gewerkschaft|gewerkschaftsmitglied|syndicat|sindicato|sindacato|vakbond|vakbondslid', 'trade_union');
geo('country', 'country|country code|countrycode|country name|land|staat|pays|pais|paese|nazione|country of residence|residence country');
geo('region', 'state|state code|province|region|county|bundesland|provinz|departement|provincia|estado|comunidad autonoma|regione|provincie|distrito|uf');
geo('postal_code', 'zip|zip code|zipcode|postal code|postcode|post code|postalcode');
// Postcodes named in another language are not US ZIPs (a German PLZ 80331 is Munich, not ZIP
// 80331 in Colorado); a five-digit PLZ is German (Austria, Switzerland, Liechtenstein use four).
ENTRIES.push([{ geo: 'postal_code', kind: 'DE' }, 'plz|postleitzahl']);
ENTRIES.push([{ geo: 'postal_code', kind: 'intl' }, 'code postal|cp|codigo postal|cod postal|cap|codice postale|cep|postnummer|postinumero|kod pocztowy|iranyitoszam|smerovaci cislo']);
geo('city', 'city|town|municipality|ort|stadt|wohnort|gemeinde|ville|commune|localite|ciudad|localidad|municipio|poblacion|citta|comune|localita|plaats|woonplaats|gemeente|cidade|concelho|freguesia');
ENTRIES.push([{ freeText: true }, 'notes|note|comment|comments|remark|remarks|message|messages|msg|description|desc|body|text|content|details|memo|summary|feedback|reason|subject|chat|transcript|log|bemerkung|bemerkungen|notiz|notizen|kommentar|nachricht|beschreibung|anmerkung|remarque|commentaire|commentaires|observations|descripcion|comentario|comentarios|mensaje|nota|notas|observaciones|commento|commenti|messaggio|descrizione|note interne|opmerking|opmerkingen|bericht|beschrijving|toelichting|observacao|observacoes|mensagem|descricao']);
secret('generic_secret', 'api key|apikey|api token|access token|auth token|authtoken|token|secret|client secret|secret key|private key|access key|refresh token|session token|bearer|webhook secret|signing key|encryption key|app secret|consumer secret');
// A Docker config.json's `auths.<registry>.auth`: base64 user:password (docs.docker.com, config.json).
secret('container_registry_auth', 'auth');
secret('aws_secret_access_key', 'aws secret access key|aws secret key|secret access key');
secret('aws_access_key_id', 'aws access key id|aws access key|access key id');
ENTRIES.push([{ decoy: true }, 'id|uuid|guid|key|pk|row id|record id|user id|customer id|client id|account id|order|order id|order number|order no|order ref|ordernumber|purchase order|bestellnummer|auftragsnummer|numero de commande|numero de pedido|pedido|numero ordine|ordine|bestelnummer|tracking|tracking number|tracking no|tracking id|tracking code|shipment id|sendungsnummer|numero de suivi|numero de seguimiento|invoice|invoice id|invoice number|invoice no|rechnungsnummer|facture|numero de facture|factura|numero de factura|fattura|factuur|factuurnummer|fatura|sku|product|product id|product code|product number|article|article number|artikelnummer|item|item id|item number|ean|upc|isbn|barcode|serial|serial number|version|created|created at|updated|updated at|modified|modified at|deleted at|timestamp|time|date|datetime|last login|last login at|login at|login time|last seen|amount|price|total|quantity|qty|count|status|type|reference|ref|transaction id|transaction|session id|request id|trace id|hash|checksum|md5|sha1|sha256|etag|company|company name|organization|organisation|product name|file name|filename|file|path|url|domain|host|host name|hostname|table name|column name|field name|category|brand|dateiname|firmenname|produktname|pathname|dirname|typename|classname|fieldname|tablename|colname|codename|rename|zip file|user agent|useragent']);

/** Normalise a header into lower-case ASCII tokens. Dotted/bracketed JSON paths keep their last two segments. */
export function headerTokens(header: string): string[] {
  const segs = header.split(/[./[\]>]+/).filter(Boolean);
  const h = segs.slice(-2).join(' ');
  return h
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)|(\d)([A-Za-z])/g, '$1$3 $2$4')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const EXACT = new Map<string, HeaderMeaning>();
/** Single-word phrases that may end a German/Dutch-style compound (Kunden|name, Rechnungs|adresse). */
const SUFFIXES: [string, HeaderMeaning][] = [];
const NO_SUFFIX = new Set(['pass', 'mail', 'lat', 'lon', 'lng', 'geo', 'mac', 'pin', 'nom', 'tel', 'cell', 'land', 'ort', 'via', 'rue', 'key', 'text', 'note', 'body', 'desc', 'item', 'file', 'host', 'date', 'time', 'type', 'code', 'city', 'town', 'iris', 'gene', 'race', 'plate', 'naam', 'nome', 'conto', 'conta', 'cuenta', 'konto', 'order', 'total', 'count', 'status', 'login', 'handle', 'token', 'secret']);
for (const [meaning, phrases] of ENTRIES) {
  for (const phrase of phrases.split('|')) {
    const key = phrase.replace(/ /g, '');
    // First definition wins: element entries come before geo/free-text/decoy ones.
    if (!EXACT.has(key)) EXACT.set(key, meaning);
    if (!phrase.includes(' ') && key.length >= 4 && !NO_SUFFIX.has(key)) SUFFIXES.push([key, meaning]);
  }
}

/** Head nouns after a secret's name that make the column about the secret, not the secret itself. */
const SECRET_ABOUT = new Set(['uri', 'url', 'urls', 'endpoint', 'type', 'name', 'id', 'ids', 'arn', 'path', 'file', 'expiry', 'expires', 'expiration', 'ttl', 'length', 'hint', 'version', 'scope', 'scopes']);

export interface HeaderMatch extends HeaderMeaning {
  /** 0..1: 1 for the whole header, less for a compound suffix or a phrase inside a longer header. */
  strength: number;
}

/** What the header says the column holds, or null. */
export function matchHeader(header: string): HeaderMatch | null {
  const t = header ? headerTokens(header) : [];
  if (t.length === 0) return null;
  let best: { m: HeaderMeaning; end: number; len: number; exact: boolean } | null = null;
  const consider = (m: HeaderMeaning, end: number, len: number, exact: boolean) => {
    if (!best || end > best.end || (end === best.end && (len > best.len || (len === best.len && exact && !best.exact)))) best = { m, end, len, exact };
  };
  for (let i = 0; i < t.length; i++) {
    let joined = '';
    for (let j = i; j < t.length && j < i + 6; j++) {
      joined += t[j];
      const m = EXACT.get(joined);
      if (m) consider(m, j, joined.length, true);
    }
    for (const [suffix, m] of SUFFIXES) {
      if (t[i].length > suffix.length + 2 && t[i].endsWith(suffix)) consider(m, i, suffix.length - 0.5, false);
    }
  }
  if (!best) return null;
  const b = best as { m: HeaderMeaning; end: number; len: number; exact: boolean };
  // The last word names what the column holds: `token_uri` (a GCP key file's OAuth endpoint),
  // `secret_name`, `api_key_id`, `token_expiry` describe a credential without being one.
  if (b.m.secret && b.end < t.length - 1 && SECRET_ABOUT.has(t[t.length - 1])) return null;
  const whole = t.join('').length;
  const strength = b.exact ? 0.7 + 0.3 * Math.min(1, b.len / whole) : 0.6;
  return { ...b.m, strength };
}
