/**
 * Flow-log records (pure): Zeek conn.log (TSV by its `#fields` header, or JSON lines), AWS VPC
 * Flow Logs (v2 default field order, or a custom field list from the header line S3 delivery
 * writes or from the caller) and NetFlow/IPFIX CSV as nfdump `-o csv` prints it. Field names and
 * orders: shared/reference/detection-containment.md §3 (zeek-docs conn/main.zeek; awsdocs
 * amazon-vpc-user-guide flow-logs.md; nfdump 1.7). Each reader turns one line into a record or
 * null (a header, comment or summary line), or throws a one-line reason for a broken line.
 */
import { need } from './fields.js';
import { nfdumpCsv } from './nfdump.js';
import { vpc } from './vpc.js';
import { zeekJsonScanner } from './zeek-json-scan.js';
import { zeekTsv } from './zeek-tsv.js';

export { nfdumpCsv } from './nfdump.js';
export { VPC_V2_FIELDS, vpc } from './vpc.js';
export { zeekTsv } from './zeek-tsv.js';

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

export interface LineReader {
  format: FlowFormat;
  read(line: string): FlowRecord | null;
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
