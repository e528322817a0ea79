import { describe, expect, it } from 'vitest';
import type { ColumnClass } from '../types.js';
import { classifyColumns } from './columns.js';
import { detectRecord } from './record.js';

const cls = (c: Partial<ColumnClass> & { column: string }): ColumnClass => ({ element: null, confidence: 0.9, ...c });

describe('detectRecord', () => {
  const classes = [
    cls({ column: 'name', element: 'person_name' }),
    cls({ column: 'email', element: 'email' }),
    cls({ column: 'ssn', element: 'us_ssn' }),
    cls({ column: 'nino', element: 'national_id', kind: 'uk_nino' }),
    cls({ column: 'country', geo: 'country' }),
    cls({ column: 'state', geo: 'region' }),
    cls({ column: 'zip', geo: 'postal_code' }),
    cls({ column: 'notes', freeText: true }),
    cls({ column: 'token', secret: 'generic_secret' }),
    cls({ column: 'religion', element: 'special_category', kind: 'religion' }),
  ];

  it('validates each classified column with its own detector and normalises geo', () => {
    const r = detectRecord(classes, ['Jane Doe', 'Jane@Example.com', '536-90-4399', 'AB123456C', 'Vereinigte Staaten', 'California', '94105', 'card 4111 1111 1111 1111 on file', 'ghp_Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7', 'Catholic']);
    expect(r.elements).toEqual([
      { element: 'person_name', value: 'Jane Doe' },
      { element: 'email', value: 'jane@example.com' },
      { element: 'us_ssn', value: '536904399', country: 'US' },
      { element: 'national_id', value: 'AB123456C', kind: 'uk_nino', country: 'GB' },
      { element: 'payment_card', value: '4111111111111111', kind: 'visa' },
      { element: 'special_category', value: 'Catholic', kind: 'religion' },
    ]);
    expect(r.secrets).toEqual([{ type: 'github_token', value: 'ghp_Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7', family: 'vcs_token', provider: 'github', kind: 'classic_pat' }]);
    expect(r.geo).toEqual({ country: 'US', region: 'US-CA', postalCode: '94105' });
  });

  it('skips placeholders and invalid values', () => {
    const r = detectRecord(classes, ['N/A', 'not-an-email', '000-12-3456', 'AB123456E', null, '-', '', 'null', 'changeme', 'none']);
    expect(r.elements).toEqual([]);
    expect(r.secrets).toEqual([]);
    expect(r.geo).toEqual({});
  });

  it('reads Canadian provinces when the country says CA and keeps other regions out', () => {
    expect(detectRecord(classes.slice(4, 6), ['Canada', 'ON']).geo).toEqual({ country: 'CA', region: 'CA-ON' });
    expect(detectRecord(classes.slice(4, 6), ['Deutschland', 'Bayern']).geo).toEqual({ country: 'DE' });
  });

  it('reads only classified columns, in column order, and stops at a short row', () => {
    const sparse = [cls({ column: 'id' }), cls({ column: 'ssn', element: 'us_ssn' }), cls({ column: 'sku' }), cls({ column: 'name', element: 'person_name' }), cls({ column: 'zip', geo: 'postal_code' })];
    expect(detectRecord(sparse, ['536-90-4399', '536-90-4399', 'x', 'Jane Doe', ' 94105 '])).toEqual({
      elements: [
        { element: 'us_ssn', value: '536904399', country: 'US' },
        { element: 'person_name', value: 'Jane Doe' },
      ],
      secrets: [],
      geo: { postalCode: '94105' },
    });
    expect(detectRecord(sparse, ['1', '536-90-4399']).elements).toEqual([{ element: 'us_ssn', value: '536904399', country: 'US' }]);
    expect(detectRecord(sparse, []).elements).toEqual([]);
  });

  it('uses each table its own plan when tables alternate', () => {
    const a = [cls({ column: 'ssn', element: 'us_ssn' })];
    const b = [cls({ column: 'name', element: 'person_name' })];
    for (let i = 0; i < 2; i++) {
      expect(detectRecord(a, ['536-90-4399']).elements).toEqual([{ element: 'us_ssn', value: '536904399', country: 'US' }]);
      expect(detectRecord(b, ['536-90-4399']).elements).toEqual([{ element: 'person_name', value: '536-90-4399' }]);
    }
  });

  it('keeps rows of a table with a region column apart (no region leaks into the next row)', () => {
    const geo = classes.slice(4, 6);
    expect(detectRecord(geo, ['United States', 'CA']).geo).toEqual({ country: 'US', region: 'US-CA' });
    expect(detectRecord(geo, ['United States', null]).geo).toEqual({ country: 'US' });
  });

  it('counts unverifiable (Excel-mangled) values as present', () => {
    const r = detectRecord([cls({ column: 'cc', element: 'payment_card', kind: 'unverifiable' })], ['5.54563E+15']);
    expect(r.elements).toEqual([{ element: 'payment_card', value: '5.54563E+15', kind: 'unverifiable' }]);
  });
});

