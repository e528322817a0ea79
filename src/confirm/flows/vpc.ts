/**
 * AWS VPC Flow Logs (pure), space-separated: the v2 default field order, or a custom field list
 * from the header line S3 delivery writes (`version account-id …`) or from the caller (awsdocs
 * amazon-vpc-user-guide, flow-logs.md "Flow log records"; shared/reference/detection-containment.md
 * §3). Each record is one direction on one interface, so bytes are src → dst; NODATA/SKIPDATA
 * records carry no flow and are skipped, and so are ingress records when the log says the direction.
 *
 * A data line is read by one regular expression built from the field list: exactly that many
 * fields, one space apart, capturing the ones read, their numbers from their digits (fields.ts).
 * `trim().split(/\s+/)` made a string of each of the 14 fields and ran a RegExp split (with the
 * conversions ≈ 40 % of a run's profile). Any other line — other whitespace, another field count,
 * a header — goes to the split as before, which also names what is wrong with a broken line.
 * Equality with the split reader: fast-check, vpc.test.ts.
 */
import { columnIndex, count, countDigits, need } from './fields.js';
import type { FlowRecord, LineReader } from './records.js';

export const VPC_V2_FIELDS = ['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'];

/** IANA protocol numbers VPC writes, by name. */
const PROTO: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmp6' };

type Columns = Record<string, number>;

interface Shape {
  re: RegExp;
  /** Capture numbers of srcaddr, dstaddr, dstport, protocol, bytes, start, log-status, flow-direction; 0: none. */
  g: number[];
}

/** Null when a field read is missing from the list (the split path says what that gives). */
function shapeOf(fields: string[], i: Columns): Shape | null {
  const read = [i.srcaddr, i.dstaddr, i.dstport, i.protocol, i.bytes, i.start, i['log-status'], i['flow-direction']];
  if (read.slice(0, 6).some((x) => x === undefined)) return null;
  const captured = [...new Set(read.filter((x): x is number => x !== undefined))].sort((a, b) => a - b);
  const cells = fields.map((_, col) => (captured.includes(col) ? '(\\S+)' : '\\S+'));
  return { re: new RegExp(`^${cells.join(' ')}$`), g: read.map((col) => (col === undefined ? 0 : captured.indexOf(col) + 1)) };
}

export function vpc(fields: string[] = VPC_V2_FIELDS): LineReader {
  let f = fields;
  let i = columnIndex(f);
  let shape = shapeOf(f, i);
  /** One line by `trim().split(/\s+/)`: the reader as it was, and the path of every line the shape does not take. */
  const split = (line: string): FlowRecord | null => {
    const c = line.trim().split(/\s+/);
    if (c[0] === 'version' || c.includes('srcaddr')) {
      f = c;
      i = columnIndex(f);
      shape = shapeOf(f, i);
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
  return {
    format: 'vpc',
    read(line) {
      // A header (first field `version`, or a field `srcaddr`) is the split's to recognise.
      const m = line.charCodeAt(0) === 118 || line.includes('srcaddr') ? null : shape?.re.exec(line);
      if (!m) return split(line);
      const g = shape!.g;
      const status = g[6] ? m[g[6]] : 'OK';
      if (status === 'NODATA' || status === 'SKIPDATA') return null;
      if (g[7] && m[g[7]] === 'ingress') return null;
      // The fields in the split path's order, so a broken line names the same first problem.
      const ts = countDigits(m[g[5]!]!, 'start');
      const p = m[g[3]!]!;
      return {
        ts,
        src: need(m[g[0]!], 'srcaddr'),
        dst: need(m[g[1]!], 'dstaddr'),
        dport: countDigits(m[g[2]!]!, 'dstport'),
        proto: PROTO[p] ?? p,
        bytesOut: countDigits(m[g[4]!]!, 'bytes'),
        bytesIn: 0,
      };
    },
  };
}
