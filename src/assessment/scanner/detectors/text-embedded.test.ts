import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElementId } from '../types.js';
import { scanText } from './text-scan.js';

const found = (text: string, element: ElementId) => scanText(text).elements.filter((e) => e.element === element).map((e) => e.value);

describe('percent-encoded e-mail addresses in URLs', () => {
  it('finds the address in a web-server log request, decoded', () => {
    const line = '203.0.113.9 - - [12/Mar/2024:10:00:00 +0000] "GET /reset?email=jane.doe%40example.com HTTP/1.1" 200 512 "-" "curl/8.0"';
    expect(found(line, 'email')).toEqual(['jane.doe@example.com']);
  });

  it('decodes %2B / %2b in the local part and %2E / %2e dots, with the same value as the plain form', () => {
    expect(found('GET /reset?email=jane.doe%2Btag%40example%2Ecom&next=1 HTTP/1.1', 'email')).toEqual(['jane.doe+tag@example.com']);
    expect(found('GET /reset?email=Jane.Doe%2btag%40Example%2ecom HTTP/1.1', 'email')).toEqual(found('mail Jane.Doe+tag@Example.com', 'email'));
    expect(found('GET /u?to=jane+tag%40example.com', 'email')).toEqual(['jane+tag@example.com']);
  });

  it('finds an address inside an encoded URL, without the parameter name', () => {
    expect(found('GET /r?next=http%3A%2F%2Fshop.example%2F%3Femail%3Djane%40example.com HTTP/1.1', 'email')).toEqual(['jane@example.com']);
  });

  it('ignores escapes that are not UTF-8 and %40 without an address', () => {
    expect(found('GET /r?e=%FF%40example.com', 'email')).toEqual([]);
    expect(found('GET /r?e=abc%40 HTTP/1.1', 'email')).toEqual([]);
    expect(found('GET /r?e=a%4%40b', 'email')).toEqual([]);
  });

  it('property: an encoded address after random alphanumeric tokens is found, decoded', () => {
    const local = fc.stringMatching(/^[a-z0-9]{1,12}(?:[.+_-][a-z0-9]{1,8}){0,2}$/);
    const domain = fc.stringMatching(/^[a-z0-9]{1,10}(?:-[a-z0-9]{1,6})?\.(?:com|org|co\.uk|de)$/);
    const token = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
    fc.assert(
      fc.property(fc.array(token, { maxLength: 4 }), local, domain, fc.boolean(), (words, l, d, upper) => {
        let enc = encodeURIComponent(`${l}@${d}`).replace(/\+/g, '%2B').replace(/\./g, '%2E');
        if (!upper) enc = enc.replace(/%[0-9A-F]{2}/g, (x) => x.toLowerCase());
        const line = `${words.join(' ')} "GET /a?email=${enc}&b=${words[0] ?? 'x'} HTTP/1.1" 200`;
        expect(found(line, 'email')).toContain(`${l}@${d}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('numbers right after a token ending in digits', () => {
  it('finds the IPv4 address after a user name ending in digits (sshd auth log)', () => {
    const line = 'Mar 03 10:00:00 web-1 sshd[4242]: Disconnected from invalid user renee677 206.177.235.212 port 22 [preauth]';
    expect(found(line, 'ip_address')).toEqual(['206.177.235.212']);
  });

  it('finds an IPv4 address standing as its own word inside a longer digit run', () => {
    expect(found('id 677 206.177.235.212 22', 'ip_address')).toEqual(['206.177.235.212']);
    expect(found('from 206.177.235.212 22 2', 'ip_address')).toEqual(['206.177.235.212']);
  });

  it('a phone number after a token ending in digits is judged on its own', () => {
    // `agent7 (212) 555-0147` was one run starting inside the word `agent7`, so no phone at all.
    expect(found('call agent7 (212) 555-0147', 'phone')).toEqual(['+12125550147']);
    expect(found('tel: ext42 212-555-0147', 'phone')).toEqual(['+12125550147']);
    // The word's own digits are not part of any number.
    expect(found('ticket ab1234567 x', 'phone')).toEqual([]);
  });

  it('IPv6 and e-mail next to alphanumeric tokens', () => {
    expect(found('invalid user renee677 2001:db8:85a3::8a2e:370:7334 port 22', 'ip_address').concat(found('invalid user renee677 2001:db8:85a3::8a2e:370:7334 port 22', 'ip_address_internal'))).toHaveLength(1);
    expect(found('user renee677 jane.doe@example.com', 'email')).toEqual(['jane.doe@example.com']);
  });

  it('property: a valid public IPv4 after random alphanumeric tokens (ending in digits or not) is found', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,10}$/);
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 223 }), octet, octet, fc.integer({ min: 1, max: 254 }), fc.integer({ min: 1, max: 65535 }), (words, n, a, b, c, d, port) => {
        const ip = `${a}.${b}.${c}.${d}`;
        const line = `Disconnected from invalid user ${words.join(' ')}${n} ${ip} port ${port} [preauth]`;
        const all = scanText(line).elements.filter((e) => e.element === 'ip_address' || e.element === 'ip_address_internal');
        const alone = scanText(`from ${ip} port`).elements.filter((e) => e.element === 'ip_address' || e.element === 'ip_address_internal');
        expect(all).toHaveLength(1);
        expect(all.map((e) => e.value)).toEqual(alone.map((e) => e.value));
      }),
      { numRuns: 300 },
    );
  });
});
