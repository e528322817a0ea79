/**
 * Exfiltration analytics over flow records (pure, streaming): memory grows with distinct hosts,
 * destinations and hours, never with records. Analytics after shared/reference/
 * detection-containment.md §4.6: (1) bytes out per internal host per hour against the host's
 * own baseline, modified z-score on median/MAD; (2) destinations first seen after the learning
 * part of the data, with volume; (3) large single transfers; (4) off-hours volume; (5) beaconing,
 * RITA-style. Every finding carries evidence rows (file:line) and a suggested alert in the
 * generic intake shape (docs/intake.md), so it can be raised as an alert.
 */
import type { FlowRecord } from './records.js';
import { beaconScore, robustZ } from './stats.js';

export interface FlowOptions {
  /** Hourly bytes out a host must reach before its z-score matters (default 100 MB). */
  volumeFloor: number;
  zThreshold: number;
  /** One record this large is a finding by itself (default 500 MB). */
  largeTransfer: number;
  /** Bytes to a first-seen destination that make it a finding (default 10 MB). */
  newDestinationFloor: number;
  /** Fraction of the data's time span that only learns destinations (default 0.5). */
  learnFraction: number;
  /** Working hours [start, end) and days (0 = Sunday) in `timeZone`. */
  workHours: [number, number];
  workDays: number[];
  timeZone: string;
  offHoursFloor: number;
  beaconThreshold: number;
  /** Timestamps kept per pair for beaconing (a cap, so memory stays bounded). */
  beaconSample: number;
}

export const DEFAULT_FLOW_OPTIONS: FlowOptions = {
  volumeFloor: 100e6,
  zThreshold: 3.5,
  largeTransfer: 500e6,
  newDestinationFloor: 10e6,
  learnFraction: 0.5,
  workHours: [7, 19],
  workDays: [1, 2, 3, 4, 5],
  timeZone: 'UTC',
  offHoursFloor: 50e6,
  beaconThreshold: 0.8,
  beaconSample: 2000,
};

export interface Evidence {
  at: string;
  src: string;
  dst: string;
  dport: number;
  proto: string;
  bytesOut: number;
  where: string;
}

export type FindingKind = 'volume' | 'new_destination' | 'large_transfer' | 'off_hours' | 'beacon';

export interface Finding {
  kind: FindingKind;
  host: string;
  destination: string | null;
  at: string;
  bytes: number;
  score: number;
  summary: string;
  evidence: Evidence[];
  suggestedAlert: { title: string; severity: 'low' | 'medium' | 'high'; time: string; rule: { id: string; name: string }; hosts: string[]; ips: string[] };
}

export interface FlowReport {
  version: 1;
  records: number;
  outbound: number;
  skipped: number;
  problems: string[];
  hosts: number;
  from: string | null;
  to: string | null;
  findings: Finding[];
}

/** Evidence rows kept per group (host-hour, pair, host-day): the largest ones. */
const KEEP = 3;

type Agg = { bytes: number; top: Row[] };
const newAgg = (): Agg => ({ bytes: 0, top: [] });

function slot<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
}

/** Kept compact (numbers and shared strings): the ISO time and file:line are made at report time. */
const toRow = (ts: number, src: string, dst: string, dport: number, proto: string, bytes: number, file: string, line: number): Row => ({ ts, src, dst, dport, proto, bytes, file, line });

const toEvidence = (r: Row): Evidence => ({ at: iso(r.ts), src: r.src, dst: r.dst, dport: r.dport, proto: r.proto, bytesOut: r.bytes, where: `${r.file}:${r.line}` });
const HOUR = 3600;
const iso = (s: number) => new Date(s * 1000).toISOString();

