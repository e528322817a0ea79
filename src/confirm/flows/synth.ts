/**
 * Synthetic flow logs for tests and benchmarks (deterministic): a quiet baseline of internal
 * hosts talking to a few external services, plus planted incidents — an exfiltration burst to a
 * new destination at night, and a beacon. Lines in Zeek TSV, Zeek JSON, VPC v2 or nfdump CSV.
 */
import type { FlowFormat } from './records.js';

export interface SynthFlow {
  ts: number;
  src: string;
  dst: string;
  dport: number;
  bytesOut: number;
  bytesIn: number;
}

const ZEEK_FIELDS = ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'duration', 'orig_bytes', 'resp_bytes', 'conn_state', 'local_orig', 'local_resp', 'missed_bytes', 'history', 'orig_pkts', 'orig_ip_bytes', 'resp_pkts', 'resp_ip_bytes', 'tunnel_parents'];

export function header(format: FlowFormat): string[] {
  if (format === 'zeek-tsv') return ['#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tconn', `#fields\t${ZEEK_FIELDS.join('\t')}`, `#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]`];
  if (format === 'nfdump-csv') return ['ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,in,out,sas,das,smk,dmk,dtos,dir,nh,nhb,svln,dvln,ismc,odmc,idmc,osmc,mpls1,mpls2,mpls3,mpls4,mpls5,mpls6,mpls7,mpls8,mpls9,mpls10,cl,sl,al,ra,eng,exid,tr'];
  return [];
}

const pad = (n: number) => String(n).padStart(2, '0');
function nfTime(s: number): string {
  const d = new Date(s * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function line(format: FlowFormat, f: SynthFlow, i: number): string {
  switch (format) {
    case 'zeek-tsv':
      return [f.ts.toFixed(6), `C${i}`, f.src, 40000 + (i % 20000), f.dst, f.dport, 'tcp', '-', '1.5', f.bytesOut, f.bytesIn, 'SF', '-', '-', 0, 'ShADadFf', 10, f.bytesOut + 400, 8, f.bytesIn + 300, '-'].join('\t');
    case 'zeek-json':
      return JSON.stringify({ ts: f.ts, uid: `C${i}`, 'id.orig_h': f.src, 'id.orig_p': 40000, 'id.resp_h': f.dst, 'id.resp_p': f.dport, proto: 'tcp', orig_bytes: f.bytesOut, resp_bytes: f.bytesIn, conn_state: 'SF', orig_ip_bytes: f.bytesOut + 400, resp_ip_bytes: f.bytesIn + 300 });
    case 'vpc':
      return `2 123456789010 eni-1235b8ca123456789 ${f.src} ${f.dst} ${40000 + (i % 20000)} ${f.dport} 6 20 ${f.bytesOut} ${Math.floor(f.ts)} ${Math.floor(f.ts) + 60} ACCEPT OK`;
    case 'nfdump-csv':
      return `${nfTime(f.ts)},${nfTime(f.ts + 2)},2.000,${f.src},${f.dst},40000,${f.dport},TCP,.AP.SF,0,0,10,${f.bytesOut},0,0,0,0,0,0,0,0,0,0,0.0.0.0,0.0.0.0,0,0,00:00:00:00:00:00,00:00:00:00:00:00,00:00:00:00:00:00,00:00:00:00:00:00,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0-0-0,0.000,0.000,0.000,0.0.0.0,0/0,1,1970-01-01 00:00:00.000`;
  }
}

/** Fourteen days from Monday 2026-03-02 00:00 UTC; `perHour` baseline flows per host-hour. */
export function* scenario(opts: { hosts?: number; days?: number; perHour?: number } = {}): Generator<SynthFlow> {
  const hosts = opts.hosts ?? 4;
  const days = opts.days ?? 14;
  const perHour = opts.perHour ?? 3;
  const start = Date.UTC(2026, 2, 2) / 1000;
  const services = ['93.184.216.34', '151.101.1.69', '140.82.112.3'];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let h = 0; h < days * 24; h++) {
    for (let k = 0; k < hosts; k++) {
      // Irregular human traffic: 0 … 2×perHour flows an hour, to any of the services.
      const flows = Math.floor(rnd() * 2 * perHour + 0.5);
      for (let n = 0; n < flows; n++) {
        yield { ts: start + h * 3600 + Math.floor(rnd() * 3600), src: `10.0.0.${10 + k}`, dst: services[Math.floor(rnd() * services.length)]!, dport: 443, bytesOut: 200_000 + Math.floor(rnd() * 200_000), bytesIn: 2_000_000 };
      }
    }
    // A beacon: every 300 s, 512 bytes, from 10.0.0.7 to 198.51.100.20, all along.
    for (let b = 0; b < 12; b++) yield { ts: start + h * 3600 + b * 300, src: '10.0.0.7', dst: '198.51.100.20', dport: 8443, bytesOut: 512, bytesIn: 128 };
    // The burst: Saturday of week two, 02:00 UTC, 10.0.0.10 sends 1.2 GB to a never-seen host.
    if (h === 12 * 24 + 2) {
      yield { ts: start + h * 3600 + 60, src: '10.0.0.10', dst: '203.0.113.9', dport: 443, bytesOut: 700_000_000, bytesIn: 10_000 };
      yield { ts: start + h * 3600 + 900, src: '10.0.0.10', dst: '203.0.113.9', dport: 443, bytesOut: 500_000_000, bytesIn: 10_000 };
    }
  }
}
