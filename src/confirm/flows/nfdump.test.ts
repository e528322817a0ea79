import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, need, outcome } from '../../../test/support/flow-reference.js';
import { type FlowRecord, nfdumpCsv } from './records.js';

/** The nfdump CSV reader as it was before rows were read by their header's shape: the reference. */
function reference() {
  let i: Record<string, number> | null = null;
  let limit = 0;
  let done = false;
  const time = (v: string) =>
    v.length >= 19 && v.charCodeAt(16) === 58 && /^[0-5]\d(\.\d+)?$/.test(v.slice(17)) ? Date.parse(`${v.slice(0, 16).replace(' ', 'T')}:00Z`) / 1000 + Number(v.slice(17)) : Date.parse(`${v.replace(' ', 'T')}Z`) / 1000;
  return (line: string): FlowRecord | null => {
    if (done) return null;
    if (line.startsWith('ts,')) {
      const h = line.split(',');
      if (h.includes('sa')) {
        i = {};
        h.forEach((f, n) => {
          i![f] = n;
        });
        limit = Math.max(...[i.ts, i.sa, i.da, i.dp, i.pr, i.ibyt, i.obyt].map((x) => x ?? 0)) + 1;
        return null;
      }
    }
    if (/^Summary/i.test(line)) {
      done = true;
      return null;
    }
    if (!i) throw new Error('data before the ts,te,… header');
    const c = line.split(',', limit);
    const ts = time(need(c[i.ts!], 'ts'));
    if (!Number.isFinite(ts)) throw new Error(`ts: "${c[i.ts!]}" is not a time`);
    return {
      ts,
      src: need(c[i.sa!], 'sa'),
      dst: need(c[i.da!], 'da'),
      dport: count(c[i.dp!], 'dp'),
      proto: (c[i.pr!] ?? '').toLowerCase(),
      bytesOut: count(c[i.ibyt!], 'ibyt'),
      bytesIn: i.obyt === undefined ? 0 : count(c[i.obyt], 'obyt'),
    };
  };
}


const NFDUMP_HEADER = 'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,in,out,sas,das'.split(',');
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
/** Times as nfdump writes them, and near misses: impossible dates, 24:00, fractions, other separators, years 0000–9999. */
const time = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), two(13), two(32), two(24), two(60), two(60), fc.option(fc.constantFrom('.5', '.123', '.', '.1e3'))).map(([y, mo, d, h, mi, s, f]) => `${String(y).padStart(4, '0')}-${mo}-${d} ${h}:${mi}:${s}${f ?? ''}`) },
  fc.constantFrom('2024-02-29 23:59:59', '2026-02-29 10:00:00', '2000-02-29 00:00:00', '1900-02-29 00:00:00', '2026-03-02T00:17:57', '2026-03-02 00:17', '2026-03-02 00:17:5', '2026-03-02 00:17:57Z', ' 2026-03-02 00:17:57', '-', ''),
  fc.string({ unit: fc.constantFrom(...'0123456789-: .'), maxLength: 22 }),
);
const cell = fc.oneof(fc.constantFrom('-', '', '0', '10.0.0.1', '93.184.216.34', 'TCP', 'udp', '(empty)', '-5', '1e3', 'x'), fc.nat().map(String));
/** A header of nfdump's columns in nfdump's order or shuffled (sometimes without obyt, or with a column twice). */
const header = fc.oneof(
  fc.constant(NFDUMP_HEADER),
  fc.shuffledSubarray(NFDUMP_HEADER, { minLength: 6 }).map((h) => (h[0] === 'ts' ? h : ['ts', ...h.filter((x) => x !== 'ts')])),
  fc.constant([...NFDUMP_HEADER.filter((x) => x !== 'obyt'), 'da']),
);
const file = header.chain((h) =>
  fc.tuple(
    fc.constant(h),
    fc.array(
      fc.tuple(time, fc.array(cell, { minLength: h.length - 1, maxLength: h.length - 1 }), fc.oneof({ weight: 8, arbitrary: fc.constant(h.length) }, fc.nat(h.length + 2))).map(([t, cells, keep]) => {
        const row = h.map((col, n) => (col === 'ts' ? t : cells[n - 1]!));
        return row.slice(0, Math.max(1, keep)).join(',');
      }),
      { maxLength: 30 },
    ),
  ),
);