type Row = { ts: number; src: string; dst: string; dport: number; proto: string; bytes: number; file: string; line: number };
/** The few largest rows of a group (evidence), kept in a tiny sorted array. */
function keepTop(list: Row[], row: Row): void {
  if (list.length < KEEP) {
    list.push(row);
    list.sort((a, b) => b.bytes - a.bytes);
  } else if (row.bytes > list[KEEP - 1]!.bytes) {
    list[KEEP - 1] = row;
    list.sort((a, b) => b.bytes - a.bytes);
  }
}

export interface Address {
  flat: string;
  internal: boolean;
  hours: Map<number, Agg> | undefined;
  pairs: Map<string, Pair> | undefined;
  offDays: Map<number, Agg> | undefined;
}

interface Pair {
  first: number;
  bytes: number;
  times: number[];
  sizes: number[];
  seen: number;
  top: Row[];
}

export class FlowAnalyser {
  private readonly opts: FlowOptions;
  private readonly hostHours = new Map<string, Map<number, { bytes: number; top: Row[] }>>();
  private readonly pairs = new Map<string, Map<string, Pair>>();
  private readonly offHours = new Map<string, Map<number, { bytes: number; top: Row[] }>>();
  private readonly large: Row[] = [];
  private readonly hourInfo = new Map<number, boolean>();
  private readonly workHour: Intl.DateTimeFormat;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  records = 0;
  outbound = 0;
  skipped = 0;
  readonly problems: string[] = [];

