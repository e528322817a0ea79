/**
 * NetFlow/IPFIX CSV as nfdump `-o csv` prints it (pure; nfdump 1.7, shared/reference/
 * detection-containment.md §3): a header line naming the columns, rows, then a summary block.
 */
import { columnIndex, count, countDigits, need } from './fields.js';
import type { FlowRecord, LineReader } from './records.js';

/**
 * nfdump `-o csv`: header `ts,te,td,sa,da,sp,dp,pr,…,ibyt,…`, then rows, then a summary block.
 * A row has ~48 columns of which the first 15 are read: splitting only up to the last one read
 * (and parsing a row's time from its minute, cached) took the format from ~330 k to ~490 k records
 * per CPU-second. Each row is now read by one regular expression built from the header's column
 * order, capturing only the columns read (a row of fewer columns goes to the split): ≈ 180 ns a
 * row instead of ≈ 500 for the split (bench/README.md, flows).
 */
export function nfdumpCsv(): LineReader {
  let i: Record<string, number> | null = null;
  let limit = 0;
  let shape: { re: RegExp; groups: number[] } | null = null;
  let done = false;
  const minutes = new Map<string, number>();
  /** For readBytes: the field (TS … OBYT) each column up to `limit` is, or -1; where each field starts and ends. */
  let slots = new Int8Array(0);
  const starts = new Int32Array(7);
  const ends = new Int32Array(7);
  const protos = new Map<number, string>();
  const record = (ts: string | undefined, sa: string | undefined, da: string | undefined, dp: string | undefined, pr: string | undefined, ibyt: string | undefined, obyt: string | undefined | null): FlowRecord => {
    const t = nfdumpTime(need(ts, 'ts'), minutes);
    if (!Number.isFinite(t)) throw new Error(`ts: "${ts}" is not a time`);
    return {
      ts: t,
      src: need(sa, 'sa'),
      dst: need(da, 'da'),
      dport: digits(dp, 'dp'),
      proto: (pr ?? '').toLowerCase(),
      bytesOut: digits(ibyt, 'ibyt'),
      bytesIn: obyt === null ? 0 : digits(obyt, 'obyt'),
    };
  };
  return {
    format: 'nfdump-csv',
    read(line) {
      if (done) return null;
      if (line.startsWith('ts,')) {
        const h = line.split(',');
        if (h.includes('sa')) {
          i = columnIndex(h);
          limit = Math.max(...[i.ts, i.sa, i.da, i.dp, i.pr, i.ibyt, i.obyt].map((x) => x ?? 0)) + 1;
          shape = nfdumpShape(i, limit);
          slots = new Int8Array(limit).fill(-1);
          [i.ts, i.sa, i.da, i.dp, i.pr, i.ibyt, i.obyt].forEach((col, f) => {
            if (col !== undefined) slots[col] = f;
          });
          return null;
        }
      }
      const first = line.charCodeAt(0);
      if ((first === 83 || first === 115) && /^Summary/i.test(line)) {
        done = true;
        return null;
      }
      if (!i) throw new Error('data before the ts,te,… header');
      const m = shape?.re.exec(line);
      if (m) {
        const g = shape!.groups;
        return record(m[g[0]!], m[g[1]!], m[g[2]!], m[g[3]!], m[g[4]!], m[g[5]!], i.obyt === undefined ? null : m[g[6]!]);
      }
      const c = line.split(',', limit);
      return record(c[i.ts!], c[i.sa!], c[i.da!], c[i.dp!], c[i.pr!], c[i.ibyt!], i.obyt === undefined ? null : c[i.obyt]);
    },
    /**
     * A row the shape's expression reads, from its bytes: commas walked up to the last column
     * read, no string made of the line or of the columns not read (≈ 20 % of the parsing thread
     * went to decoding each chunk, slicing its lines and the expression). The same record as
     * `read`: any header or summary line, non-ASCII byte, short row, or column `read` would
     * convert otherwise than the plain form here (empty, `-`, a count that is not 1–15 digits, a
     * time not found finite) is left to `read`. Equality with `read`: fast-check, nfdump.test.ts.
     */
    readBytes(b, s, e) {
      if (done || !shape) return undefined;
      const c0 = b[s];
      if (c0 === 116 || c0 === 83 || c0 === 115) return undefined;
      let col = 0;
      let from = s;
      for (let p = s; ; p++) {
        const c = p < e ? b[p]! : 44;
        if (c === 44) {
          const f = slots[col]!;
          if (f >= 0) {
            starts[f] = from;
            ends[f] = p;
          }
          if (++col === limit) break;
          if (p >= e) return undefined;
          from = p + 1;
        } else if (c > 127) return undefined;
      }
      const t = timeAt(b, starts[0]!, ends[0]!, minutes);
      const dport = digitsAt(b, starts[3]!, ends[3]!);
      const bytesOut = digitsAt(b, starts[5]!, ends[5]!);
      const bytesIn = i!.obyt === undefined ? 0 : digitsAt(b, starts[6]!, ends[6]!);
      if (!Number.isFinite(t) || dport < 0 || bytesOut < 0 || bytesIn < 0 || !present(b, starts[1]!, ends[1]!) || !present(b, starts[2]!, ends[2]!)) return undefined;
      return { ts: t, src: b.toString('latin1', starts[1]!, ends[1]!), dst: b.toString('latin1', starts[2]!, ends[2]!), dport, proto: protoAt(b, starts[4]!, ends[4]!, protos), bytesOut, bytesIn };
    },
  };
}

/** Not what `need` rejects: empty or `-`. */
const present = (b: Uint8Array, s: number, e: number) => e > s && !(e === s + 1 && b[s] === 45);