describe('nfdump CSV: rows read by the header’s shape', () => {
  it('give the records (and errors) the split gave, on random headers, rows and times', () => {
    fc.assert(
      fc.property(file, ([h, rows]) => {
        const r = nfdumpCsv();
        const ref = reference();
        for (const l of [h.join(','), ...rows]) expect(outcome(() => r.read(l))).toEqual(outcome(() => ref(l)));
      }),
      { numRuns: 500 },
    );
  });

  it('rows read from their bytes (the parsing thread’s path) give what read() gives, and read() takes the rest', () => {
    const odd = fc.constantFrom('é', '10.0.0.é', 'TCPé', 'Summary: 3 flows', 'summary', 'ts,x', 'ts,te,sa', '007', '123456789012345', '1234567890123456', 'ICMP6', 'A-LONG-PROTO', `sUMMARY${',0'.repeat(20)}`, `Summary${',0'.repeat(20)}`, `ts${',0'.repeat(20)}`);
    const plain: Record<string, fc.Arbitrary<string>> = { ts: fc.constantFrom('2026-03-02 00:17:57', '2024-02-29 23:59:59', '2026-02-29 00:00:00', '2026-03-02 00:17:57.250'), sa: fc.constantFrom('10.0.0.1', 'fd00::1', 'hôte-é'), da: fc.constantFrom('93.184.216.34', '2001:db8::7'), pr: fc.constantFrom('TCP', 'udp', 'Icmp') };
    const valid = (h: readonly string[]) => fc.tuple(...h.map((col) => plain[col] ?? fc.oneof({ weight: 8, arbitrary: fc.nat().map(String) }, fc.constantFrom('12345678901234567890', '-', '')))).map((c) => c.join(','));
    const lines = file.chain(([h, rows]) => fc.tuple(fc.constant(h), fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(rows.length ? rows : ['-'])) }, { weight: 5, arbitrary: valid(h) }, odd, fc.constant(h.join(','))), { maxLength: 40 })));
    let fromBytes = 0;
    fc.assert(
      fc.property(lines, ([h, rows]) => {
        const r = nfdumpCsv();
        const ref = reference();
        for (const l of [...rows.slice(0, 2), h.join(','), ...rows]) {
          const b = Buffer.from(l, 'utf8');
          const got = outcome(() => {
            const v = r.readBytes!(b, 0, b.length);
            if (v !== undefined) fromBytes++;
            return v === undefined ? r.read(l) : v;
          });
          expect(got).toEqual(outcome(() => ref(l)));
        }
      }),
      { numRuns: 500 },
    );
    expect(fromBytes).toBeGreaterThan(300);
  });

  it('reads nfdump’s own row, leap days and fractions of a second', () => {
    const r = nfdumpCsv();
    r.read(NFDUMP_HEADER.join(','));
    const row = (ts: string) => `${ts},2026-03-02 00:17:59,2.000,10.0.0.10,151.101.1.69,40000,443,TCP,.AP.SF,0,0,10,397418,3,1200,0,0,0,0`;
    expect(r.read(row('2026-03-02 00:17:57'))).toEqual({ ts: 1772410677, src: '10.0.0.10', dst: '151.101.1.69', dport: 443, proto: 'tcp', bytesOut: 397418, bytesIn: 1200 });
    expect(r.read(row('2024-02-29 23:59:59'))!.ts).toBe(Date.parse('2024-02-29T23:59:59Z') / 1000);
    expect(r.read(row('2026-03-02 00:17:57.25'))!.ts).toBe(1772410677.25);
    // As Date.parse reads it (V8: 1 March), through the slow path; month 13 is no time at all.
    expect(r.read(row('2026-02-29 00:00:00'))!.ts).toBe(Date.parse('2026-02-29T00:00:00Z') / 1000);
    expect(() => r.read(row('2026-13-01 00:00:00'))).toThrow('ts: "2026-13-01 00:00:00" is not a time');
  });
});
