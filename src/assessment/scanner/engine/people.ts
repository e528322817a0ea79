/**
 * Exact distinct values and distinct people with bounded memory, for inputs of any size.
 *
 * Every valid value found becomes a 64-bit keyed SipHash-2-4 blind-index digest (keyed-siphash.ts,
 * key random per scan) and is appended, with its element tag and — for strong identifiers — the id
 * of its person-record, to a hash-partitioned spill log (spill-log.ts). At the end each partition
 * is grouped in memory on its own: distinct digests per element give `distinctValues`; a digest
 * seen in two person-records links them (union-find over records, union-find.ts).
 *
 * People rule ("strong-identifiers"): records sharing any link key are one person, transitively —
 * a strong identifier (e-mail, card, SSN/ITIN, national ID) or a composite of weak ones (name +
 * phone, name + birth date, name + address; a lone phone only between records with nothing
 * else): link-keys.ts. A phone is logged with its record (MATCH_ONLY_TAGS) so customers can be
 * matched on it, but never links. A record with personal data but no link key is its own
 * individual only when it names a person. Jurisdiction hints ('US-CA',
 * 'US', 'DE') of linked records are pooled per person; a person counts once in each jurisdiction,
 * 'US' only when no US state is known for them, 'unknown' when nothing is known.
 */
import { NONE } from './digest-table.js';
import { CUSTOMER_TAG, groupPartition, type PartitionGroup, type PartitionGrouper, releaseGroupTable } from './people-group.js';
import { PartitionedLog, type TempDir } from './spill-log.js';
import type { SpillStore } from './spill-store.js';
import { createUnionFind } from './union-find.js';
import { MATCH_ONLY_TAGS } from './link-keys.js';
import { CUSTOMER_BY_PHONE, CustomerMatches, KNOWN_ROW_BASE } from './customer-matches.js';

export { CUSTOMER_TAG, groupPartition, type PartitionGroup, type PartitionGrouper };

export const INDIVIDUALS_METHOD = 'strong-identifiers';
export { CUSTOMER_BY_PHONE, KNOWN_ROW_BASE };
export const PEOPLE_PARTITIONS = 256;
const PARTITIONS = PEOPLE_PARTITIONS;

export interface PeopleOptions {
  /** In-memory budget of the value log before it spills to temp files (default 32 MiB). */
  valueMemoryBytes?: number;
  /** Person-records kept in the in-memory union-find (default 16 M = 64 MiB). */
  unionFindMemoryCap?: number;
  /**
   * Only the values of digest partitions [from, to) are logged (default all 256): a people job of
   * the distributed merge groups its range of partitions (group); the report job logs none and
   * finishes from the jobs' groups (finish with their grouper). Record ids, counts and hints do
   * not depend on it, so every job numbers the records as one scan does.
   */
  partitions?: readonly [from: number, to: number];
  /** Keep no jurisdiction hints (a people job: it never counts people). */
  noHints?: boolean;
}

export interface PeopleResult {
  individuals: number;
  jurisdictions: Record<string, number>;
  /** Distinct values per element tag. */
  distinct: Map<number, number>;
  /** Distinct leaked individuals linked to a customer row, and those customer rows (0-based). */
  matchedIndividuals: number;
  matchedCustomerRows: number[];
  /** Known rows (addKnownValue, 0-based) whose value a leaked record holds. */
  matchedKnownRows: number[];
}

export class PeopleIndex {
  readonly #values: PartitionedLog;
  readonly #hints: PartitionedLog;
  readonly #spill: SpillStore;
  readonly #ufCap: number;
  readonly #from: number;
  readonly #to: number;
  readonly #noHints: boolean;
  readonly #codes = new Map<string, number>();
  readonly #codeNames: string[] = [];
  #records = 0;
  #valueCount = 0;
  /** Customer values added (addCustomerValue): without any, finish() skips the matching pass. */
  #customerValues = 0;
  #standalone = 0;
  #standaloneWithHint = 0;
  /** Per hint code: people on their own (named records without a strong identifier) counted there. */
  readonly #standaloneByCode: number[] = [];
  /** Per hint code: the code of its country for a subdivision ('US-CA' → 'US', 'CA-QC' → 'CA'), else -1 (countPerson's rule). */
  readonly #parentOf: number[] = [];

