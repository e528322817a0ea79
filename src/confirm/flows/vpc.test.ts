import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, need, outcome } from '../../../test/support/flow-reference.js';
import type { FlowRecord } from './records.js';
import { VPC_V2_FIELDS, vpc } from './vpc.js';

/** The VPC reader as it was before lines were read by their field list's shape: the reference. */
function reference(fields: string[] = VPC_V2_FIELDS) {
  const PROTO: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmp6' };
  const index = (names: string[]) => {
    const r: Record<string, number> = {};
    names.forEach((f, n) => {
      r[f.replace(/^\$\{|\}$/g, '')] = n;
    });
    return r;
  };
  let f = fields;
  let i = index(f);
  return (line: string): FlowRecord | null => {
    const c = line.trim().split(/\s+/);
    if (c[0] === 'version' || c.includes('srcaddr')) {
      f = c;
      i = index(f);
      return null;
    }
    if (c.length !== f.length) throw new Error(`${c.length} fields where the format has ${f.length}`);
    const status = i['log-status'] === undefined ? 'OK' : c[i['log-status']];
    if (status === 'NODATA' || status === 'SKIPDATA') return null;
    if (i['flow-direction'] !== undefined && c[i['flow-direction']] === 'ingress') return null;
    const ts = count(c[i.start!], 'start');
    return {
      ts,
      src: need(c[i.srcaddr!], 'srcaddr'),
      dst: need(c[i.dstaddr!], 'dstaddr'),
      dport: count(c[i.dstport!], 'dstport'),
      proto: PROTO[c[i.protocol!] ?? ''] ?? c[i.protocol!] ?? '',
      bytesOut: count(c[i.bytes!], 'bytes'),
      bytesIn: 0,
    };
  };
}


/** v2's fields and later versions' (flow-logs.md "Available fields"). */
const ALL = [...VPC_V2_FIELDS, 'vpc-id', 'subnet-id', 'instance-id', 'tcp-flags', 'type', 'pkt-srcaddr', 'pkt-dstaddr', 'region', 'az-id', 'flow-direction', 'traffic-path'];
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const cell = fc.oneof(
  { weight: 12, arbitrary: fc.oneof(fc.nat().map(String), digits(1, 20), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String)) },
  { weight: 6, arbitrary: fc.constantFrom('-', '(empty)', '6', '17', '1', '58', '99', 'ACCEPT', 'REJECT', 'OK', 'NODATA', 'SKIPDATA', 'egress', 'ingress', '10.0.0.10', '203.0.113.9', '2001:db8::1', 'eni-1235b8ca123456789', '-5', '1e3', '0x10', 'Infinity', '__proto__', 'constructor', 'version', 'srcaddr', 'xsrcaddr', 'vpc-1') },
  fc.string({ unit: fc.constantFrom('a', '1', ' ', '\t', '\u00a0', '-', '.'), maxLength: 5 }),
);
/** A field's value: the direction and status the reader acts on more often than by chance. */
const cellOf = (name: string) => (name === 'flow-direction' ? fc.oneof(fc.constantFrom('ingress', 'egress'), cell) : name === 'log-status' ? fc.oneof(fc.constantFrom('OK', 'NODATA', 'SKIPDATA'), cell) : cell);
/** v2 as the reader's default, or a custom list (by header line or by the caller, `${field}` form too). */
/** A custom format of flow-logs.md's examples, with the direction (v5). */
const V5 = ['version', 'vpc-id', 'subnet-id', 'instance-id', 'interface-id', 'account-id', 'type', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'pkt-srcaddr', 'pkt-dstaddr', 'protocol', 'bytes', 'packets', 'start', 'end', 'action', 'tcp-flags', 'log-status', 'flow-direction'];
const fieldList = fc.oneof({ weight: 3, arbitrary: fc.constant(VPC_V2_FIELDS) }, { weight: 2, arbitrary: fc.constant(V5) }, fc.shuffledSubarray(ALL, { minLength: 1 }), fc.shuffledSubarray(ALL, { minLength: 6 }).map((l) => [...l, l[0]!]));
/** Spaces as AWS writes them (one), and others: several, tabs, no-break spaces, at either end. */
const gap = fc.oneof({ weight: 200, arbitrary: fc.constant(' ') }, fc.constantFrom('  ', '\t', ' \u00a0', '\u3000'));
const file = fc.tuple(fieldList, fc.constantFrom('default', 'header', 'caller', 'dollar')).chain(([fields, how]) => {
  const line = fc.tuple(fc.tuple(...fields.map((name) => fc.tuple(cellOf(name), gap))), fc.oneof({ weight: 8, arbitrary: fc.constant(-1) }, fc.nat(fields.length + 2)), fc.oneof({ weight: 8, arbitrary: fc.constant('') }, fc.constantFrom(' ', '\t', ' x')));
  const text = line.map(([cells, keep, end]) => {
    const kept = keep < 0 ? cells : cells.slice(0, keep);
    return `${kept.map(([c, g], n) => (n ? g + c : c)).join('')}${end}`;
  });
  return fc.tuple(fc.constant(fields), fc.constant(how), fc.array(text, { maxLength: 25 }));
});

describe('VPC Flow Logs: lines read by the field list’s shape', () => {
  it('give the records (and errors) the split gave, on random field lists, headers, spacing and values', () => {
    let lines = 0;
    let shaped = 0;
    fc.assert(
      fc.property(file, ([fields, how, data]) => {
        const given = how === 'caller' ? fields : how === 'default' ? VPC_V2_FIELDS : undefined;
        const r = vpc(given);
        const ref = reference(given);
        const head = how === 'header' ? [fields.join(' ')] : how === 'dollar' ? [fields.map((x) => `\${${x}}`).join(' ')] : [];
        for (const l of [...head, ...data]) {
          lines++;
          if (/^\S+( \S+)*$/.test(l) && l.split(' ').length === (given ?? fields).length) shaped++;
          expect(outcome(() => r.read(l))).toEqual(outcome(() => ref(l)));
        }
      }),
      { numRuns: 1000 },
    );
    // Lines of the list's field count, one space apart: what the shape reads (not all of them, as
    // those of a field list without srcaddr … start go to the split).
    expect(shaped / lines).toBeGreaterThan(0.3);
  });

  it('reads AWS’s own v2 lines', () => {
    const r = vpc();
    expect(r.read('2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK')).toEqual({ ts: 1418530010, src: '172.31.16.139', dst: '172.31.16.21', dport: 22, proto: 'tcp', bytesOut: 4249, bytesIn: 0 });
    expect(r.read('2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA')).toBeNull();
    expect(() => r.read('2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 -4249 1418530010 1418530070 ACCEPT OK')).toThrow('bytes: "-4249" is not a count');
  });
});
