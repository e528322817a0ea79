import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlowRecord, zeekJson } from './records.js';

const parse = JSON.parse;
/** Lines the reader under test gave to JSON.parse (the reference uses `parse`). */
let parsedLines = 0;
beforeAll(() => {
  JSON.parse = (...a: Parameters<typeof parse>) => {
    parsedLines++;
    return parse(...a);
  };
});
afterAll(() => {
  JSON.parse = parse;
});

/** The Zeek JSON reader as it was before the shape scanner (JSON.parse of every line): the reference. */
function reference(line: string): FlowRecord {
  let o: Record<string, unknown>;
  try {
    o = parse(line) as Record<string, unknown>;
  } catch {
    throw new Error('not valid JSON');
  }
  const ts = typeof o.ts === 'number' ? o.ts : Date.parse(String(o.ts)) / 1000;
  if (!Number.isFinite(ts)) throw new Error('ts missing or not a time');
  const n = (k: string) => (typeof o[k] === 'number' ? (o[k] as number) : 0);
  const need = (v: unknown, f: string) => {
    if (v === undefined || v === '-' || v === '') throw new Error(`${f} missing`);
    return v as string;
  };
  return {
    ts,
    src: need(o['id.orig_h'], 'id.orig_h'),
    dst: need(o['id.resp_h'], 'id.resp_h'),
    dport: n('id.resp_p'),
    proto: String(o.proto ?? ''),
    bytesOut: 'orig_ip_bytes' in o ? n('orig_ip_bytes') : n('orig_bytes'),
    bytesIn: 'resp_ip_bytes' in o ? n('resp_ip_bytes') : n('resp_bytes'),
  };
}

const outcome = (f: () => FlowRecord) => {
  try {
    // -0 and 0 told apart: JSON.stringify would not.
    return { ok: Object.entries(f()).map(([k, v]) => [k, Object.is(v, -0) ? '-0' : v]) };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

const KEYS = ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'orig_bytes', 'resp_bytes', 'conn_state', 'orig_ip_bytes', 'resp_ip_bytes', 'tunnel_parents', 'a"b', 'x\\y', '1', '__proto__', 'é'];
const digits = (min: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: 18 });
/** JSON number text in every form the grammar allows: sign, fraction, exponent with E/e and +/-. */
const numberText = fc.oneof(
  fc
    .tuple(fc.constantFrom('', '-'), fc.oneof(fc.constant('0'), digits(1).map((d) => `1${d}`), fc.integer({ min: 0, max: 99_999_999_999 }).map(String)), fc.option(digits(1)), fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1))))
    .map(([s, i, f, e]) => `${s}${i}${f === null ? '' : `.${f}`}${e === null ? '' : e.join('')}`),
  // Integers around where doubles stop being exact (2^53 ≈ 9.007e15).
  fc.bigInt({ min: 10n ** 14n, max: 10n ** 20n }).map(String),
);
const ip = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `10.0.${a}.${b}`);
/** Mostly what Zeek writes (numbers, addresses, plain and unicode text), sometimes escapes and nested values. */
const valueText = fc.oneof(
  { weight: 10, arbitrary: numberText },
  { weight: 6, arbitrary: fc.oneof(ip, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('-', '', 'tcp', '2026-03-02T10:00:00.5Z', 'not a time')).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('a"b', 'c\\d', 'tab\there', '\ud800')).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.constantFrom(true, false, null)).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.oneof(fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.nat(), { maxKeys: 2 })).map((v) => JSON.stringify(v)) },
);
/** A line of a key order: raw value texts, an optional space after some separators, rarely broken. */
const lineOf = (keys: string[]) =>
  fc
    .tuple(fc.array(valueText, { minLength: keys.length, maxLength: keys.length }), fc.oneof({ weight: 9, arbitrary: fc.constant('') }, fc.constant(' ')), fc.oneof({ weight: 12, arbitrary: fc.constant('none') }, fc.constantFrom('cut', 'junk', 'pad')), fc.nat())
    .map(([values, space, damage, at]) => {
      const line = `{${keys.map((k, i) => `${JSON.stringify(k)}:${values[i]}`).join(`,${space}`)}}`;
      if (damage === 'cut') return line.slice(0, at % line.length);
      if (damage === 'junk') return `${line.slice(0, at % line.length)}}${line.slice(at % line.length)}`;
      return damage === 'pad' ? ` ${line} ` : line;
    });
