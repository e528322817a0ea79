import { describe, expect, it } from 'vitest';
import type { ValueFinding } from '../types.js';
import { cardBrand, iban, paymentCard, usRoutingNumber, validAba } from './financial.js';

describe('payment cards', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['3530111333300000', 'jcb'],
    ['30569309025904', 'diners'],
    ['6304000000000000', 'maestro'],
  ])('%s is %s', (n, brand) => expect(cardBrand(n)).toBe(brand));
  it('requires Luhn and an issuer length', () => {
    expect(cardBrand('4111111111111112')).toBeNull();
    expect(cardBrand('37828224631000')).toBeNull(); // Amex is 15 digits
    expect(cardBrand('9999999999999995')).toBeNull(); // no issuer
  });
  it('normalises separators away and reports the brand as kind', () => {
    expect(paymentCard.validate('4111-1111-1111-1111')).toEqual({ element: 'payment_card', value: '4111111111111111', kind: 'visa' });
  });
  it.each([
    ['4222222222222', 'visa'], // 13 digits: odd length through the pairwise Luhn
    ['6011000990139424', 'discover'],
    ['180000000000002', 'jcb'],
    ['5018000000000009', 'maestro'],
    ['\uff14111111111111111', null], // a full-width digit is no digit
    ['4111111111111111 ', null], // cardBrand takes digits only
    ['1111111111111111', null],
  ])('cardBrand(%j) is %s', (n, brand) => expect(cardBrand(n)).toBe(brand));
  // Dots group a card too (outside review 4); a single dot makes a decimal number.
  it.each([' 4111 1111 1111 1111 ', '4111  1111 1111 1111', '\u00a04111111111111111', '4111.1111.1111.1111', '4111\u00a01111\u00a01111\u00a01111', '4111\u202f1111\u202f1111\u202f1111'])('accepts %j (trimmed, any run of spaces/dashes, dots, no-break spaces)', (v) =>
    expect(paymentCard.validate(v)).toEqual({ element: 'payment_card', value: '4111111111111111', kind: 'visa' }),
  );
  it.each(['4111111111111.111', '.4111.1111.1111.1111', '4111-1111-1111-1111-', '4111\u00a0', '4111111111111111111111111'])('rejects %j', (v) =>
    expect(paymentCard.validate(v)).toBeNull(),
  );
});

describe('IBAN', () => {
  it('takes the country from the IBAN and normalises case and spaces', () => {
    expect(iban.validate('gb82 west 1234 5698 7654 32')).toEqual({ element: 'iban', value: 'GB82WEST12345698765432', country: 'GB' });
  });
  it('checks the per-country BBAN format, not only mod-97', () => {
    expect(iban.validate('DE89370400440532013000')).not.toBeNull();
    expect(iban.validate('DE8937040044053201300')).toBeNull();
  });
});

describe('ABA routing number', () => {
  it('applies the 3-7-1 checksum and Federal Reserve prefixes', () => {
    expect(validAba('021000021')).toBe(true);
    expect(validAba('021000022')).toBe(false);
    expect(validAba('131000021')).toBe(false); // prefix 13 is not a Federal Reserve district
    expect((usRoutingNumber.validate('011000015') as ValueFinding | null)?.country).toBe('US');
  });
});