/** 1–15 ASCII digits as their number (exact, as `count` gives it), else -1. */
function digitsAt(b: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 15) return -1;
  let x = 0;
  for (let p = s; p < e; p++) {
    const d = b[p]! - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
}

/** nfdumpTime of an ASCII column (NaN where `read` would say why: empty, `-`, not a time). */
function timeAt(b: Buffer, s: number, e: number, minutes: Map<string, number>): number {
  if (!present(b, s, e)) return Number.NaN;
  if (e - s === 19) {
    const t = secondsAt(b, s);
    if (!Number.isNaN(t)) return t;
  }
  return nfdumpTime(b.toString('latin1', s, e), minutes);
}

/** An ASCII protocol in lower case (`read`'s `toLowerCase`), the short ones kept by their bytes. */
function protoAt(b: Buffer, s: number, e: number, protos: Map<number, string>): string {
  if (e - s > 6) return b.toString('latin1', s, e).toLowerCase();
  let key = e - s;
  for (let p = s; p < e; p++) key = key * 256 + b[p]!;
  let v = protos.get(key);
  if (v === undefined) {
    v = b.toString('latin1', s, e).toLowerCase();
    if (protos.size < 1000) protos.set(key, v);
  }
  return v;
}

/** `count`, from the digits when it is 1–15 of them (fields.ts; the regular expression's captures nearly always are). */
const digits = (v: string | undefined, field: string): number => (v === undefined ? count(v, field) : countDigits(v, field));

/**
 * `^f0,f1,…` up to column `limit - 1`, capturing the columns read: on a row of at least `limit`
 * columns each capture is exactly that column of `split(',', limit)`. `groups` gives, for ts, sa,
 * da, dp, pr, ibyt and obyt in that order, the number of its capture (0 for obyt when the header
 * has none: m[0] is never read for it). Null when a column read is missing (the split path names it).
 */
function nfdumpShape(i: Record<string, number>, limit: number): { re: RegExp; groups: number[] } | null {
  const read = [i.ts, i.sa, i.da, i.dp, i.pr, i.ibyt, i.obyt];
  if (read.slice(0, 6).some((x) => x === undefined)) return null;
  const captured = [...new Set(read.filter((x): x is number => x !== undefined))].sort((x, y) => x - y);
  const cells = Array.from({ length: limit }, (_, col) => (captured.includes(col) ? '([^,]*)' : '[^,]*'));
  return { re: new RegExp(`^${cells.join(',')}`), groups: read.map((col) => (col === undefined ? 0 : captured.indexOf(col) + 1)) };
}

const NFDUMP_SECONDS = /^[0-5]\d(\.\d+)?$/;

/** Two ASCII digits at `at` as a number, or -1. */
function d2(b: Uint8Array, at: number): number {
  const x = b[at]! - 48;
  const y = b[at + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
 * Date Algorithms", days_from_civil), for the fast path of nfdumpTime: integer arithmetic, exact.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The epoch seconds of the minute `YYYY-MM-DD HH:MM` at `b[at…]`, or NaN when it is not one that
 * Date.parse reads the same way (then the caller's slower path decides).
 */
function minuteAt(b: Uint8Array, at: number): number {
  if (b[at + 4] !== 45 || b[at + 7] !== 45 || b[at + 10] !== 32 || b[at + 13] !== 58) return Number.NaN;
  const hi = d2(b, at);
  const lo = d2(b, at + 2);
  const mo = d2(b, at + 5);
  const d = d2(b, at + 8);
  const h = d2(b, at + 11);
  const mi = d2(b, at + 14);
  if (hi < 0 || lo < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
  const y = hi * 100 + lo;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!)) return Number.NaN;
  return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

/** `YYYY-MM-DD HH:MM:SS` at `b[at…]` as epoch seconds, or NaN (nfdumpTime's other paths decide). */
function secondsAt(b: Uint8Array, at: number): number {
  if (b[at + 16] !== 58) return Number.NaN;
  const s = d2(b, at + 17);
  return s >= 0 && s <= 59 ? minuteAt(b, at) + s : Number.NaN;
}

/** The first 19 UTF-16 units of `v` as bytes for minuteAt/secondsAt (a unit above 255 as 0: neither digit nor separator, as before). */
const scratch = new Uint8Array(19);
function bytesOf(v: string): Uint8Array {
  for (let k = 0; k < 19; k++) {
    const c = v.charCodeAt(k);
    scratch[k] = c < 256 ? c : 0;
  }
  return scratch;
}

/**
 * `2026-03-02 00:17:57[.123]` (UTC) as epoch seconds: the minute's value computed from its digits
 * (formerly Date.parse of the minute, cached by its text: ≈ 9 % of a run's profile) and the
 * seconds added; anything else through Date.parse, as before.
 */
function nfdumpTime(v: string, minutes: Map<string, number>): number {
  if (v.length >= 19 && v.charCodeAt(16) === 58) {
    if (v.length === 19) {
      const t = secondsAt(bytesOf(v), 0);
      if (!Number.isNaN(t)) return t;
    }
    if (NFDUMP_SECONDS.test(v.slice(17))) {
      const key = v.slice(0, 16);
      let m = minuteAt(bytesOf(v), 0);
      if (Number.isNaN(m)) {
        const cached = minutes.get(key);
        if (cached !== undefined) m = cached;
        else {
          m = Date.parse(`${key.replace(' ', 'T')}:00Z`) / 1000;
          if (minutes.size > 100_000) minutes.clear();
          // A flat copy as the key: the slice would keep its whole 1 MB read chunk alive (see FlowAnalyser.intern).
          minutes.set(JSON.parse(JSON.stringify(key)) as string, m);
        }
      }
      return m + Number(v.slice(17));
    }
  }
  return Date.parse(`${v.replace(' ', 'T')}Z`) / 1000;
}
