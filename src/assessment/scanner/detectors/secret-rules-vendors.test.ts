/**
 * Vendor prefixes added after issue 14 (gitleaks' rules for 1Password, age, Doppler, Databricks…):
 * their gitleaks samples are in secret-corpus.test.ts; here what those samples do not show.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from './text-scan.js';

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.toUpperCase();
const named = (t: string) => scanText(t, { people: false }).secrets.filter((f) => !f.suspect && f.type !== 'generic_secret');

describe('vendor secret rules beyond issue 14', () => {
  it('finds an age identity (bech32 body), but not a fill of one letter', () => {
    let body = '';
    for (let i = 0; i < 58; i++) body += BECH32[(i * 7 + 3) % 32];
    expect(named(`# created: 2026-12-01\nAGE-SECRET-KEY-1${body}\n`)).toMatchObject([{ family: 'private_key', provider: 'age' }]);
    expect(named(`AGE-SECRET-KEY-1${'Q'.repeat(58)}`)).toEqual([]);
    // `B`, `I`, `O` are not bech32 characters: no age key.
    expect(named(`AGE-SECRET-KEY-1${'B'.repeat(4)}${body.slice(4)}`)).toEqual([]);
  });

  it('reads a service-account token longer than a key = value pair’s 200 characters whole', () => {
    const tok = `ops_eyJ${'c2lnbkluQWRkcmVzcyI6Im15LjFwYXNzd29yZC5jb20iLCJ1c2VyQXV0aCI6'.repeat(6)}`;
    const [f] = named(`OP_SERVICE_ACCOUNT_TOKEN=${tok}\nNEXT=1`);
    expect(f).toMatchObject({ provider: '1password', kind: 'service_account_token' });
    expect(f.value).toBe(tok);
  });

  it('takes a prefix only at a token start and only with the token’s own end', () => {
    // A favicon URL with a hash (gitleaks' Infracost false positive) and a longer run are no tokens.
    expect(named('http://assets.example/video_box.ico-7a388b69018576d24b59331fd60aab0c.png')).toEqual([]);
    expect(named('xdapi0123456789abcdef0123456789abcdef')).toEqual([]);
    expect(named('token: dapif3a9c1e72b0d4a6e8c5b7d9e1f2a3b4c')).toMatchObject([{ provider: 'databricks' }]);
    expect(named('key = 4b1dXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX')).toEqual([]);
  });
});
