import { describe, expect, it } from 'vitest';
import { headerTokens, matchHeader } from './headers.js';

describe('headerTokens', () => {
  it('splits camelCase, digits and separators, strips accents and keeps the last two path segments', () => {
    expect(headerTokens('customerFirstName')).toEqual(['customer', 'first', 'name']);
    expect(headerTokens('IPAddress')).toEqual(['ip', 'address']);
    expect(headerTokens('address_line1')).toEqual(['address', 'line', '1']);
    expect(headerTokens('Prénom')).toEqual(['prenom']);
    expect(headerTokens('Straße')).toEqual(['strasse']);
    expect(headerTokens('order.customer.contact.e-mail')).toEqual(['contact', 'e', 'mail']);
  });
});

describe('matchHeader', () => {
  it.each([
    ['first_name', 'person_name'],
    ['Vorname', 'person_name'],
    ['prénom', 'person_name'],
    ['nombre', 'person_name'],
    ['nome', 'person_name'],
    ['voornaam', 'person_name'],
    ['Kundenname', 'person_name'],
    ['email', 'email'],
    ['E-Mail', 'email'],
    ['courriel', 'email'],
    ['correo', 'email'],
    ['posta elettronica', 'email'],
    ['ssn', 'us_ssn'],
    ['Social Security Number', 'us_ssn'],
    ['dob', 'date_of_birth'],
    ['Geburtsdatum', 'date_of_birth'],
    ['date de naissance', 'date_of_birth'],
    ['fecha_de_nacimiento', 'date_of_birth'],
    ['data di nascita', 'date_of_birth'],
    ['geboortedatum', 'date_of_birth'],
    ['data de nascimento', 'date_of_birth'],
    ['address', 'postal_address'],
    ['Straße', 'postal_address'],
    ['adresse', 'postal_address'],
    ['dirección', 'postal_address'],
    ['indirizzo', 'postal_address'],
    ['adres', 'postal_address'],
    ['morada', 'postal_address'],
    ['Rechnungsadresse', 'postal_address'],
    ['IBAN', 'iban'],
    ['password', 'password'],
    ['Passwort', 'password'],
    ['mot de passe', 'password'],
    ['contraseña', 'password'],
    ['senha', 'password'],
    ['wachtwoord', 'password'],
    ['password_hash', 'password_hash'],
    ['diagnosis', 'health'],
    ['Diagnose', 'health'],
    ['diagnostic', 'health'],
    ['diagnóstico', 'health'],
    ['religion', 'special_category'],
    ['religión', 'special_category'],
    ['religione', 'special_category'],
    ['godsdienst', 'special_category'],
    ['religião', 'special_category'],
    ['last_login_ip', 'ip_address'],
    ['customer.email', 'email'],
    ['cust_fname', 'person_name'],
    ['email_id', 'email'],
    ['ph_no', 'phone'],
    ['addr1', 'postal_address'],
  ])('%s → %s', (h, element) => expect(matchHeader(h)?.element).toBe(element));

  it('gives national-ID kinds from the header', () => {
    expect(matchHeader('NINO')).toMatchObject({ element: 'national_id', kind: 'uk_nino' });
    expect(matchHeader('codice_fiscale')).toMatchObject({ element: 'national_id', kind: 'it_cf' });
    expect(matchHeader('special.religion')).toMatchObject({ element: 'special_category', kind: 'religion' });
  });

  it.each(['order_number', 'tracking_number', 'invoice_id', 'product_sku', 'filename', 'created_at', 'user_id', 'company_name', 'last_login'])('%s is a decoy', (h) => {
    const m = matchHeader(h);
    expect(m?.decoy).toBe(true);
    expect(m?.element).toBeUndefined();
  });

  it.each([
    ['zip', 'postal_code'],
    ['PLZ', 'postal_code'],
    ['code postal', 'postal_code'],
    ['billing_address_zip', 'postal_code'],
    ['country', 'country'],
    ['Land', 'country'],
    ['state', 'region'],
    ['province', 'region'],
    ['city', 'city'],
    ['Wohnort', 'city'],
  ])('%s is geo %s', (h, g) => expect(matchHeader(h)?.geo).toBe(g));

  it('marks free-text and secret columns and ignores unknown headers', () => {
    expect(matchHeader('notes')?.freeText).toBe(true);
    expect(matchHeader('Bemerkung')?.freeText).toBe(true);
    expect(matchHeader('api_key')?.secret).toBe('generic_secret');
    // About a credential, not the credential: the last word is the head noun.
    for (const h of ['token_uri', 'secret_name', 'api_key_id', 'tokenType', 'access_token_expiry']) expect(matchHeader(h)?.secret, h).toBeUndefined();
    expect(matchHeader('client_secret_value')?.secret).toBe('generic_secret');
    expect(matchHeader('col7')).toBeNull();
    expect(matchHeader('')).toBeNull();
  });
});
