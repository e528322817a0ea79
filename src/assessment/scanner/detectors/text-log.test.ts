/**
 * Access-log lines by their fields (text-log.ts) against one scan of the whole line: the same
 * findings, in the same order, on random log lines — well-formed combined and common lines whose
 * free fields hold e-mails, phones, names, keywords and secrets, and broken ones (quotes and
 * backslashes inside fields, a field missing, IPv6 and host names, binary, very long lines).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessLogCuts } from './log-format.js';
import { accessLogScanner, isAccessLogBlock } from './text-log.js';
import { PREFILTER_WORDS, scanText } from './text-scan.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PIECES = ['jane.doe@example.org', 'jane.doe%40example.org', '(802) 573-5407', '+41 96 471 07 95', '536-90-4399', '4111 1111 1111 1111', '10.1.2.3', '2a00:1450:4001:81c::200e', 'password=hunter2abc', 'token: ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'AKIAIOSFODNN7EXAMPLE', 'Intel Mac OS X', 'John Smith', 'Mary', 'Núñez', '14 Crown Street', 'Tulsa, OK 86197', 'ssn', 'phone=', 'tel:', 'call me', 'Mozilla/5.0 (X11; Linux x86_64)', 'Firefox/119.0.4237.75', 'https://www.bing.com/search?q=', '-', ' ', '"', '\\', '\\"', '[', ']', '\t', 'é', '\u0000', '\ufffd', '🙂'];
const free = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...PREFILTER_WORDS), fc.string({ maxLength: 5 }), fc.stringMatching(/^[0-9 .()/-]{1,14}$/)), { maxLength: 8 })
  .map((a) => a.join(fc.sample(fc.constantFrom(' ', '', '/', '?q=', '&a=', ';'), 1)[0]));
const two = (n: number) => String(n).padStart(2, '0');
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((a) => a.join('.'));
const host = fc.oneof(ipv4, fc.constantFrom('2001:db8::1', '::ffff:10.0.0.1', 'fe80::a1b2', 'shop.example.com', '-'));
const name = fc.oneof(fc.constant('-'), fc.constantFrom('jane', 'John', 'anna.smith', 'ssn', 'root', 'jane@example.org', '5735407', 'Mary Smith'));
const time = fc
  .tuple(fc.integer({ min: 1, max: 31 }), fc.constantFrom(...MONTHS), fc.integer({ min: 1990, max: 2099 }), fc.nat(23), fc.nat(59), fc.nat(59), fc.constantFrom('+', '-'), fc.nat(1400))
  .map(([d, m, y, h, mi, s, sign, z]) => `[${two(d)}/${m}/${y}:${two(h)}:${two(mi)}:${two(s)} ${sign}${String(z).padStart(4, '0')}]`);
const request = fc.oneof(fc.tuple(fc.constantFrom('GET', 'POST', 'HEAD'), free, fc.constantFrom('HTTP/1.1', 'HTTP/2.0')).map(([m, p, v]) => `${m} /${p} ${v}`), free);
const size = fc.oneof(fc.constant('-'), fc.nat(99999).map(String), fc.stringMatching(/^[0-9]{6,12}$/));
const anyLine = fc
  .tuple(host, name, name, time, request, fc.constantFrom('200', '301', '304', '404', '500', '999'), size, free, free, fc.boolean())
  .map(([h, l, u, t, r, s, b, ref, ua, common]) => `${h} ${l} ${u} ${t} "${r}" ${s} ${b}${common ? '' : ` "${ref}" "${ua}"`}`);
/** Lines of the format (fields without quotes or backslashes; an address for %h, no blank in %u). */
const combined = anyLine.map((l) => l.replace(/^(?:shop\.example\.com|-) /, '10.9.8.7 ').replace(/ Mary Smith /, ' mary ')).filter((l) => accessLogCuts(l, new Int32Array(3)));
/** A well-formed line with one character changed, cut short or doubled. */
const broken = fc.tuple(combined, fc.nat(), fc.constantFrom('"', ' ', '\\', 'x', '', '\n')).map(([l, at, c]) => {
  const i = at % (l.length + 1);
  return c === '\n' ? l.slice(0, i) : c === 'x' ? l + l : l.slice(0, i) + c + l.slice(i + 1);
});
const line = fc.oneof({ weight: 3, arbitrary: combined }, { weight: 1, arbitrary: anyLine }, { weight: 1, arbitrary: broken });
const head = fc.array(combined, { minLength: 8, maxLength: 8 });

describe('access-log lines by their fields', () => {
  it('recognises common and combined lines, not others', () => {
    const cuts = new Int32Array(3);
    const l = '2001:db8::1 - jane [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326 "http://x.example/" "Mozilla/4.08"';
    expect(accessLogCuts(l, cuts)).toBe(true);
    expect(l.slice(cuts[2])).toBe('"http://x.example/" "Mozilla/4.08"');
    expect(accessLogCuts('127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 -', cuts)).toBe(true);
    for (const bad of [
      '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /\\" 200 1 \\"x" 200 1',
      'shop.example.com:443 127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1 "-" "-"',
      '127.0.0.1 - - [10/Okt/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1 "-" "-"',
      '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1 "-" "-" "10.0.0.1"',
      'Mar 02 05:48:40 web-26 sshd[14574]: Accepted publickey for anna',
    ])
      expect(accessLogCuts(bad, cuts)).toBe(false);
  });

  it('gives each line the findings of one scan of the whole line, in the same order', () => {
    fc.assert(
      fc.property(head, fc.array(line, { maxLength: 30 }), (first, rest) => {
        const lines = [...first, ...rest, ...rest];
        const scan = accessLogScanner(lines);
        expect(scan).not.toBeNull();
        for (let i = 0; i < lines.length; i++) expect(scan?.(i)).toEqual(scanText(lines[i]));
      }),
      { numRuns: 300 },
    );
  });

  it('takes a block only when its first lines are all access-log lines', () => {
    fc.assert(
      fc.property(head, fc.nat(7), fc.constantFrom('Mar 02 05:48:40 web-26 sshd[1]: x', '{"a":1}', ''), (lines, at, other) => {
        expect(isAccessLogBlock(lines)).toBe(true);
        const mixed = [...lines];
        mixed[at] = other;
        expect(isAccessLogBlock(mixed)).toBe(false);
        expect(accessLogScanner(mixed)).toBeNull();
      }),
      { numRuns: 50 },
    );
  });

  it('gives very long and binary lines the whole-line findings', () => {
    const base = '10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326';
    const lines = Array.from({ length: 8 }, () => `${base} "-" "Mozilla/5.0"`);
    lines.push(`${base} "${'a'.repeat(20_000)} jane.doe@example.org" "${'Mozilla '.repeat(100)}John Smith"`);
    lines.push(`${base} "\u0000\u0001\ufffd\ufffd" "\u00ff\u00fe ssn 536-90-4399"`);
    lines.push(`${base} "-" "Mozilla/5.0"`);
    const scan = accessLogScanner(lines);
    for (let i = 0; i < lines.length; i++) expect(scan?.(i)).toEqual(scanText(lines[i]));
  });
});
