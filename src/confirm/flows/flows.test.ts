import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyseFlows } from './flow-files.js';
import type { FlowFormat } from './records.js';
import { header, line, scenario } from './synth.js';
import { beaconScore, robustZ } from './stats.js';

const input = (format: FlowFormat, extra: string[] = []) => {
  const lines = [...header(format), ...[...scenario()].map((f, i) => line(format, f, i)), ...extra];
  return { name: `conn.${format}`, stream: Readable.from([`${lines.join('\n')}\n`]) };
};

describe('flow analytics', () => {
  it('robust z-score and RITA beacon score', () => {
    const z = robustZ([1, 2, 2, 3, 2, 2, 1, 3]);
    expect(z(2)).toBe(0);
    expect(z(40)).toBeGreaterThan(3.5);
    expect(beaconScore([0, 300, 600, 900, 1200, 1500], [512, 512, 512, 512, 512, 512])).toEqual({ score: 1, timing: 1 });
    expect(beaconScore([0, 7, 300, 1900, 2000, 9000], [5, 9000, 40, 7, 100000, 3])!.score).toBeLessThan(0.7);
  });

  for (const format of ['zeek-tsv', 'zeek-json', 'vpc', 'nfdump-csv'] as const) {
    it(`${format}: finds the night burst to a new destination and the beacon, with evidence rows`, async () => {
      const r = await analyseFlows([input(format)]);
      expect(r.skipped).toBe(0);
      expect(r.hosts).toBe(5);
      const kinds = (k: string) => r.findings.filter((f) => f.kind === k);
      const volume = kinds('volume');
      expect(volume.map((f) => f.host)).toEqual(['10.0.0.10']);
      expect(volume[0]!.at).toBe('2026-03-14T02:00:00.000Z');
      expect(volume[0]!.evidence[0]).toMatchObject({ dst: '203.0.113.9', where: expect.stringMatching(/^conn\.[a-z-]+:\d+$/) });
      expect(kinds('new_destination').map((f) => f.destination)).toEqual(['203.0.113.9']);
      expect(kinds('large_transfer').map((f) => f.bytes)).toEqual([700_000_000, 500_000_000].map((b) => (format.startsWith('zeek-') ? b + 400 : b)));
      expect(kinds('off_hours').map((f) => f.host)).toEqual(['10.0.0.10']);
      expect(kinds('beacon').map((f) => `${f.host}>${f.destination}`)).toEqual(['10.0.0.7>198.51.100.20']);
      expect(volume[0]!.suggestedAlert).toMatchObject({ severity: 'high', rule: { id: 'flow/volume' }, hosts: ['10.0.0.10'] });
    });
  }

  it('a broken line is named and skipped; everything else still counts', async () => {
    const ok = await analyseFlows([input('zeek-tsv')]);
    const r = await analyseFlows([input('zeek-tsv', ['1773400000.1\tCx\t10.0.0.10', 'not-a-time\tCy\t10.0.0.10\t1\t1.2.3.4\t443\ttcp\t-\t1\t1\t1\tSF\t-\t-\t0\tS\t1\t1\t1\t1\t-'])]);
    expect(r.records).toBe(ok.records);
    expect(r.skipped).toBe(2);
    expect(r.problems[0]).toMatch(/^conn\.zeek-tsv:\d+: id\.resp_h missing$/);
    expect(r.problems[1]).toMatch(/ts: "not-a-time" is not a time/);
    await expect(analyseFlows([{ name: 'x.txt', stream: Readable.from(['hello world\n']) }])).rejects.toThrow(/x\.txt:1: not a Zeek conn\.log/);
  });

  it('nfdump CSV: times with and without fractions, a bad time named, a line cut short, the summary block ignored', async () => {
    const h = 'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,in,out';
    const row = (ts: string, bytes = '900000000') => `${ts},${ts},0.000,10.0.0.10,203.0.113.9,40000,443,TCP,.AP.SF,0,0,10,${bytes},0,0,0,0`;
    const lines = [h, row('2026-03-14 02:00:05'), row('2026-03-14 02:00:06.250'), row('2026-03-14 02:00:75'), row('2026-03-14T02:01:00'), row('yesterday'), '2026-03-14 02:02:00,x,0,10.0.0.10', 'Summary: total flows: 6', '1,2,3'];
    const r = await analyseFlows([{ name: 'nf.csv', stream: Readable.from([lines.join('\n')]) }]);
    expect(r).toMatchObject({ records: 3, skipped: 3 });
    expect(r.problems).toEqual(['nf.csv:4: ts: "2026-03-14 02:00:75" is not a time', 'nf.csv:6: ts: "yesterday" is not a time', 'nf.csv:7: da missing']);
    const large = r.findings.filter((f) => f.kind === 'large_transfer').map((f) => f.at);
    expect(large).toEqual(['2026-03-14T02:00:05.000Z', '2026-03-14T02:00:06.250Z', '2026-03-14T02:01:00.000Z']);
  });

  it('VPC custom field lists by header; NODATA records skipped', async () => {
    const lines = ['version vpc-id srcaddr dstaddr srcport dstport protocol bytes start end log-status flow-direction', '5 vpc-1 10.0.0.10 203.0.113.9 40000 443 6 900000000 1773453600 1773453660 OK egress', '5 vpc-1 203.0.113.9 10.0.0.10 443 40000 6 900000000 1773453600 1773453660 OK ingress', '5 vpc-1 - - - - - - 1773453600 1773453660 NODATA -'];
    const r = await analyseFlows([{ name: 'vpc.log', stream: Readable.from([lines.join('\n')]) }]);
    expect(r).toMatchObject({ records: 1, skipped: 0 });
    expect(r.findings.map((f) => f.kind).sort()).toEqual(['large_transfer', 'off_hours']);
  });
});
