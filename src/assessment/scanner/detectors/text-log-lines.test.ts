/**
 * Outside review logfp23: false personal data in ordinary web-server and syslog lines (the
 * status and size of an access log glued into a phone, month abbreviations of timestamps and
 * Apple's User-Agent read as names), and the real data of the same lines that must stay.
 */
import { describe, expect, it } from 'vitest';
import type { ElementId, ValueFinding } from '../types.js';
import { nameWords } from './text-names.js';
import { scanText } from './text-scan.js';

const els = (text: string, el: ElementId) =>
  scanText(text)
    .elements.filter((f) => f.element === el)
    .map((f) => f.value);
/** The names of both branches of nameWords (the memo of lone words and the general one). */
const names = (t: string) =>
  [true, false].map((memo) => {
    const out: ValueFinding[] = [];
    nameWords(t, out, memo);
    return out.map((f) => f.value);
  });
const UA_MAC = '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"';
const UA_IPHONE = '"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"';

describe('web-server access log lines (Combined Log Format)', () => {
  it('reads a percent-encoded phone in the query as the phone, and the status and size after the request as no phone', () => {
    const line = `203.0.113.9 - - [12/Jan/2024:10:00:01 +0000] "GET /lookup?phone=(520)%20643-9892 HTTP/1.1" 404 28071 "-" ${UA_MAC}`;
    expect(els(line, 'phone')).toEqual(['+15206439892']);
    expect(els('10.1.2.3 - - [12/Mar/2024:10:00:01 +0000] "GET /help/contact HTTP/1.1" 301 228077 "https://shop.example.com/" "curl/8.4"', 'phone')).toEqual([]);
    expect(els('"GET /account/phone HTTP/1.1" 200 5551234', 'phone')).toEqual([]);
  });
  it('keeps the phones a request carries, and context words of the same field', () => {
    expect(els('"GET /cb?tel=+4930901820 HTTP/1.1" 200 512', 'phone')).toEqual(['+4930901820']);
    expect(els('"GET /lookup?phone=5206439892 HTTP/1.1" 404 28071', 'phone')).toEqual(['+15206439892']);
    expect(els('Phone: 467 3395', 'phone')).toHaveLength(1);
    expect(els('{"phone": "467 3395"}', 'phone')).toEqual(els('Phone: 467 3395', 'phone'));
    expect(els('call me "today" at 467 3395', 'phone')).toEqual([]);
  });
  it('takes the two hex digits of any percent escape out of a number', () => {
    expect(els('/q?phone=%2B1%20520-643-9892', 'phone')).toEqual([]);
    expect(els('/q?name=%22Ann%22&x=%22202-456-1111%22', 'phone')).toEqual(['+12024561111']);
  });
});

describe('month abbreviations of dates and times are not names', () => {
  it('drops Jan, Mar, Dec … inside a timestamp or a date', () => {
    expect(els(`10.1.2.3 - - [12/Jan/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/8"`, 'person_name')).toEqual([]);
    expect(els('Jan  5 10:11:12 web-3 sshd[4411]: Accepted publickey for root from 8.8.8.8 port 50022 ssh2', 'person_name')).toEqual([]);
    for (const t of ['due 5-Jan-2024 latest', 'on 05.Jan.2024 we', 'Jan 2024 invoice', 'at 10:00/Jan logs']) expect(names(t), t).toEqual([[], []]);
  });
  it('keeps Jan as a given name beside words and a speaker', () => {
    expect(names('Jan Novak called about the invoice')).toEqual([['Jan Novak'], ['Jan Novak']]);
    expect(names('yesterday I met Jan at the bank')).toEqual([['Jan'], ['Jan']]);
  });
});

describe("Apple's User-Agent product names are not names", () => {
  it('drops Intel Mac and Mac before OS', () => {
    expect(els(`10.1.2.3 - - [12/Mar/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 5 "-" ${UA_MAC}`, 'person_name')).toEqual([]);
    expect(els(`10.1.2.3 - - [12/Mar/2024:10:00:01 +0000] "GET / HTTP/1.1" 200 5 "-" ${UA_IPHONE}`, 'person_name')).toEqual([]);
    expect(names('runs on Intel Mac OS X and Chrome OS')).toEqual([[], []]);
  });
  it('keeps a person called Mac', () => {
    expect(names('we met Mac Thornberry at the hearing')).toEqual([['Mac Thornberry'], ['Mac Thornberry']]);
  });
});
