import { describe, expect, it } from 'vitest';
import { luhn } from '../detectors/detector.js';
import { classifyColumn, classifyColumns } from './columns.js';

/** Deterministic generators (no fixtures to hard-code results against). */
let seed = 7;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const digits = (n: number) => Array.from({ length: n }, () => rnd(10)).join('');
const withLuhn = (body: string) => {
  for (let c = 0; c < 10; c++) if (luhn(body + c)) return body + c;
  throw new Error('unreachable');
};
const ibanOf = (bban: string, cc = 'DE') => {
  const num = BigInt(
    (bban + cc + '00')
      .split('')
      .map((ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55)))
      .join(''),
  );
  return `${cc}${String(98n - (num % 97n)).padStart(2, '0')}${bban}`;
};
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('classifyColumn: value sampling', () => {
  it('recognises a column of valid IBANs under an unhelpful header', () => {
    const c = classifyColumn('col7', many(40, () => ibanOf(digits(18))));
    expect(c.element).toBe('iban');
    expect(c.confidence).toBeGreaterThan(0.8);
  });
  it('recognises e-mails, dashed SSNs, cards and bcrypt hashes by values alone', () => {
    expect(classifyColumn('c1', many(20, (i) => `user${i}@example.org`)).element).toBe('email');
    expect(classifyColumn('c2', many(20, () => `${100 + rnd(500)}-${10 + rnd(89)}-${1000 + rnd(8999)}`)).element).toBe('us_ssn');
    expect(classifyColumn('c3', many(20, () => withLuhn(`4${digits(14)}`))).element).toBe('payment_card');
    expect(classifyColumn('c4', many(20, () => `$2b$12$${'a'.repeat(53)}`)).element).toBe('password_hash');
  });
  it('does not classify bare 9-digit numbers, bare hex or UUIDs from values alone', () => {
    expect(classifyColumn('c', many(30, () => `${1 + rnd(8)}${digits(8)}`)).element).toBeNull();
    expect(classifyColumn('c', many(30, () => 'ab'.repeat(16))).element).toBeNull();
    expect(classifyColumn('c', many(30, () => '6d92078a-8246-4ba4-ae5b-76104861e7dc')).element).toBeNull();
  });
});

describe('classifyColumn: headers checked against values', () => {
  it('accepts a header element when its values validate', () => {
    expect(classifyColumn('ssn', many(30, () => `${100 + rnd(500)}${10 + rnd(89)}${1000 + rnd(8999)}`))).toMatchObject({ element: 'us_ssn' });
    expect(classifyColumn('Geburtsdatum', many(30, () => `${1 + rnd(28)}.0${1 + rnd(9)}.19${50 + rnd(49)}`)).element).toBe('date_of_birth');
  });
  it('rejects a header element whose values do not validate', () => {
    expect(classifyColumn('email', many(20, () => 'yes')).element).toBeNull();
    // timestamps are not dates of birth
    expect(classifyColumn('birth_date', many(20, () => `2023-0${1 + rnd(9)}-1${rnd(9)}T10:2${rnd(9)}:11Z`)).element).toBeNull();
  });
  it('classifies header-only elements when cells are not placeholders', () => {
    expect(classifyColumn('Vorname', ['Anna', 'Jörg', 'N/A', 'Li'])).toMatchObject({ element: 'person_name' });
    expect(classifyColumn('religione', ['cattolica', 'nessuna'])).toMatchObject({ element: 'special_category', kind: 'religion' });
    expect(classifyColumn('diagnosis', ['J45.909', 'E11.9'])).toMatchObject({ element: 'health' });
  });
  it('reads a password column of digests as password hashes', () => {
    expect(classifyColumn('password', many(20, () => digits(32).replace(/[0-4]/g, 'a')))).toMatchObject({ element: 'password_hash', kind: 'md5' });
    expect(classifyColumn('password', ['hunter2', 'correct horse', 'P@ssw0rd!'])).toMatchObject({ element: 'password' });
  });
  it('prefers e-mail when a username column holds e-mail addresses', () => {
    expect(classifyColumn('username', many(20, (i) => `u${i}@example.com`)).element).toBe('email');
  });
  it('picks the national-ID kind from the values when the header has none', () => {
    expect(classifyColumn('national_id', many(10, () => 'AB123456C'))).toMatchObject({ element: 'national_id', kind: 'uk_nino' });
  });
  it('keeps Excel-mangled card numbers as present but unverifiable', () => {
    expect(classifyColumn('CCNumber', many(10, () => `5.${digits(5)}E+15`))).toMatchObject({ element: 'payment_card', kind: 'unverifiable' });
  });
});

