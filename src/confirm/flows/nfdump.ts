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
  };
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
function d2(v: string, at: number): number {
  const a = v.charCodeAt(at) - 48;
  const b = v.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
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
 * The epoch seconds of the minute `YYYY-MM-DD HH:MM` at the start of `v`, or NaN when it is not
 * one that Date.parse reads the same way (then the caller's slower path decides).
 */
function minuteOf(v: string): number {
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 32 || v.charCodeAt(13) !== 58) return Number.NaN;
  const hi = d2(v, 0);
  const lo = d2(v, 2);
  const mo = d2(v, 5);
  const d = d2(v, 8);
  const h = d2(v, 11);
  const mi = d2(v, 14);
  if (hi < 0 || lo < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
  const y = hi * 100 + lo;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!)) return Number.NaN;
  return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

/**
 * `2026-03-02 00:17:57[.123]` (UTC) as epoch seconds: the minute's value computed from its digits
 * (formerly Date.parse of the minute, cached by its text: ≈ 9 % of a run's profile) and the
 * seconds added; anything else through Date.parse, as before.
 */
function nfdumpTime(v: string, minutes: Map<string, number>): number {
  if (v.length >= 19 && v.charCodeAt(16) === 58) {
    if (v.length === 19) {
      const s = d2(v, 17);
      const m = s >= 0 && s <= 59 ? minuteOf(v) : Number.NaN;
      if (!Number.isNaN(m)) return m + s;
    }
    if (NFDUMP_SECONDS.test(v.slice(17))) {
      const key = v.slice(0, 16);
      let m = minuteOf(key);
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
