/**
 * One partition of the people index grouped (people.ts): its distinct values per tag, the links
 * between person-records sharing a link key, the customer rows matched. A pure function of the
 * partition's records in log order, so it runs on any thread — or in any process of the fleet
 * (the distributed merge's people jobs, scan-shards.ts) — and gives the same group.
 */
import { DigestTable, NONE } from './digest-table.js';
import { COMPOSITE_TAGS, MATCH_ONLY_TAGS } from './link-keys.js';

export const CUSTOMER_TAG = 255;

/** One partition's grouping (groupPartition), run where the scan chooses (a worker thread). */
export type PartitionGrouper = (data: Uint32Array, customers: boolean, partition: number) => Promise<PartitionGroup>;

export interface PartitionGroup {
  /** New distinct values per element tag. */
  distinct: Float64Array;
  /** Person-records to link, as pairs: records sharing a strong identifier. */
  links: Uint32Array;
  /** (customer row, person-record) pairs: a customer's strong identifier seen in a record. */
  matches: Uint32Array;
}

/** Bit 31 of a composite key's anchor: the anchor record holds a strong identifier (record ids stay below 2³¹). */
const ANCHOR_STRONG = 0x80000000;

/** This thread's table of the previous partition, emptied and reused by the next (DigestTable.empty). */
let lastTable: DigestTable | null = null;
/** This thread's link pairs of the partition being grouped (at most one pair a record), reused. */
let linkWords: Uint32Array | null = null;

/** Lets the last partition's table go (in-thread grouping keeps one partition-sized table). */
export function releaseGroupTable(): void {
  lastTable = null;
  linkWords = null;
}

/**
 * Group one partition of the values log (records of three words, packHiTag): count its distinct
 * values per tag, pair every later person-record holding a strong identifier with the first one
 * that held it, and, with `customers`, find the customer rows whose identifiers a record holds.
 * A pure function of the partition, so it can run on any thread.
 *
 * Its loop (groupValues) has no property loads or calls in the branches only a duplicate value
 * reaches. `--trace-deopt` on 40 MB mysqldump scans named `table.slot` (a named load) and
 * `table.value(…)` (a call) there: compiled on-stack inside the first partitions, before any
 * duplicate, they had no type feedback, and the optimised code was thrown away at a partition's
 * first duplicate ("Insufficient type feedback"), 2 to 156 times a scan (bench/README.md, issue
 * 21, branches dump21 and dump21b). Now the slot comes back from `upsert`, values are read from
 * the table's typed array, links written into a reused typed array.
 */
export function groupPartition(data: Uint32Array, customers: boolean): PartitionGroup {
  const distinct = new Float64Array(256);
  const records = data.length / 3;
  const table = DigestTable.empty(lastTable, records);
  lastTable = table;
  if (linkWords === null || linkWords.length < 2 * records) linkWords = new Uint32Array(2 * records);
  const nl = groupValues(data, table, linkWords, distinct);
  return { distinct, links: linkWords.slice(0, nl), matches: customers ? customerMatches(data, table) : new Uint32Array(0) };
}

/**
 * groupPartition's loop over the values, apart: its on-stack-replacement code, which V8 re-enters
 * at every partition, ends at `return`. In one function with the result's construction, that code
 * (not seen by the first partition's compile) threw the same optimised code away at the end of
 * every partition (13 times in `bench/scan/group-partitions.mjs`, `--trace-deopt`).
 */
function groupValues(data: Uint32Array, table: DigestTable, links: Uint32Array, distinct: Float64Array): number {
  const vals = table.values;
  let nl = 0;
  for (let i = 0; i < data.length; i += 3) {
    const tag = data[i] & 0xff;
    if (tag === CUSTOMER_TAG) continue;
    const r = data[i + 2];
    // Within a partition every digest's top byte is the same: the other 56 bits identify it.
    const composite = COMPOSITE_TAGS[tag];
    if (composite !== 0) {
      // Anchor rule (link-keys.ts): the slot holds the key's anchor record, bit 31 set once it is a
      // record with a strong identifier. Records without one attach to the anchor; a record with
      // one joins only an anchor without one (and becomes the anchor); two such records never join.
      const strong = composite === 2;
      const mine = strong ? (r | ANCHOR_STRONG) >>> 0 : r;
      const slot = table.upsert(data[i] >>> 8, data[i + 1], mine);
      if (slot < 0) continue;
      const v = vals[slot];
      if ((v & ANCHOR_STRONG) !== 0 && strong) continue;
      links[nl] = (v & ~ANCHOR_STRONG) >>> 0;
      links[nl + 1] = r;
      nl += 2;
      if (strong) vals[slot] = mine;
      continue;
    }
    const slot = table.upsert(data[i] >>> 8, data[i + 1], r);
    if (slot < 0) distinct[tag]++;
    else if (r !== NONE) {
      const v = vals[slot];
      if (v === NONE) vals[slot] = r;
      // A phone keeps its first record for customer matching, and links none (link-keys.ts).
      else if (MATCH_ONLY_TAGS[tag] === 0) {
        links[nl] = v;
        links[nl + 1] = r;
        nl += 2;
      }
    }
  }
  return nl;
}

/** (customer row, person-record) pairs: the customer rows whose strong identifiers the partition's records hold. */
function customerMatches(data: Uint32Array, table: DigestTable): Uint32Array {
  const matches: number[] = [];
  for (let i = 0; i < data.length; i += 3) {
    if ((data[i] & 0xff) !== CUSTOMER_TAG) continue;
    const v = table.get(data[i] >>> 8, data[i + 1]);
    // A composite key's slot holds its anchor record with ANCHOR_STRONG set (known rows match those).
    if (v !== undefined && v !== NONE) matches.push(data[i + 2], (v & ~ANCHOR_STRONG) >>> 0);
  }
  return Uint32Array.from(matches);
}