  constructor(temp: TempDir, spill: SpillStore, opts: PeopleOptions = {}) {
    const mem = opts.valueMemoryBytes ?? 32 << 20;
    this.#values = new PartitionedLog(3, PARTITIONS, mem, temp);
    this.#hints = new PartitionedLog(2, 1, Math.max(1 << 16, mem >> 3), temp);
    this.#spill = spill;
    this.#ufCap = opts.unionFindMemoryCap ?? 16_000_000;
    [this.#from, this.#to] = opts.partitions ?? [0, PARTITIONS];
    this.#noHints = opts.noHints ?? false;
  }

  /** Values appended so far (the scan groups small indexes in its own thread). */
  get values(): number {
    return this.#valueCount;
  }

  get spilledBytes(): number {
    return this.#values.spilledBytes + this.#hints.spilledBytes;
  }

  /**
   * One record with personal data. `values` holds (hi, lo, tag) triples from `from`, `count` of
   * them; `strong[tag]` says which tags are strong identifiers. Its jurisdiction hints are
   * `hints[hFrom .. hFrom + hCount)`, as codes from `hintCode` (numbers, not strings: they cross
   * from the worker threads by the million).
   */
  addRecord(
    values: Uint32Array,
    from: number,
    count: number,
    strong: Uint8Array,
    hints: ArrayLike<number>,
    hFrom: number,
    hCount: number,
    named: boolean,
  ): void {
    let isStrong = false;
    for (let i = 0; i < count; i++) if (strong[values[from + i * 3 + 2]]) isStrong = true;
    const r = isStrong ? this.#records : NONE;
    const log = this.#values;
    const lo = this.#from;
    const hiP = this.#to;
    this.#valueCount += count;
    for (let i = 0; i < count; i++) {
      const o = from + i * 3;
      const hi = values[o];
      const p = hi >>> 24;
      if (p < lo || p >= hiP) continue;
      const tag = values[o + 2];
      log.append3(p, packHiTag(hi, tag), values[o + 1], strong[tag] || MATCH_ONLY_TAGS[tag] ? r : NONE);
    }
    this.addPresence(isStrong, hints, hFrom, hCount, named);
  }

  /**
   * One record whose values were logged elsewhere (a shard's digest blocks, shard-digests.ts):
   * what addRecord does besides logging them — the record's id if it holds a strong identifier,
   * its hints, or its count as a person on its own. The ids are the ones addRecord would give.
   */
  addPresence(isStrong: boolean, hints: ArrayLike<number>, hFrom: number, hCount: number, named: boolean): void {
    const r = isStrong ? this.#records++ : NONE;
    if (this.#noHints) return;
    if (isStrong) {
      for (let k = hFrom; k < hFrom + hCount; k++) this.#hints.append2(0, r, hints[k]);
    } else if (named) {
      this.#standalone++;
      if (hCount > 0) this.#standaloneWithHint++;
      countPerson(hints, hFrom, hFrom + hCount, this.#parentOf, this.#standaloneByCode);
    }
  }

  /**
   * Values as a shard logged them (shard-digests.ts: packHiTag's word, the low word, the shard's
   * record id or NONE; words [start, end) of `data`) into partition `p`, when this index keeps `p`,
   * the record ids shifted by `delta` to the scan's: the people jobs' assembly.
   */
  addLogged(p: number, data: Uint32Array, start: number, end: number, delta: number): void {
    if (p >= this.#from && p < this.#to) this.#values.appendShifted(p, data, start, end, delta, NONE);
  }

  /** A strong identifier of customer row `row` (0-based), for matching. */
  addCustomerValue(hi: number, lo: number, row: number): void {
    const p = hi >>> 24;
    if (p >= this.#from && p < this.#to) this.#values.append3(p, packHiTag(hi, CUSTOMER_TAG), lo, row);
    this.#customerValues++;
  }

  /** A value of known row `row` (canary records: canaries.ts), matched like a customer's but reported apart. */
  addKnownValue(hi: number, lo: number, row: number): void {
    this.addCustomerValue(hi, lo, KNOWN_ROW_BASE + row);
  }

  /** The code of a jurisdiction hint ('US-CA', 'DE'), for `addRecord`. */
  hintCode(h: string): number {
    let c = this.#codes.get(h);
    if (c === undefined) {
      c = this.#codeNames.length;
      this.#codes.set(h, c);
      this.#codeNames.push(h);
      this.#parentOf.push(-1);
      // A subdivision's country gets a code of its own (counted only if some record names it bare).
      if (SUBDIVISION.test(h)) this.#parentOf[c] = this.hintCode(h.slice(0, 2));
    }
    return c;
  }

  /**
   * Group only this index's partitions (PeopleOptions.partitions), in order, without counting
   * people: a people job's share of the distributed merge. The index is closed after.
   */
  async group(group: PartitionGrouper = async (data, customers) => groupPartition(data, customers)): Promise<PartitionGroup[]> {
    const customers = this.#customerValues > 0;
    try {
      const out: PartitionGroup[] = [];
      for (let p = this.#from; p < this.#to; p++) {
        out.push(await group(this.#values.load(p), customers, p));
        this.#values.release(p);
      }
      return out;
    } finally {
      releaseGroupTable();
      this.#values.close();
      this.#hints.close();
    }
  }

  /**
   * Group every partition and count. `group` does one partition's grouping (groupPartition): the
   * scan hands it to its worker threads, `window` partitions at a time, while this thread loads
   * the next partitions and applies the links in partition order (the sets, and so every count,
   * do not depend on that order anyway). In one thread the grouping was ≈ 0.5 s of the 1 GB CSV's
   * serial end (bench/README.md, 2026-11-27, fourth session).
   */
  async finish(group: PartitionGrouper = async (data, customers) => groupPartition(data, customers), window = 1): Promise<PeopleResult> {
    const uf = createUnionFind(this.#records, this.#ufCap, this.#spill);
    try {
      // Per tag, in an array: a Map update per new digest was ≈ 15 % of this pass (bench/README.md).
      const distinctByTag = new Float64Array(256);
      const matches = new CustomerMatches();
      // Records ever linked to another (both sides of every successful union): every member of a
      // set of two or more records is one, so an unmarked record is a person on its own.
      const linked = new Uint32Array((this.#records + 31) >>> 5);
      const customers = this.#customerValues > 0;
      const apply = (g: PartitionGroup) => {
        for (let t = 0; t < 256; t++) distinctByTag[t] += g.distinct[t];
        const links = g.links;
        for (let i = 0; i < links.length; i += 2) {
          const a = links[i];
          const b = links[i + 1];
          if (uf.union(a, b)) {
            linked[a >>> 5] |= 1 << (a & 31);
            linked[b >>> 5] |= 1 << (b & 31);
          }
        }
        matches.add(g.matches);
      };
      const pending: Promise<PartitionGroup>[] = [];
      for (let p = 0; p < PARTITIONS; p++) {
        pending.push(group(this.#values.load(p), customers, p));
        this.#values.release(p);
        if (pending.length >= Math.max(1, window)) apply(await pending.shift()!);
      }
      while (pending.length > 0) apply(await pending.shift()!);
      matches.finish();
      const individuals = this.#records - uf.unions + this.#standalone;
      const jurisdictions = this.#jurisdictions(uf.find.bind(uf), linked, individuals);
      const matchedRoots = new Set(matches.records.map((r) => uf.find(r)));
      return {
        individuals,
        jurisdictions,
        distinct: new Map([...distinctByTag].flatMap((n, tag) => (n > 0 ? [[tag, n] as [number, number]] : []))),
        matchedIndividuals: matchedRoots.size,
        matchedCustomerRows: [...matches.rows].sort((a, b) => a - b),
        matchedKnownRows: [...matches.knownRows].sort((a, b) => a - b),
      };
    } finally {
      // In-thread grouping (no worker threads) kept a partition-sized table here: let it go.
      releaseGroupTable();
      uf.close();
      this.#values.close();
      this.#hints.close();
    }
  }

  #jurisdictions(find: (r: number) => number, linked: Uint32Array, individuals: number): Record<string, number> {
    let withHint = this.#standaloneWithHint;
    // People per hint code: the codes stand for their names one to one, so counting by code and
    // naming at the end gives resolveSubdivisions's counts without a Set and an array per person (this pass
    // was ≈ 5 % of a customers-us scan's CPU, one person per row: issue 21).
    const byCode = this.#standaloneByCode.slice();
    const parentOf = this.#parentOf;
    /** A person's hints, once all are known. */
    const count = (codes: number[], n: number) => {
      withHint++;
      countPerson(codes, 0, n, parentOf, byCode);
    };
    // A record linked to no other is a person on its own: its hints (consecutive in the log, which
    // is in record order) are counted as they come. Only linked records' hints are re-keyed by
    // person (root) into partitions and grouped by sorting: on the 1 GB CSV that sort was most of
    // this pass for a few thousand linked records (bench/README.md, 2026-11-27, fourth session).
    const byRoot = new PartitionedLog(2, 64, 32 << 20, this.#values.temp);
    try {
      // The current unlinked record and its first `aloneN` codes (the array is reused, not resized).
      let alone = -1;
      const aloneCodes: number[] = [];
      let aloneN = 0;
      for (const chunk of this.#hints.chunks(0)) {
        for (let i = 0; i < chunk.length; i += 2) {
          const r = chunk[i];
          if (linked[r >>> 5] & (1 << (r & 31))) {
            const root = find(r);
            byRoot.append2(root & 63, root, chunk[i + 1]);
            continue;
          }
          if (r !== alone) {
            if (aloneN > 0) count(aloneCodes, aloneN);
            aloneN = 0;
            alone = r;
          }
          aloneCodes[aloneN++] = chunk[i + 1];
        }
      }
      if (aloneN > 0) count(aloneCodes, aloneN);
      for (let p = 0; p < 64; p++) {
        const data = byRoot.load(p);
        const keys = new Float64Array(data.length / 2);
        for (let i = 0; i < keys.length; i++) keys[i] = data[i * 2] * 65536 + data[i * 2 + 1];
        keys.sort();
        let i = 0;
        while (i < keys.length) {
          const root = Math.floor(keys[i] / 65536);
          let j = i + 1;
          while (j < keys.length && Math.floor(keys[j] / 65536) === root) j++;
          const codes: number[] = [];
          for (let k = i; k < j; k++) codes.push(keys[k] % 65536);
          count(codes, codes.length);
          i = j;
        }
        byRoot.release(p);
      }
    } finally {
      byRoot.close();
    }
    const jur: [string, number][] = [];
    for (let c = 0; c < this.#codeNames.length; c++) if (byCode[c] > 0) jur.push([this.#codeNames[c], byCode[c]]);
    const out: Record<string, number> = {};
    for (const [k, v] of jur.sort(([a], [b]) => a.localeCompare(b))) out[k] = v;
    out.unknown = individuals - withHint;
    return out;
  }
}

/**
 * A value's first log word: its digest's high word without the top byte (the partition, hi >>> 24,
 * which every record of a partition shares) and its element tag (< 256) in the low byte. Twelve
 * bytes a value instead of sixteen: the log is what a large scan writes to and reads back from
 * disk (bench/README.md, 2026-11-27, fourth session).
 */
export function packHiTag(hi: number, tag: number): number {
  return ((hi << 8) | tag) >>> 0;
}

/** An ISO 3166-2 subdivision code ('US-CA', 'CA-QC'): its country is the first two letters. */
const SUBDIVISION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
/** Above this many hints a person's codes are de-duplicated with a Set, not pairwise. */
const PAIRWISE_MAX = 16;

/**
 * Count one person in each of its jurisdictions, codes[from … to − 1] (hint codes, possibly
 * repeated): every distinct code once, a bare country ('US', 'CA') only when none of its
 * subdivisions ('US-TX', 'CA-QC') is among them — what resolveSubdivisions does to the codes'
 * names, on numbers (`counts[code]++`). A person in 'CA-QC' is also within 'CA' for the rules
 * (obligations/jurisdictions.ts isWithin), so counting them in both would count them twice there.
 * No allocation: one subdivision's country is the common case (a US state), others are looked up.
 */
export function countPerson(codes: ArrayLike<number>, from: number, to: number, parentOf: readonly number[], counts: number[]): void {
  let parent = -1;
  let several = false;
  for (let k = from; k < to; k++) {
    const p = parentOf[codes[k]];
    if (p < 0) continue;
    if (parent < 0) parent = p;
    else if (p !== parent) several = true;
  }
  const seen = to - from > PAIRWISE_MAX ? new Set<number>() : null;
  next: for (let k = from; k < to; k++) {
    const c = codes[k];
    if (parent >= 0 && parentOf[c] < 0) {
      if (c === parent) continue;
      if (several) for (let j = from; j < to; j++) if (parentOf[codes[j]] === c) continue next;
    }
    if (seen !== null) {
      if (seen.has(c)) continue;
      seen.add(c);
    } else for (let j = from; j < k; j++) if (codes[j] === c) continue next;
    counts[c] = (counts[c] ?? 0) + 1;
  }
}

/** Drop a bare country when one of its subdivisions is known for the same person ('US' with 'US-NY'). */
export function resolveSubdivisions(codes: Set<string>): string[] {
  const out = [...codes];
  return out.filter((c) => !(c.length === 2 && out.some((d) => d.length > 3 && d.startsWith(`${c}-`) && SUBDIVISION.test(d))));
}
