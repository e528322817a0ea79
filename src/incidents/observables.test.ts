import { describe, expect, it } from 'vitest';
import { isPersonalKind, maskObservable, normaliseObservable } from './observables.js';

describe('observables', () => {
  it('normalises so spellings of the same value de-duplicate', () => {
    expect(normaliseObservable('email', ' Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normaliseObservable('domain', 'Evil.Example.')).toBe('evil.example');
    expect(normaliseObservable('ip', '[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normaliseObservable('hash', 'D41D8CD98F00B204E9800998ECF8427E')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(normaliseObservable('url', 'HTTPS://Evil.example/a')).toBe('https://evil.example/a');
  });

  it('rejects values that are not of their kind, naming the field', () => {
    expect(() => normaliseObservable('ip', '300.1.1.1')).toThrow(/^value: /);
    expect(() => normaliseObservable('hash', 'abc')).toThrow(/MD5/);
    expect(() => normaliseObservable('email', 'nobody')).toThrow(/e-mail/);
    expect(() => normaliseObservable('domain', 'a b')).toThrow(/domain/);
  });

  it('treats e-mail and account as personal data and masks them', () => {
    expect(isPersonalKind('email')).toBe(true);
    expect(isPersonalKind('ip')).toBe(false);
    expect(maskObservable('email', 'jane.doe@example.com')).toBe('j***@example.com');
    expect(maskObservable('account', 'jdoe')).toBe('j***e');
    expect(maskObservable('domain', 'evil.example')).toBe('evil.example');
  });
});
