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
  /**
   * The line at `b[start, end)` (its newline and CR left out) read from its bytes, without making
   * it a string: exactly what `read` gives for the decoded line, or `undefined` when the line is
   * one for `read` (a header, a broken or unusual line: `read` names what is wrong).
   */
  readBytes?(b: Buffer, start: number, end: number): FlowRecord | null | undefined;
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
      const r = scanner.scanRecord(line, valuesRecord);
      if (r) return r;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error('not valid JSON');
      }
      scanner.learn(o);
      return zeekJsonRecord(o);
    },
  };
}

/** The record of a parsed line (JSON.parse never gives `undefined`: absent is `undefined`). */
export const zeekJsonRecord = (o: Record<string, unknown>): FlowRecord => fieldsRecord(o.ts, o['id.orig_h'], o['id.resp_h'], o['id.resp_p'], o.proto, o.orig_bytes, o.orig_ip_bytes, o.resp_bytes, o.resp_ip_bytes);

const valuesRecord = (v: ArrayLike<unknown>): FlowRecord => fieldsRecord(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The record of a line's values of the fields read (zeek-json-scan.ts FIELDS, in that order). */
function fieldsRecord(ts0: unknown, origH: unknown, respH: unknown, respP: unknown, proto: unknown, origBytes: unknown, origIpBytes: unknown, respBytes: unknown, respIpBytes: unknown): FlowRecord {
  const ts = typeof ts0 === 'number' ? ts0 : Date.parse(String(ts0)) / 1000;
  if (!Number.isFinite(ts)) throw new Error('ts missing or not a time');
  return {
    ts,
    src: need(origH as string | undefined, 'id.orig_h'),
    dst: need(respH as string | undefined, 'id.resp_h'),
    dport: num(respP),
    proto: String(proto ?? ''),
    bytesOut: num(origIpBytes !== undefined ? origIpBytes : origBytes),
    bytesIn: num(respIpBytes !== undefined ? respIpBytes : respBytes),
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