  constructor(
    private readonly isInternal: (ip: string) => boolean,
    opts: Partial<FlowOptions> = {},
  ) {
    this.opts = { ...DEFAULT_FLOW_OPTIONS, ...opts };
    this.workHour = new Intl.DateTimeFormat('en-GB', { timeZone: this.opts.timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' });
  }

  /** A broken line: counted and named (the first 20), the analysis goes on. */
  problem(where: string, reason: string): void {
    this.skipped++;
    if (this.problems.length < 20) this.problems.push(`${where}: ${reason}`);
  }

  /**
   * One flat copy per distinct address. A field split from a 1 MB read chunk is a V8 "sliced
   * string" that keeps the whole chunk alive; kept as a map key or evidence row, it made memory
   * grow with the input (a 120 MB log needed > 96 MB of heap; bench/README.md).
   */
  private readonly strings = new Map<string, string>();
  intern(v: string): string {
    let k = this.strings.get(v);
    if (k === undefined) {
      k = JSON.parse(JSON.stringify(v)) as string;
      if (this.strings.size < 1_000_000) this.strings.set(k, k);
    }
    return k;
  }

  /**
   * What is known of an address: its flat copy (see intern), whether it is internal, and as a
   * source its rows of the three maps below. One lookup a record's address instead of five
   * (internal? twice, intern twice, then each map by the source): ≈ 15 % of a Zeek TSV run's
   * profile went to those (bench/README.md, flows). Bounded as intern is; past the bound each
   * record gets a fresh flat copy, as from intern, and its maps' rows are found by slot.
   */
  private readonly addresses = new Map<string, Address>();
  address(v: string): Address {
    let a = this.addresses.get(v);
    if (a === undefined) {
      a = { flat: JSON.parse(JSON.stringify(v)) as string, internal: this.isInternal(v), hours: undefined, pairs: undefined, offDays: undefined };
      if (this.addresses.size < 1_000_000) this.addresses.set(a.flat, a);
    }
    return a;
  }

  /** `r` is a reader's record: counted, and analysed when it goes from an internal host out. */
  add(r: FlowRecord, file: string, lineNo: number): void {
    this.records++;
    if (r.bytesOut <= 0) return;
    const src = this.address(r.src);
    if (!src.internal) return;
    const dst = this.address(r.dst);
    if (dst.internal) return;
    this.addOutbound(src, dst, this.intern(r.proto), r.ts, r.bytesOut, r.dport, file, lineNo);
  }

  /**
   * One internal → external record with bytes out (what `add` keeps), its addresses already
   * looked up and its protocol interned: the parsing thread sends these (flow-batch.ts).
   * `records` is counted by the caller.
   */
  addOutbound(src: Address, dst: Address, proto: string, ts: number, b: number, dport: number, file: string, lineNo: number): void {
    this.outbound++;
    if (ts < this.min) this.min = ts;
    if (ts > this.max) this.max = ts;
    const hour = Math.floor(ts / HOUR);
    const s = src.flat;
    const d = dst.flat;
    // Nested maps, not concatenated keys: no string built per record (bench/README.md, flows).
    // The outer maps keep their insertion order (the findings' order among equals), so a row is made by slot as before.
    src.hours ??= slot(this.hostHours, s, () => new Map<number, Agg>());
    const h = slot(src.hours, hour, newAgg);
    h.bytes += b;
    if (h.top.length < KEEP || b > h.top[KEEP - 1]!.bytes) keepTop(h.top, toRow(ts, s, d, dport, proto, b, file, lineNo));

    src.pairs ??= slot(this.pairs, s, () => new Map<string, Pair>());
    const p = slot(src.pairs, d, () => ({ first: ts, bytes: 0, times: [], sizes: [], seen: 0, top: [] }) as Pair);
    if (ts < p.first) p.first = ts;
    p.bytes += b;
    p.seen++;
    if (p.times.length < this.opts.beaconSample) {
      p.times.push(ts);
      p.sizes.push(b);
    }
    if (p.top.length < KEEP || b > p.top[KEEP - 1]!.bytes) keepTop(p.top, toRow(ts, s, d, dport, proto, b, file, lineNo));

    if (b >= this.opts.largeTransfer) this.large.push(toRow(ts, s, d, dport, proto, b, file, lineNo));

    if (this.offHour(hour)) {
      const day = Math.floor(ts / 86400);
      src.offDays ??= slot(this.offHours, s, () => new Map<number, Agg>());
      const o = slot(src.offDays, day, newAgg);
      o.bytes += b;
      if (o.top.length < KEEP || b > o.top[KEEP - 1]!.bytes) keepTop(o.top, toRow(ts, s, d, dport, proto, b, file, lineNo));
    }
  }

  private offHoursIn(day: number): number {
    let n = 0;
    for (let h = day * 24; h < day * 24 + 24; h++) if (this.offHour(h)) n++;
    return n;
  }

  private offHour(hour: number): boolean {
    let off = this.hourInfo.get(hour);
    if (off === undefined) {
      const parts = this.workHour.formatToParts(new Date(hour * HOUR * 1000));
      const h = Number(parts.find((x) => x.type === 'hour')?.value ?? 0);
      const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.find((x) => x.type === 'weekday')?.value ?? '');
      off = !this.opts.workDays.includes(wd) || h < this.opts.workHours[0] || h >= this.opts.workHours[1];
      this.hourInfo.set(hour, off);
    }
    return off;
  }

  report(): FlowReport {
    const o = this.opts;
    const findings: Finding[] = [];
    for (const [host, hours] of this.hostHours) {
      // The baseline is every hour of the host's active span, quiet hours (0 bytes) included.
      const keys = [...hours.keys()];
      const first = Math.min(...keys);
      const last = Math.max(...keys);
      const series: number[] = [];
      for (let t = first; t <= last; t++) series.push(hours.get(t)?.bytes ?? 0);
      if (series.length < 6) continue;
      const z = robustZ(series);
      for (const [t, h] of hours) {
        const m = z(h.bytes);
        if (h.bytes >= o.volumeFloor && m > o.zThreshold) {
          findings.push(finding('volume', host, null, t * HOUR, h.bytes, Math.min(99, m), `${host} sent ${mb(h.bytes)} out in the hour from ${iso(t * HOUR)}, modified z-score ${m === Number.POSITIVE_INFINITY ? '∞' : m.toFixed(1)} against its own hours`, h.top));
        }
      }
    }
    const learnedUntil = this.min + (this.max - this.min) * o.learnFraction;
    for (const [host, dsts] of this.pairs)
      for (const [dst, p] of dsts) {
      if (this.max > this.min && p.first > learnedUntil && p.bytes >= o.newDestinationFloor) {
        findings.push(finding('new_destination', host, dst, p.first, p.bytes, 1, `${host} sent ${mb(p.bytes)} to ${dst}, first seen ${iso(p.first)} (after the learning period to ${iso(learnedUntil)})`, p.top));
      }
      const b = p.seen >= 4 ? beaconScore(p.times, p.sizes) : null;
      if (b !== null && b.score >= o.beaconThreshold && b.timing >= o.beaconThreshold) {
        findings.push(finding('beacon', host, dst, p.first, p.bytes, b.score, `${host} → ${dst}: ${p.seen} connections at regular intervals and sizes, beacon score ${b.score} (RITA-style)`, p.top));
      }
      }
    for (const r of this.large) findings.push(finding('large_transfer', r.src, r.dst, r.ts, r.bytes, 1, `${r.src} sent ${mb(r.bytes)} to ${r.dst}:${r.dport} in one flow`, [r]));
    // Off-hours volume against the host's own off-hours days (a night-shift server is not news).
    for (const [host, byDay] of this.offHours) {
      const days = [...byDay];
      const first = Math.min(...days.map(([d]) => d));
      const last = Math.max(...days.map(([d]) => d));
      // Per off-hour rates: a weekend day has twice the off-hours of a weekday.
      const rate = (d: number, bytes: number) => bytes / Math.max(1, this.offHoursIn(d));
      const totals = new Map(days.map(([d, x]) => [d, rate(d, x.bytes)]));
      const series: number[] = [];
      for (let d = first; d <= last; d++) series.push(totals.get(d) ?? 0);
      const z = robustZ(series);
      for (const [day, d] of days) {
        const m = z(rate(day, d.bytes));
        if (d.bytes < o.offHoursFloor || (series.length >= 3 && m <= o.zThreshold)) continue;
        findings.push(finding('off_hours', host, null, day * 86400, d.bytes, Math.min(99, m), `${host} sent ${mb(d.bytes)} out outside working hours (${o.workHours[0]}:00–${o.workHours[1]}:00 ${o.timeZone}) on ${iso(day * 86400).slice(0, 10)}, against its own off-hours days`, d.top));
      }
    }
    findings.sort((a, b) => b.bytes - a.bytes || a.at.localeCompare(b.at));
    return {
      version: 1,
      records: this.records,
      outbound: this.outbound,
      skipped: this.skipped,
      problems: this.problems,
      hosts: this.hostHours.size,
      from: Number.isFinite(this.min) ? iso(this.min) : null,
      to: Number.isFinite(this.max) ? iso(this.max) : null,
      findings,
    };
  }
}

const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

const NAMES: Record<FindingKind, [string, 'low' | 'medium' | 'high']> = {
  volume: ['Unusual outbound volume from host', 'high'],
  new_destination: ['Data sent to a first-seen destination', 'medium'],
  large_transfer: ['Large single outbound transfer', 'medium'],
  off_hours: ['Outbound volume outside working hours', 'medium'],
  beacon: ['Beaconing to an external host', 'medium'],
};

function finding(kind: FindingKind, host: string, dst: string | null, atS: number, bytes: number, score: number, summary: string, top: Row[]): Finding {
  const [name, severity] = NAMES[kind];
  const evidence = top.map(toEvidence);
  return {
    kind,
    host,
    destination: dst,
    at: iso(atS),
    bytes,
    score: Math.round(score * 1000) / 1000,
    summary,
    evidence,
    suggestedAlert: { title: `${name}: ${host}${dst ? ` → ${dst}` : ''}`, severity, time: iso(atS), rule: { id: `flow/${kind}`, name }, hosts: [host], ips: [host, ...(dst ? [dst] : [])] },
  };
}
