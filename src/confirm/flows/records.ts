/**
 * Flow-log records (pure): Zeek conn.log (TSV by its `#fields` header, or JSON lines), AWS VPC
 * Flow Logs (v2 default field order, or a custom field list from the header line S3 delivery
 * writes or from the caller) and NetFlow/IPFIX CSV as nfdump `-o csv` prints it. Field names and
 * orders: shared/reference/detection-containment.md §3 (zeek-docs conn/main.zeek; awsdocs
 * amazon-vpc-user-guide flow-logs.md; nfdump 1.7). Each reader turns one line into a record or
 * null (a header, comment or summary line), or throws a one-line reason for a broken line.
 */
import { zeekJsonScanner } from './zeek-json-scan.js';

export interface FlowRecord {
  /** Start, Unix seconds. */
  ts: number;
  src: string;
  dst: string;
  dport: number;
  proto: string;
  /** Bytes from src to dst (the "out" of src). */
  bytesOut: number;
  bytesIn: number;
}

export type FlowFormat = 'zeek-tsv' | 'zeek-json' | 'vpc' | 'nfdump-csv';

export const VPC_V2_FIELDS = ['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'];

export interface LineReader {
  format: FlowFormat;
  read(line: string): FlowRecord | null;
}

const PROTO: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmp6' };

function count(v: string | undefined, field: string): number {
  if (v === undefined || v === '-' || v === '' || v === '(empty)') return 0;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${field}: "${v.slice(0, 40)}" is not a count`);
  return n;
}

function need(v: string | undefined, field: string): string {
  if (v === undefined || v === '-' || v === '') throw new Error(`${field} missing`);
  return v;
}

/** Zeek TSV: the `#fields` line names the columns; `#separator` may change the tab. */
export function zeekTsv(): LineReader {
  let sep = '\t';
  let idx: Record<string, number> | null = null;
  return {
    format: 'zeek-tsv',
    read(line) {
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
    },
  };
}

/**
 * Zeek JSON lines: flat dotted keys, unset fields omitted, ts epoch seconds or ISO 8601. The fields
 * read come from a line's learned shape (zeek-json-scan.ts), and from `JSON.parse` for lines of a new
 * shape or unusual ones (escapes, nested values, broken JSON): ~440 k → ~600 k records per CPU-second
 * (bench/README.md, flows).
 */
export function zeekJson(): LineReader {
  const scanner = zeekJsonScanner();
  return {
    format: 'zeek-json',
    read(line) {
      let o = scanner.scan(line) as Record<string, unknown> | null;
      if (!o) {
        try {
          o = JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Error('not valid JSON');
        }
        scanner.learn(o);
      }
      return zeekJsonRecord(o);
    },
  };
}

/** The record of a parsed or scanned line (JSON.parse never gives `undefined`: absent is `undefined`). */
export function zeekJsonRecord(o: Record<string, unknown>): FlowRecord {
  const ts = typeof o.ts === 'number' ? o.ts : Date.parse(String(o.ts)) / 1000;
  if (!Number.isFinite(ts)) throw new Error('ts missing or not a time');
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    ts,
    src: need(o['id.orig_h'] as string | undefined, 'id.orig_h'),
    dst: need(o['id.resp_h'] as string | undefined, 'id.resp_h'),
    dport: n(o['id.resp_p']),
    proto: String(o.proto ?? ''),
    bytesOut: n(o.orig_ip_bytes !== undefined ? o.orig_ip_bytes : o.orig_bytes),
    bytesIn: n(o.resp_ip_bytes !== undefined ? o.resp_ip_bytes : o.resp_bytes),
  };
}

/**
 * VPC Flow Logs, space-separated. Each record is one direction on one interface, so bytes are
 * src → dst; NODATA/SKIPDATA records carry no flow and are skipped.
 */
export function vpc(fields: string[] = VPC_V2_FIELDS): LineReader {
  let f = fields;
  let i = index(f);
  return {
    format: 'vpc',
    read(line) {
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
    },
  };
}

/**
 * nfdump `-o csv`: header `ts,te,td,sa,da,sp,dp,pr,…,ibyt,…`, then rows, then a summary block.
 * A row has ~48 columns of which the first 15 are read: splitting only up to the last one read
 * (and parsing a row's time from its minute, cached) took the format from ~330 k to ~490 k records
 * per CPU-second (bench/README.md, flows).
 */
export function nfdumpCsv(): LineReader {
  let i: Record<string, number> | null = null;
  let limit = 0;
  let done = false;
  const minutes = new Map<string, number>();
  return {
    format: 'nfdump-csv',
    read(line) {
      if (done) return null;
      if (line.startsWith('ts,')) {
        const h = line.split(',');
        if (h.includes('sa')) {
          i = index(h);
          limit = Math.max(...[i.ts, i.sa, i.da, i.dp, i.pr, i.ibyt, i.obyt].map((x) => x ?? 0)) + 1;
          return null;
        }
      }
      const first = line.charCodeAt(0);
      if ((first === 83 || first === 115) && /^Summary/i.test(line)) {
        done = true;
        return null;
      }
      if (!i) throw new Error('data before the ts,te,… header');
      const c = line.split(',', limit);
      const ts = nfdumpTime(need(c[i.ts!], 'ts'), minutes);
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
    },
  };
}

const NFDUMP_SECONDS = /^[0-5]\d(\.\d+)?$/;

/** `2026-03-02 00:17:57[.123]` (UTC) as epoch seconds: the minute's value cached, the seconds added; anything else through Date.parse. */
function nfdumpTime(v: string, minutes: Map<string, number>): number {
  if (v.length >= 19 && v.charCodeAt(16) === 58 && NFDUMP_SECONDS.test(v.slice(17))) {
    const key = v.slice(0, 16);
    let m = minutes.get(key);
    if (m === undefined) {
      m = Date.parse(`${key.replace(' ', 'T')}:00Z`) / 1000;
      if (minutes.size > 100_000) minutes.clear();
      // A flat copy as the key: the slice would keep its whole 1 MB read chunk alive (see FlowAnalyser.intern).
      minutes.set(JSON.parse(JSON.stringify(key)) as string, m);
    }
    return m + Number(v.slice(17));
  }
  return Date.parse(`${v.replace(' ', 'T')}Z`) / 1000;
}

function index(fields: string[]): Record<string, number> {
  const r: Record<string, number> = {};
  fields.forEach((f, n) => {
    r[f.replace(/^\$\{|\}$/g, '')] = n;
  });
  return r;
}

/** The reader for a file, from its first non-empty line. */
export function detectReader(firstLine: string, vpcFields?: string[]): LineReader {
  const l = firstLine.trim();
  if (l.startsWith('#')) return zeekTsv();
  if (l.startsWith('{')) return zeekJson();
  if (/^ts,te,/.test(l)) return nfdumpCsv();
  if (/^version\s|^\$\{version\}|srcaddr/.test(l) || /^\d+\s+\S+\s+eni-/.test(l)) return vpc(vpcFields);
  if (vpcFields) return vpc(vpcFields);
  throw new Error('not a Zeek conn.log (TSV or JSON), VPC Flow Log or nfdump CSV');
}
