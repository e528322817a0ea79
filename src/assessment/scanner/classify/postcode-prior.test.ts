import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordHints } from '../engine/jurisdiction.js';
import { scan } from '../engine/scan.js';
import { validatePhone } from '../detectors/contact.js';
import { classifyColumns } from './columns.js';
import { zipToState } from './geo.js';
import { POSTCODE_ABROAD } from '../types.js';

const rows = (text: string) => text.trim().split('\n').map((l) => l.split(','));

// A French customers export with English headers: ZIP3 750 is Texas and 690 Nebraska in USPS's
// table, so before, Paris 75001 and Lyon 69002 counted as Texas and Nebraska residents.
const FRENCH = `name,email,phone,zip,city
Camille Durand,camille.durand@gmail.com,,75001,Paris
Lucas Martin,lucas.martin@orange.fr,,69002,Lyon
Chloé Bernard,chloe.bernard@free.fr,01 42 60 30 30,75008,Paris
Hugo Petit,hugo.petit@gmail.com,06 12 34 56 78,13001,Marseille
Léa Moreau,lea.moreau@laposte.net,06 98 76 54 32,31000,Toulouse`;
// A US export without a state column: a few foreign e-mail domains must not make its ZIPs foreign.
const US_NO_STATE = `name,email,zip
John Smith,john.smith@gmail.com,94105
Mary Jones,mary@yahoo.co.uk,10001
Ann Lee,ann.lee@web.de,60601
Bob Ray,bob@outlook.com,75001
Sue Kay,sue@aol.com,98109`;
const US_PHONES = `name,email,phone,zip
John Smith,john.smith@gmail.com,(415) 555-2671,94105
Mary Jones,mary@yahoo.com,212-555-0198,10001
Ann Lee,ann.lee@web.de,,60601
Bob Ray,bob@outlook.com,,75001`;

function zipClass(text: string) {
  const [header, ...sample] = rows(text);
  return classifyColumns('customers', header, sample).find((c) => c.column === 'zip');
}

describe('postcode prior: whose five-digit postcodes a bare zip column holds', () => {
  it('NANP numbers whose area code is unassigned do not make US ZIPs foreign (phone23)', () => {
    // `(275) 748-1542`: the US plan rejects it and DE or GB accepted it, so every such row voted "abroad".
    const phones: string[] = [];
    for (let a = 200; a < 1000 && phones.length < 12; a++) {
      const v = `(${a}) 748-1542`;
      if (a % 100 !== 11 && !validatePhone(v)?.value.startsWith('+1')) phones.push(v);
    }
    expect(phones.length).toBe(12);
    const text = ['name,phone,zip', ...phones.map((p, i) => `Jo Doe${i},${p},${94105 + i}`)].join('\n');
    const [phone] = classifyColumns('customers', ['phone'], phones.map((p) => [p]));
    expect(phone.kind).toBe('nanp');
    expect(zipClass(text)?.kind).toBeUndefined();
  });

  it('marks the column abroad when the sample points abroad, and only then', () => {
    expect(zipClass(FRENCH)?.kind).toBe(POSTCODE_ABROAD);
    expect(zipClass(US_NO_STATE)?.kind).toBeUndefined();
    expect(zipClass(US_PHONES)?.kind).toBeUndefined();
    // A state or country column decides per record: the prior stays out of it.
    const withState = FRENCH.replace('zip,city', 'zip,state').replace(/Paris|Lyon|Marseille|Toulouse/g, 'TX');
    expect(zipClass(withState)?.kind).toBeUndefined();
    // E-mails alone need most of the sample: 3 of 5 under .fr is enough, 2 of 5 is not.
    const generic = US_NO_STATE.replace('yahoo.co.uk', 'yahoo.com').replace('web.de', 'gmail.com');
    const mails = (n: number) => generic.split('\n').map((l, i) => (i >= 1 && i <= n ? l.replace(/@[^,]+/, '@orange.fr') : l)).join('\n');
    expect(zipClass(mails(2))?.kind).toBeUndefined();
    expect(zipClass(mails(3))?.kind).toBe(POSTCODE_ABROAD);
  });

  it('reads an abroad column as a US ZIP only for a record with a US value of its own', () => {
    const geo = { postalCode: '75001', postalCountry: POSTCODE_ABROAD };
    expect(recordHints({ elements: [], geo }, zipToState)).toEqual([]);
    expect(recordHints({ elements: [{ element: 'phone', value: '+12125550198', country: 'US' }], geo }, zipToState)).toEqual(['US-TX', 'US']);
    expect(recordHints({ elements: [{ element: 'us_ssn', value: '123456780' }], geo }, zipToState)).toEqual(['US-TX', 'US']);
    // Without the prior the same postcode is still a US ZIP (US exports without a state column).
    expect(recordHints({ elements: [], geo: { postalCode: '75001' } }, zipToState)).toEqual(['US-TX']);
  });

  describe('whole scans', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-postcode-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const jurisdictions = async (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, `${text}\n`);
      const r = await scan({ paths: [file], key: randomBytes(32), tmpDir: dir });
      return r.report.jurisdictions;
    };

    it('puts no French customer in Texas or Nebraska, and keeps a US export in its states', async () => {
      const fr = await jurisdictions('fr.csv', FRENCH);
      expect(Object.keys(fr).filter((k) => k.startsWith('US'))).toEqual([]);
      expect(fr.unknown).toBe(5);
      const us = await jurisdictions('us.csv', US_NO_STATE);
      expect(us).toMatchObject({ 'US-CA': 1, 'US-NY': 1, 'US-IL': 1, 'US-TX': 1, 'US-WA': 1 });
    });

    it('counts Canadians in their province (Quebec’s Law 25 and Alberta’s PIPA attach to it), once', async () => {
      // Province cells, postcodes alone, and a country cell with a postcode. Before, all were 'CA'.
      const byCell = await jurisdictions('ca.csv', 'name,email,province,postal_code\nMarie Tremblay,marie.t@videotron.ca,QC,H3B 1K9\nJean Gagnon,jean.g@gmail.com,Quebec,G1R 4P5\nEmily Smith,emily@shaw.ca,AB,T2P 2M5\nLiam Brown,liam@rogers.com,ON,M5V 3L9');
      expect(byCell).toMatchObject({ 'CA-QC': 2, 'CA-AB': 1, 'CA-ON': 1 });
      expect(byCell.CA).toBeUndefined();
      const byPostcode = await jurisdictions('ca2.csv', 'name,email,postal_code,country\nMarie Tremblay,marie.t@videotron.ca,H3B 1K9,Canada\nEmily Smith,emily@shaw.ca,T2P 2M5,Canada\nAnn Roy,ann@northwestel.net,X1A 2L9,CA');
      expect(byPostcode).toMatchObject({ 'CA-QC': 1, 'CA-AB': 1, CA: 1 });
      // One person in a Quebec row and in a row that only says Canada (a +1 514 phone) counts in CA-QC only.
      const linked = await jurisdictions('ca3.csv', 'name,email,phone,postal_code\nMarie Tremblay,marie.t@videotron.ca,,H3B 1K9\nMarie Tremblay,marie.t@videotron.ca,+1 514 555 0143,');
      expect(linked).toMatchObject({ 'CA-QC': 1 });
      expect(linked.CA).toBeUndefined();
    });
  });
});