describe('classifyColumn: decoys', () => {
  it('does not flag SSN-shaped order numbers, Luhn-valid tracking numbers, invoices or SKUs', () => {
    expect(classifyColumn('order_number', many(50, () => `${100 + rnd(500)}-${10 + rnd(89)}-${1000 + rnd(8999)}`)).element).toBeNull();
    expect(classifyColumn('tracking_number', many(50, () => withLuhn(`4${digits(14)}`))).element).toBeNull();
    expect(classifyColumn('invoice_id', many(50, () => withLuhn(`5${digits(15)}`))).element).toBeNull();
    expect(classifyColumn('product_sku', many(50, () => digits(9))).element).toBeNull();
  });
  it('reads ZIP codes as geo, never as phones', () => {
    const c = classifyColumn('zip', many(50, () => `${10000 + rnd(89999)}`));
    expect(c).toMatchObject({ element: null, geo: 'postal_code' });
  });
  it('does not read timestamps as dates of birth', () => {
    expect(classifyColumn('created_at', many(20, () => `1985-0${1 + rnd(9)}-1${rnd(9)}`)).element).toBeNull();
  });
});

describe('classifyColumns', () => {
  it('classifies a mixed table, including geo and free text', () => {
    const columns = ['id', 'Prénom', 'courriel', 'pays', 'state', 'notes', 'order_no', 'api_key'];
    const rows = Array.from({ length: 30 }, (_, i) => [
      String(i),
      'Élodie',
      `e${i}@exemple.fr`,
      'France',
      'CA',
      'called twice, asked about the refund policy again',
      digits(9),
      `sk_live_${'a1B2c3D4e5'.repeat(2)}`,
    ]);
    const c = classifyColumns('customers', columns, rows);
    expect(c.map((x) => x.element)).toEqual([null, 'person_name', 'email', null, null, null, null, null]);
    expect(c[3].geo).toBe('country');
    expect(c[4].geo).toBe('region');
    expect(c[5].freeText).toBe(true);
    expect(c[7].secret).toBe('stripe_key');
    for (const x of c) expect(x.confidence).toBeGreaterThanOrEqual(0);
  });
  it('treats columns of very long cells as free text without validating them as identifiers', () => {
    const rows = Array.from({ length: 20 }, () => [`${'word '.repeat(400)}jane@example.com`]);
    expect(classifyColumns('t', ['blob'], rows)[0]).toMatchObject({ element: null, freeText: true });
  });
  it('does not read the name column of a products or companies table as a person name', () => {
    const rows = [['Widget'], ['Gadget']];
    expect(classifyColumns('products', ['name'], rows)[0].element).toBeNull();
    expect(classifyColumns('acme_companies.csv', ['name'], rows)[0].element).toBeNull();
    expect(classifyColumns('customers', ['name'], rows)[0].element).toBe('person_name');
  });
  it('does not take titles or language codes for countries or states', () => {
    const c = classifyColumns('t', ['c1', 'c2'], Array.from({ length: 10 }, (_, i) => [i % 2 ? 'Mr' : 'Ms', i % 2 ? 'de' : 'in']));
    expect(c.map((x) => x.geo)).toEqual([undefined, undefined]);
  });
  it('finds free text and countries by values when headers say nothing', () => {
    const rows = Array.from({ length: 10 }, () => ['Deutschland', 'The customer wrote that the parcel arrived damaged and wants a refund']);
    const c = classifyColumns('t', ['c1', 'c2'], rows);
    expect(c[0].geo).toBe('country');
    expect(c[1].freeText).toBe(true);
  });
});

describe('classifyColumns on a FakeNameGenerator-style export', () => {
  it('classifies its personal columns and leaves the rest alone', () => {
    const columns = ['Number', 'Gender', 'Title', 'GivenName', 'Surname', 'StreetAddress', 'City', 'State', 'ZipCode', 'Country', 'EmailAddress', 'Username', 'Password', 'TelephoneNumber', 'MothersMaiden', 'Birthday', 'CCType', 'CCNumber', 'CVV2', 'CCExpires', 'NationalID', 'UPS', 'Color', 'Occupation', 'Company', 'BloodType', 'Latitude', 'Longitude'];
    const rows = Array.from({ length: 40 }, (_, i) => [
      String(i + 1),
      i % 2 ? 'female' : 'male',
      i % 2 ? 'Ms.' : 'Mr.',
      'Kari',
      'Nordmann',
      `${1 + rnd(9000)} Elm Street`,
      'Springfield',
      'IL',
      `${60000 + rnd(2999)}`,
      'US',
      `kari${i}@example.com`,
      `kari${i}`,
      `pw${digits(6)}x`,
      `217-${200 + rnd(700)}-${1000 + rnd(8999)}`,
      'Smith',
      `${1 + rnd(12)}/${1 + rnd(28)}/19${50 + rnd(49)}`,
      'Visa',
      withLuhn(`4${digits(14)}`),
      String(100 + rnd(899)),
      `${1 + rnd(12)}/2027`,
      `${100 + rnd(500)}-${10 + rnd(89)}-${1000 + rnd(8999)}`,
      `1Z ${digits(3)} ${digits(3)} ${digits(2)} ${digits(4)} ${digits(3)} ${digits(1)}`,
      'Blue',
      'Teacher',
      'Acme',
      'A+',
      `4${rnd(9)}.${digits(6)}`,
      `-8${rnd(9)}.${digits(6)}`,
    ]);
    const got = Object.fromEntries(classifyColumns('fng', columns, rows).map((c) => [c.column, c.element ?? c.geo ?? null]));
    expect(got).toEqual({
      Number: null,
      Gender: null,
      Title: null,
      GivenName: 'person_name',
      Surname: 'person_name',
      StreetAddress: 'postal_address',
      City: 'city',
      State: 'region',
      ZipCode: 'postal_code',
      Country: 'country',
      EmailAddress: 'email',
      Username: 'username',
      Password: 'password',
      TelephoneNumber: 'phone',
      MothersMaiden: 'security_question',
      Birthday: 'date_of_birth',
      CCType: null,
      CCNumber: 'payment_card',
      CVV2: 'card_security_code',
      CCExpires: null,
      NationalID: 'us_ssn',
      UPS: null,
      Color: null,
      Occupation: null,
      Company: null,
      BloodType: 'health',
      Latitude: 'geolocation',
      Longitude: 'geolocation',
    });
  });
});

