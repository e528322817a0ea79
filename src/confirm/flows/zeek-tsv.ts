/**
 * Zeek conn.log TSV (pure): the `#fields` line names the columns, `#separator` may change the tab
 * (zeek-docs, logs/index "Zeek TSV format"; shared/reference/detection-containment.md §3).
 *
 * A data line is read by one regular expression built from the header: the columns up to the last
 * one read, capturing only the seven read (ts, id.orig_h, id.resp_h, id.resp_p, proto and the two
 * byte counts), their numbers taken from their digits (fields.ts). A conn.log line has 21 columns;
 * `split` made a string of each (≈ 40 % of a run's profile with the conversions), and splitting
 * only up to the last column read saved 2 % (it is the 20th). A line with fewer columns, or a
 * separator that is not one character, goes to the split as before, which also
 * names what is wrong with a broken line. Equality with the split reader: fast-check, zeek-tsv.test.ts.
 */
import { count, countDigits, decimal, need } from './fields.js';
import type { FlowRecord, LineReader } from './records.js';

type Columns = Record<string, number>;

/** The byte-count columns read: the IP-level counts when the log has them (they include headers). */
const outColumn = (idx: Columns) => idx.orig_ip_bytes ?? idx.orig_bytes;
const inColumn = (idx: Columns) => idx.resp_ip_bytes ?? idx.resp_bytes;

/** One line by `split`: the reader as it was, and the path of every line the shape does not match. */
function splitRecord(line: string, sep: string, idx: Columns): FlowRecord {
  const c = line.split(sep);
  const ob = outColumn(idx);
  const rb = inColumn(idx);
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
}

interface Shape {
  re: RegExp;
  /** Capture numbers of ts, id.orig_h, id.resp_h, id.resp_p, proto, bytes out, bytes in; 0: no such column. */
  g: number[];
}

/**
 * `^c0 SEP c1 SEP …` up to the last column read, capturing the columns read: on a line of at least
 * that many columns each capture is exactly that element of `split(sep)` (`[^SEP]*` stops at the
 * next separator). Null when ts or an address column is missing (the split names the problem) or
 * the separator is not one UTF-16 unit.
 */
function shapeOf(idx: Columns, sep: string): Shape | null {
  if (sep.length !== 1) return null;
  const read = [idx.ts, idx['id.orig_h'], idx['id.resp_h'], idx['id.resp_p'], idx.proto, outColumn(idx), inColumn(idx)];
  if (read.slice(0, 3).some((x) => x === undefined)) return null;
  const captured = [...new Set(read.filter((x): x is number => x !== undefined))].sort((a, b) => a - b);
  const s = `\\u${sep.charCodeAt(0).toString(16).padStart(4, '0')}`;
  const cells = Array.from({ length: captured.at(-1)! + 1 }, (_, col) => (captured.includes(col) ? `([^${s}]*)` : `[^${s}]*`));
  return { re: new RegExp(`^${cells.join(s)}`), g: read.map((col) => (col === undefined ? 0 : captured.indexOf(col) + 1)) };
}

/** The header lines: `#separator \x09` (escaped), `#fields ts uid …` (split by the separator). */
function header(line: string, state: { sep: string; idx: Columns | null }): void {
  if (line.startsWith('#separator ')) state.sep = line.slice(11).trim().replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  else if (line.startsWith('#fields')) {
    const idx: Columns = {};
    line
      .split(state.sep)
      .slice(1)
      .forEach((f, i) => {
        idx[f] = i;
      });
    state.idx = idx;
  }
}

export function zeekTsv(): LineReader {
  const state: { sep: string; idx: Columns | null } = { sep: '\t', idx: null };
  let shape: Shape | null = null;
  return {
    format: 'zeek-tsv',
    read(line) {
      if (line.startsWith('#')) {
        header(line, state);
        // Either line changes the shape (a #separator after #fields splits the data by the new one).
        shape = state.idx ? shapeOf(state.idx, state.sep) : null;
        return null;
      }
      if (!state.idx) throw new Error('data before the #fields header');
      const m = shape?.re.exec(line);
      if (!m) return splitRecord(line, state.sep, state.idx);
      const g = shape!.g;
      const t = m[g[0]!]!;
      const ts = decimal(t);
      if (!Number.isFinite(ts)) throw new Error(`ts: "${t.slice(0, 40)}" is not a time`);
      // The fields in the split path's order, so a broken line names the same first problem.
      return {
        ts,
        src: need(m[g[1]!], 'id.orig_h'),
        dst: need(m[g[2]!], 'id.resp_h'),
        dport: g[3] ? countDigits(m[g[3]]!, 'id.resp_p') : 0,
        proto: g[4] ? m[g[4]]! : '',
        bytesOut: g[5] ? countDigits(m[g[5]]!, 'orig_ip_bytes') : 0,
        bytesIn: g[6] ? countDigits(m[g[6]]!, 'resp_ip_bytes') : 0,
      };
    },
  };
}
