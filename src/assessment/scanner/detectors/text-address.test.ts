import { describe, expect, it } from 'vitest';
import { PREFILTER_WORDS, scanText } from './text-scan.js';
import { ADDRESS_CUES, CORNER_WORDS, MILITARY_WORDS, STREET_AFTER, STREET_BEFORE, STREET_MID, STREET_SUFFIX, UNIT_WORDS } from './text-address.js';

const addr = (t: string) => scanText(t).elements.filter((f) => f.element === 'postal_address').map((f) => f.value);

// Invented addresses in the shapes of each country's postal format (UPU S42 templates).
describe('street addresses in free text (issue 14 §5)', () => {
  it('every cue word reaches the detector through the keyword prefilter', () => {
    for (const w of [...STREET_AFTER, ...STREET_BEFORE, ...STREET_SUFFIX, ...STREET_MID, ...UNIT_WORDS, ...ADDRESS_CUES, ...MILITARY_WORDS, ...CORNER_WORDS]) expect(PREFILTER_WORDS).toContain(w);
  });
  it('house number before the street and a type word after (EN), with the building number in front', () => {
    expect(addr('The restaurant is at 17151 2450 Crown St')).toEqual(['17151 2450 Crown St']);
    expect(addr('send it to 12 Karaiskaki Sq please')).toEqual(['12 Karaiskaki Sq']);
  });
  it('type word first, number after (FR, ES, IT, PT, PL) and the number-first French order', () => {
    expect(addr('Elle habite Rue de la Paix 12, Lyon')).toEqual(['Rue de la Paix 12, Lyon']);
    expect(addr('Ul. Chrzanowska 61 to moja ulica')).toEqual(['Ul. Chrzanowska 61']);
    expect(addr('il habite au 26 rue des Lilas, Nantes')).toEqual(['26 rue des Lilas, Nantes']);
  });
  it('compound street names (DE, NL, Nordic) and separate type words (HU, NO, EE)', () => {
    expect(addr('Wohnt in der Augsburger Strasse 36 seit Mai')).toEqual(['Augsburger Strasse 36']);
    expect(addr('Kontor: Snellmaninkatu 55')).toEqual(['Snellmaninkatu 55']);
    expect(addr('Az iroda a Király u. 15. alatt van')).toEqual(['Király u. 15.']);
    expect(addr('Vi bor i Trenerys gate 232 nå')).toEqual(['Trenerys gate 232']);
  });
  it('after an address cue, any street name with a house number (several languages)', () => {
    expect(addr('his address: 87331 Dunajska 56, Studenec')).toEqual(['87331 Dunajska 56, Studenec']);
    expect(addr('Adresse: 12 Kaevu 94')).toEqual(['12 Kaevu 94']);
    expect(addr('The address of Peerj is 9721 Dalmatinova 43 Apt. 678')).toEqual(['9721 Dalmatinova 43 Apt. 678']);
    expect(addr('my IP address is 10.0.0.1')).toEqual([]);
  });
  it('one finding for a multi-line block: street, unit, locality, region, postcode', () => {
    expect(addr('Ann Example\n\n20789 Allika 46\n Suite 501\n Riisa\n\n Estonia 62488\nMobile: 555 0100')).toEqual(['20789 Allika 46 Suite 501 Riisa Estonia 62488']);
    expect(addr('> Bo\n> 3369 24 Clarke Avenue\n> Apt. 805\n> Pines Beach\n> New Zealand 34694')).toEqual(['3369 24 Clarke Avenue Apt. 805 Pines Beach New Zealand 34694']);
    expect(addr('billing address with 4241 Steinfelden 73\nSAVONLINNA\n, SV\n 77233 for this card')).toEqual(['4241 Steinfelden 73 SAVONLINNA , SV 77233']);
    expect(addr('Mrs. Ann Example Suite 541 6343 Skogstien 106\nASKER NO 1386')).toEqual(['Suite 541 6343 Skogstien 106 ASKER NO 1386']);
  });
  it('US military mail: a ship or PSC box line, then APO/FPO/DPO AA|AE|AP and the ZIP (USPS Pub. 28 §225)', () => {
    expect(addr('it is USNS Example\nFPO AA 85844')).toEqual(['USNS Example FPO AA 85844']);
    expect(addr('PSC 5420, Box 2708\nAPO AA 33879')).toEqual(['PSC 5420, Box 2708 APO AA 33879']);
    expect(addr('our DPO AA 12345 reference')).toEqual([]);
  });
  it('a street corner: two streets joined by "and"', () => {
    expect(addr('Stop at the corner of Nieuwe Baan 473 St. and Inna Loop St. please')).toEqual(['Nieuwe Baan 473 St. and Inna Loop St']);
    expect(addr('meet me at the corner of 5th Ave and 42nd Street.')).toEqual(['5th Ave and 42nd Street']);
    expect(addr('in the corner of the room and the hall')).toEqual([]);
  });
  it('leaves numbers and words that only look like parts of an address alone', () => {
    expect(addr('They had 6: Anna, Mary and Bob.')).toEqual([]);
    expect(addr('2024-05-01T10:00:00Z INFO GET /api/orders status=200 dur=12ms')).toEqual([]);
    expect(addr('top 20 songs for Entertainment Weekly')).toEqual([]);
  });
});