describe('ID columns with some invalid values (issue 14 §4)', () => {
  it('keeps a headed ID column with 30 % invalid numbers, and reports that share', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i % 10 < 7 ? withLuhn(`04645${digits(3)}`) : `04645${digits(3)}${(Number(withLuhn(`04645${digits(3)}`).slice(-1)) + 1) % 10}`));
    const valid = values.filter((v) => luhn(v)).length;
    const c = classifyColumn('sin', values);
    expect(c).toMatchObject({ element: 'national_id', kind: 'ca_sin' });
    expect(c.invalidShare).toBeCloseTo(1 - valid / values.length, 2);
  });
  it('classifies an unlabelled column of formatted CPFs by value when most, not all, are valid', () => {
    const cpf = (nine: string) => {
      const dv = (d: string, w: number) => {
        const s = [...d].reduce((a, x, i) => a + Number(x) * (w - i), 0) % 11;
        return s < 2 ? 0 : 11 - s;
      };
      const a = dv(nine, 10);
      const b = dv(nine + a, 11);
      return `${nine.slice(0, 3)}.${nine.slice(3, 6)}.${nine.slice(6)}-${a}${b}`;
    };
    const values = Array.from({ length: 20 }, (_, i) => {
      const v = cpf(`3${digits(8)}`);
      return i % 10 < 6 ? v : `${v.slice(0, -1)}${(Number(v.slice(-1)) + 1) % 10}`;
    });
    const c = classifyColumn('col7', values);
    expect(c).toMatchObject({ element: 'national_id', kind: 'br_cpf' });
    expect(c.invalidShare).toBeGreaterThan(0.3);
  });
});

describe('classifyColumns: names by values alone, when the header says nothing', () => {
  const col = (values: string[], header = 'column_2') => classifyColumns('t', [header], values.map((v) => [v]))[0];
  const names = ['James Smith', 'Mary Johnson', 'Robert Brown', 'Patricia Davis', 'Jennifer Lopez', 'Michael Wilson', 'Linda Thomas', 'David Miller'];
  it('a column of full names without a header is person_name', () => {
    expect(col(names)).toMatchObject({ element: 'person_name' });
    expect(col(names, 'col7')).toMatchObject({ element: 'person_name' });
  });
  it.each([
    ['cities', ['New York', 'San Francisco', 'Los Angeles', 'Las Vegas', 'San Diego', 'Salt Lake City', 'New Orleans', 'Kansas City']],
    ['companies', ['Acme Corp', 'Globex Inc', 'Initech LLC', 'Umbrella Corporation', 'Stark Industries', 'Wayne Enterprises', 'Hooli Inc', 'Vandelay Industries']],
    ['streets', ['Oak Street', 'Maple Avenue', 'Cedar Lane', 'Pine Road', 'Elm Drive', 'Main Street', 'Park Avenue', 'Church Road']],
    ['job titles', ['Sales Manager', 'Software Engineer', 'Account Executive', 'Data Analyst', 'Office Manager', 'Head Nurse', 'Chief Executive', 'Line Cook']],
    ['single given names', ['James', 'Mary', 'Robert', 'Patricia', 'Jennifer', 'Michael', 'Linda', 'David']],
  ])('a column of %s is not', (_what, values) => {
    expect(col(values).element).toBeNull();
  });
  it('too few values, or a header that says the column is something else, decide nothing by names', () => {
    expect(col(names.slice(0, 3)).element).toBeNull();
    expect(col(names, 'product').element).not.toBe('person_name');
  });
});
