import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, need, outcome } from '../../../test/support/flow-reference.js';
import type { FlowRecord } from './records.js';
import { countDigits, decimal } from './fields.js';
import { zeekTsv } from './zeek-tsv.js';

/** The Zeek TSV reader as it was before lines were read by their header's shape: the reference. */
function reference() {
  let sep = '\t';
  let idx: Record<string, number> | null = null;
  return (line: string): FlowRecord | null => {
    if (line.startsWith('#')) {
      if (line.startsWith('#separator ')) sep = line.slice(11).trim().replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      else if (line.startsWith('#fields')) {
        idx = {};
        line
          .split(sep)
          .slice(1)
          .forEach((f, i) => {
            idx![f] = i;
          });
      }
      return null;
    }
    if (!idx) throw new Error('data before the #fields header');
    const c = line.split(sep);
    const ob = idx.orig_ip_bytes ?? idx.orig_bytes;
    const rb = idx.resp_ip_bytes ?? idx.resp_bytes;
    const ts = Number(c[idx.ts!]);
    if (!Number.isFinite(ts)) throw new Error(`ts: "${(c[idx.ts!] ?? '').slice(0, 40)}" is not a time`);
    return {
      ts,
      src: need(c[idx['id.orig_h']!], 'id.orig_h'),
      dst: need(c[idx['id.resp_h']!], 'id.resp_h'),
      dport: count(c[idx['id.resp_p']!], 'id.resp_p'),
      proto: c[idx.proto!] ?? '',
      bytesOut: ob === undefined ? 0 : count(c[ob], 'orig_ip_bytes'),
      bytesIn: rb === undefined ? 0 : count(c[rb], 'resp_ip_bytes'),
    };
  };
}


const CONN = ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'duration', 'orig_bytes', 'resp_bytes', 'conn_state', 'local_orig', 'local_resp', 'missed_bytes', 'history', 'orig_pkts', 'orig_ip_bytes', 'resp_pkts', 'resp_ip_bytes', 'tunnel_parents'];
const TYPES = ['time', 'string', 'addr', 'port', 'addr', 'port', 'enum', 'string', 'interval', 'count', 'count', 'string', 'bool', 'bool', 'count', 'string', 'count', 'count', 'count', 'count', 'set[string]'];

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** Numbers as Zeek writes them, and near misses the hand conversion must leave to Number. */
const number = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(digits(1, 12), digits(0, 9)).map(([i, f]) => (f ? `${i}.${f}` : i)) },
  { weight: 2, arbitrary: fc.tuple(digits(1, 18), fc.option(digits(1, 8))).map(([i, f]) => (f === null ? i : `${i}.${f}`)) },
  // Around 2^53, where a sum of digits stops being exact (fast-check keeps strings short unless told).
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
  fc.tuple(fc.bigInt({ min: 10n ** 14n, max: 10n ** 19n }), fc.nat(19)).map(([b, at]) => { const d = String(b); return at > 0 && at < d.length ? `${d.slice(0, at)}.${d.slice(at)}` : d; }),
  fc.double({ noNaN: true }).map(String),
  fc.nat().map(String),
  fc.constantFrom('9007199254740991', '9007199254740992', '9007199254740993', '900719925474099.3', '90071992547409.93', '999999999999999', '1000000000000000', '0.1', '0.3', '1772410677.000000', '1772410677.123456', '0', '00', '007', '-0', '-5', '+5', '1e3', '1E-2', '.5', '5.', '1..2', '1.2.3', ' 12', '12 ', '0x1A', '0b11', 'Infinity', '-Infinity', 'NaN', '１２', '1_000', '٣'),
);
/** Any column's value: unset `-`, `(empty)`, empty, addresses, escapes as Zeek writes them (`\x09`), text. */
const cell = fc.oneof(
  { weight: 3, arbitrary: number },
  fc.constantFrom('-', '(empty)', '', 'tcp', 'udp', 'icmp', '10.0.0.10', '93.184.216.34', '2001:db8::1', 'fe80::1%eth0', 'C1xYz', 'ShADadFf', 'a\\x09b', '\\x2c', 'é', '😀', 'a,b', 'T', 'F'),
  fc.string({ maxLength: 6 }),
);
/** Columns: conn.log's, a shuffled subset (sometimes without ts, proto or the IP byte counts), a column twice, extras. */
const columns = fc.oneof(
  { weight: 3, arbitrary: fc.constant(CONN) },
  fc.shuffledSubarray(CONN, { minLength: 3 }),
  fc.constant([...CONN.filter((c) => c !== 'orig_ip_bytes' && c !== 'resp_ip_bytes'), 'id.resp_h']),
  fc.tuple(fc.shuffledSubarray(CONN, { minLength: 1 }), fc.array(fc.constantFrom('x', '', 'ts', 'proto', '(empty)'), { maxLength: 3 })).map(([a, b]) => [...a, ...b]),
);
/** `#separator` as Zeek escapes it: the tab, another single character, two characters or none. */
const separator = fc.oneof({ weight: 6, arbitrary: fc.constant('\\x09') }, fc.constantFrom('\\x2c', '\\x7c', '\\x20', '\\x09\\x09', '', ';', '\\X41'));
const decode = (s: string) => s.trim().replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

