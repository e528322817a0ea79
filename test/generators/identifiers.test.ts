import { isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { stdnum } from 'stdnum';
import { describe, expect, it } from 'vitest';
import * as id from './identifiers.js';
import { createRng } from './prng.js';

/** The generator's values must pass independent validators (not our detectors). */
describe('synthetic identifiers', () => {
  const rng = createRng(7);
  it('passes the reference checksums', () => {
    for (let i = 0; i < 300; i++) {
      expect(stdnum.US.ssn.validate(id.ssn(rng)).isValid).toBe(true);
      expect(isValidIBAN(id.iban(rng, rng.pick(['DE', 'GB', 'NL'] as const)))).toBe(true);
      expect(stdnum.GB.nino.validate(id.ukNino(rng)).isValid).toBe(true);
      expect(stdnum.DE.idnr.validate(id.deTaxId(rng)).isValid).toBe(true);
      const card = id.paymentCard(rng).replace(/\s/g, '');
      expect(id.luhnDigit(card.slice(0, -1))).toBe(card.slice(-1));
      expect(parsePhoneNumberFromString(id.usPhone(rng, '415'))?.isValid()).toBe(true);
      expect(parsePhoneNumberFromString(id.dePhone(rng))?.isValid()).toBe(true);
      expect(parsePhoneNumberFromString(id.gbPhone(rng))?.isValid()).toBe(true);
    }
  });
  it('is deterministic per seed', () => {
    expect(id.ssn(createRng(1))).toBe(id.ssn(createRng(1)));
    expect(id.ssn(createRng(1))).not.toBe(id.ssn(createRng(2)));
  });
});