describe('classifyColumns + detectRecord on a German export', () => {
  const idnr = (ten: string) => {
    let p = 10;
    for (const ch of ten) {
      let s = (Number(ch) + p) % 10;
      if (s === 0) s = 10;
      p = (s * 2) % 11;
    }
    return ten + String((11 - p) % 10);
  };
  const columns = ['Vorname', 'Nachname', 'E-Mail', 'Telefon', 'Geburtsdatum', 'Straße', 'PLZ', 'Ort', 'Land', 'IBAN', 'Steuer-ID', 'Religion', 'Bestellnummer', 'Bemerkung'];
  const rows = Array.from({ length: 30 }, (_, i) => [
    'Jörg',
    'Müller',
    `joerg${i}@beispiel.de`,
    `+49 30 9018${String(i).padStart(2, '0')}0`,
    `${String(1 + (i % 28)).padStart(2, '0')}.04.1971`,
    `Hauptstraße ${i + 1}`,
    '10115',
    'Berlin',
    'Deutschland',
    'DE89 3704 0044 0532 0130 00',
    idnr(`${1 + (i % 8)}123456789`), // the first digit occurs twice, as § 139b AO numbers do
    'evangelisch',
    String(536904399 + i),
    i === 0 ? 'Kunde rief an, neue Nummer +49 171 1234567' : 'keine',
  ]);

  it('finds every personal column and the country, and not the order number', () => {
    const classes = classifyColumns('kunden', columns, rows);
    const r = detectRecord(classes, rows[0]);
    const els = r.elements.map((e) => `${e.element}${e.kind ? `:${e.kind}` : ''}`);
    // Vorname + Nachname are one name, Straße + PLZ one address (issue 20 §7: distinct counts).
    expect(els).toEqual([
      'email',
      'phone',
      'date_of_birth',
      'iban',
      'national_id:de_tax_id',
      'special_category:religion',
      'phone',
      'person_name',
      'postal_address',
    ]);
    expect(r.elements.find((e) => e.element === 'person_name')?.value).toBe('Jörg Müller');
    expect(r.elements.find((e) => e.element === 'postal_address')?.value).toBe('Hauptstraße 1, 10115');
    expect(r.geo).toEqual({ country: 'DE', postalCode: '10115', postalCountry: 'DE' });
    expect(classes[12].element).toBeNull();
  });
});

describe('detectRecord: a Google service-account key file', () => {
  it('is one cloud credential named by its client_email, not a bare private key', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEmo3qGy0t6z09AIJtH+5OeRV1be+N4cDYJKffGzDa88vQENZiRm0GRq6a+HPGQMd2kTQ==\n-----END PRIVATE KEY-----\n';
    const columns = ['type', 'project_id', 'private_key_id', 'private_key', 'client_email'];
    const row = ['service_account', 'acme-prod', 'ab12'.repeat(10), key, 'etl@acme-prod.iam.gserviceaccount.com'];
    const r = detectRecord(classifyColumns('key', columns, [row]), row);
    expect(r.secrets).toEqual([expect.objectContaining({ type: 'cloud_credential', provider: 'gcp', kind: 'service_account_key', identity: 'etl@acme-prod.iam.gserviceaccount.com' })]);
  });
});

describe('detectRecord: a column read for e-mail addresses and credentials only (residual strong)', () => {
  it('finds a percent-encoded address in a URL cell (`%40`), as the free-text path does', () => {
    const classes = [cls({ column: 'url', residual: 'strong' })];
    const r = detectRecord(classes, ['https://shop.example/cb?email=Jane.Roe%40example.org&x=1']);
    expect(r.elements).toEqual([{ element: 'email', value: 'jane.roe@example.org' }]);
  });
});

describe('detectRecord: an e-mail column whose cell is not one bare address', () => {
  it('reads the addresses of `Name <address>` and of a list in one cell', () => {
    const classes = [cls({ column: 'email', element: 'email' })];
    expect(detectRecord(classes, ['Jane Roe <Jane.Roe@example.org>']).elements).toEqual([{ element: 'email', value: 'jane.roe@example.org' }]);
    expect(detectRecord(classes, ['john.poe@gmail.com; jp@work.com']).elements.map((e) => e.value)).toEqual(['john.poe@gmail.com', 'jp@work.com']);
    expect(detectRecord(classes, ['not an address']).elements).toEqual([]);
  });
});