const REQUIRED = ['ts', 'id.orig_h', 'id.resp_h'];
/** Keys with escapes, or ones JSON.parse reorders: only in the fully random orders. */
const ODD_KEYS = ['a"b', 'x\\y', '1'];
/** Most orders have the keys a record needs (else every line is an error and values go unchecked). */
const withRequired = fc.tuple(fc.shuffledSubarray(KEYS.filter((k) => !REQUIRED.includes(k) && !ODD_KEYS.includes(k))), fc.array(fc.nat(), { minLength: 3, maxLength: 3 })).map(([ks, at]) => {
  const order = [...ks];
  REQUIRED.forEach((k, i) => {
    order.splice(at[i]! % (order.length + 1), 0, k);
  });
  return order;
});
/** A file: a few key orders (subsets of KEYS, some with a key twice), lines of them interleaved. */
const file = fc
  .array(fc.oneof({ weight: 4, arbitrary: withRequired }, fc.array(fc.constantFrom(...KEYS), { maxLength: 14 })), { minLength: 1, maxLength: 3 })
  .chain((orders) => fc.array(fc.oneof(...orders.map(lineOf)), { minLength: 1, maxLength: 40, size: 'max' }));

describe('Zeek JSON: learned line shapes', () => {
  it('give the records (and errors) JSON.parse gives, line by line, on random files', () => {
    let lines = 0;
    let scanned = 0;
    fc.assert(
      fc.property(file, (ls) => {
        const r = zeekJson();
        for (const l of ls) {
          const before = parsedLines;
          expect(outcome(() => r.read(l)!)).toEqual(outcome(() => reference(l)));
          lines++;
          if (parsedLines === before) scanned++;
        }
      }),
      { numRuns: 400 },
    );
    // The property says something about the scanner only if many lines took it.
    expect(scanned / lines).toBeGreaterThan(0.3);
  });

  it('reads a learned shape without JSON.parse, and escapes, nested values and another order with it', () => {
    const r = zeekJson();
    const line = (ts: string, h: string, tail = '') => `{"ts":${ts},"uid":"C1","id.orig_h":"${h}","id.resp_h":"93.184.216.34","id.resp_p":443,"proto":"tcp","orig_bytes":10,"orig_ip_bytes":450${tail}}`;
    expect(r.read(line('1772409600.25', '10.0.0.1'))).toMatchObject({ ts: 1772409600.25, src: '10.0.0.1', bytesOut: 450 });
    const before = parsedLines;
    const parsed = () => parsedLines - before;
    expect(r.read(line('1.7724096e9', '10.0.0.2'))).toMatchObject({ ts: 1772409600, src: '10.0.0.2', dst: '93.184.216.34', dport: 443, proto: 'tcp', bytesOut: 450, bytesIn: 0 });
    expect(parsed()).toBe(0);
    expect(r.read(line('1772409600', '10.0.0.\\u0033'))).toMatchObject({ src: '10.0.0.3' });
    expect(r.read(line('1772409600', '10.0.0.4', ',"tunnel_parents":["C2"]'))).toMatchObject({ src: '10.0.0.4' });
    expect(() => r.read(line('1772409600', '10.0.0.5').slice(0, -1))).toThrow('not valid JSON');
    expect(parsed()).toBe(3);
  });

  it('learns a shape first seen with a nested value from its next flat line, and leaves a file that keeps missing to JSON.parse', () => {
    const r = zeekJson();
    const line = (parents: string, uid = 'C1') => `{"ts":1772409600,"uid":"${uid}","id.orig_h":"10.0.0.1","id.resp_h":"10.0.0.2","tunnel_parents":${parents}}`;
    let before = parsedLines;
    r.read(line('["C0"]'));
    r.read(line('"C0"'));
    r.read(line('"C9"'));
    expect(parsedLines - before).toBe(2);
    // 1,000 lines of a learned shape that miss it (an escape), then it is not tried any more.
    for (let i = 0; i < 1000; i++) expect(r.read(line('"C0"', 'C\\u0031'))).toMatchObject({ src: '10.0.0.1' });
    before = parsedLines;
    expect(r.read(line('"C9"'))).toMatchObject({ src: '10.0.0.1', dst: '10.0.0.2' });
    expect(parsedLines - before).toBe(1);
  });
});