const file = fc.tuple(separator, columns, fc.boolean()).chain(([sepText, cols, sepLate]) => {
  const sep = decode(sepText) || '\t';
  const head = [`#separator ${sepText}`, `#set_separator${sep},`, `#empty_field${sep}(empty)`, `#unset_field${sep}-`, '#path\tconn', `#fields${sep}${cols.join(sep)}`, `#types${sep}${cols.map((c) => TYPES[CONN.indexOf(c)] ?? 'string').join(sep)}`];
  // Sometimes the separator comes after #fields (the header was split by the old one).
  if (sepLate) head.push(head.shift()!);
  const line = fc
    .tuple(fc.array(cell, { minLength: cols.length, maxLength: cols.length }), fc.oneof({ weight: 8, arbitrary: fc.constant(-1) }, fc.nat(cols.length + 2)), fc.oneof({ weight: 8, arbitrary: fc.constant('') }, fc.constantFrom('\t', ',', ' ', '\tx')))
    .map(([cells, keep, extra]) => `${(keep < 0 ? cells : cells.slice(0, keep)).join(sep)}${extra}`);
  return fc.tuple(fc.constant(head), fc.array(line, { maxLength: 25 }), fc.boolean(), fc.constant({ sep: sepLate && sep !== '\t' ? '' : sep, cols }));
});

describe('Zeek TSV: lines read by the header’s shape', () => {
  it('give the records (and errors) the split gave, on random headers, separators and lines', () => {
    let lines = 0;
    let shaped = 0;
    fc.assert(
      fc.property(file, ([head, data, early, { sep, cols }]) => {
        // Lines the shape reads (one-unit separator, ts and both addresses, enough columns): most of them must be.
        const at = (c: string) => cols.lastIndexOf(c);
        const last = Math.max(...['ts', 'id.orig_h', 'id.resp_h', 'id.resp_p', 'proto', 'orig_bytes', 'orig_ip_bytes', 'resp_bytes', 'resp_ip_bytes'].map(at));
        for (const l of data) {
          lines++;
          if (sep.length === 1 && at('ts') >= 0 && at('id.orig_h') >= 0 && at('id.resp_h') >= 0 && l.split(sep).length > last) shaped++;
        }
        const r = zeekTsv();
        const ref = reference();
        // Sometimes a data line before the header.
        const all = early && data.length ? [data[0]!, ...head, ...data.slice(1), '#close\t2026-03-16-00-00-00'] : [...head, ...data];
        for (const l of all) expect(outcome(() => r.read(l))).toEqual(outcome(() => ref(l)));
      }),
      { numRuns: 1000 },
    );
    expect(shaped / lines).toBeGreaterThan(0.3);
  });

  it('numbers from their digits: what Number and count give, near 2^53 too', () => {
    const counted = (f: () => number) => {
      try {
        return { ok: f() };
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    fc.assert(
      fc.property(fc.oneof(number, digits(14, 20)), (v) => {
        expect(decimal(v)).toBe(Number(v));
        expect(counted(() => countDigits(v, 'f'))).toEqual(counted(() => count(v, 'f')));
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads conn.log’s own line; numbers from their digits are exactly what Number gives', () => {
    const r = zeekTsv();
    r.read('#separator \\x09');
    r.read(`#fields\t${CONN.join('\t')}`);
    const row = (ts: string, ob = '397818') => `${ts}\tC0\t10.0.0.10\t40000\t151.101.1.69\t443\ttcp\t-\t1.5\t397418\t2000000\tSF\t-\t-\t0\tShADadFf\t10\t${ob}\t8\t2000300\t-`;
    expect(r.read(row('1772410677.000000'))).toEqual({ ts: 1772410677, src: '10.0.0.10', dst: '151.101.1.69', dport: 443, proto: 'tcp', bytesOut: 397818, bytesIn: 2000300 });
    for (const ts of ['1772410677.123456', '0.1', '0.3', '9007199254740991.5', '900719925474099.3', '1772410677.1234567']) expect(r.read(row(ts))!.ts).toBe(Number(ts));
    expect(r.read(row('1772410677.5', '(empty)'))!.bytesOut).toBe(0);
    expect(() => r.read(row('1772410677.5', '-3'))).toThrow('orig_ip_bytes: "-3" is not a count');
    expect(() => r.read(row('yesterday'))).toThrow('ts: "yesterday" is not a time');
  });
});
