/**
 * A shard's people-index digests, kept per partition (issue 18 §2, the partitioned merge).
 *
 * Before, a shard's log held every batch's digests and each people job of the merge replayed every
 * shard's whole log to keep its range of the 256 partitions (bench/README.md: 2.4× the merge's CPU
 * in all). Here the shard itself splits its batches' values into the partitions, as the people
 * index would (people.ts addRecord: packHiTag word, low word, record id or NONE), numbering its
 * records with strong identifiers from 0 (shard-local ids), and stores them as DIGEST_BLOCKS
 * blocks of partitions; the batches stay in the log without their values (BatchResult.digested).
 * A people job reads only the blocks of its partitions, from every shard, and lays each
 * partition's values out in the order the one-process replay would log them, the local ids
 * shifted by the records of the shards (or members) before: the same partitions, value for value
 * and id for id, so the same groups and the same report.
 *
 * Groups of an archive's members (scan-plan.ts) interleave in the merge's order (shard-log.ts
 * replayGroups: slot by slot, the member's owner first). So a shard marks, in each partition, where
 * the member slot changes (a MARK triple: no value has tag 255, which only the customer rows use,
 * people-group.ts CUSTOMER_TAG), and its summary says where each slot's records start.
 */
import { deserialize, serialize } from 'node:v8';
import type { BatchResult } from './batch.js';
import { STRONG_TAGS } from './batch.js';
import { NONE } from './digest-table.js';
import { MATCH_ONLY_TAGS } from './link-keys.js';
import { packHiTag, PEOPLE_PARTITIONS, type PeopleIndex } from './people.js';
import { PartitionedLog, type TempDir } from './spill-log.js';

/** Blocks a shard's digests are stored in; a people job reads those of its partitions. */
export const DIGEST_BLOCKS = 16;
export const BLOCK_PARTITIONS = PEOPLE_PARTITIONS / DIGEST_BLOCKS;
/** A partition's word that opens a member slot's values: [MARK, slot, 0]. */
const MARK = 0xffffffff;
const EMPTY = new Uint32Array(0);

/** What a shard's digests need besides the blocks: its records and where each member slot starts. */
export interface DigestSummary {
  /** Records with a strong identifier (shard-local ids 0 … records − 1). */
  records: number;
  /** Per member mark, in order: [slot, first local id of the slot], flat. */
  marks: number[];
}

/** The shard side: batches in, their values split into partitions, the batches returned without them. */
export class DigestSpool {
  readonly #log: PartitionedLog;
  #records = 0;
  #slot = 0;
  /** Per partition: the slot its last value was logged under (a MARK goes first when it changes). */
  readonly #lastSlot = new Int32Array(PEOPLE_PARTITIONS);
  readonly #marks: number[] = [];

  constructor(temp: TempDir, memoryBytes = 16 << 20) {
    this.#log = new PartitionedLog(3, PEOPLE_PARTITIONS, memoryBytes, temp);
  }

  /** `r`'s values into the partitions; returns `r` without them (digested: meta's first word = strong). */
  add(r: BatchResult): BatchResult {
    const values = r.values;
    // The batch is the sink's once merged (scan-read.ts): its meta is rewritten in place, not copied.
    const meta = r.meta;
    const log = this.#log;
    const slot = this.#slot;
    const lastSlot = this.#lastSlot;
    let records = this.#records;
    let v = 0;
    for (let i = 0; i < meta.length; i += 3) {
      const n = meta[i];
      let strong = false;
      for (let k = 0; k < n; k++) if (STRONG_TAGS[values[v + k * 3 + 2]]) strong = true;
      const id = strong ? records++ : NONE;
      for (let k = 0; k < n; k++, v += 3) {
        const hi = values[v];
        const tag = values[v + 2];
        const p = hi >>> 24;
        if (lastSlot[p] !== slot) {
          log.append3(p, MARK, slot, 0);
          lastSlot[p] = slot;
        }
        log.append3(p, packHiTag(hi, tag), values[v + 1], STRONG_TAGS[tag] || MATCH_ONLY_TAGS[tag] ? id : NONE);
      }
      meta[i] = strong ? 1 : 0;
    }
    this.#records = records;
    r.values = EMPTY;
    r.digested = true;
    return r;
  }

  /** Archive member `slot` comes next (ShardLog.member). */
  member(slot: number): void {
    this.#slot = slot;
    this.#marks.push(slot, this.#records);
  }

  summary(): DigestSummary {
    return { records: this.#records, marks: this.#marks.slice() };
  }

  /** The blocks, in order, each its BLOCK_PARTITIONS partitions (v8: typed arrays stay typed); the spool is spent after. */
  *blocks(): Generator<Buffer> {
    try {
      for (let b = 0; b < DIGEST_BLOCKS; b++) {
        const parts: Uint32Array[] = [];
        for (let p = b * BLOCK_PARTITIONS; p < (b + 1) * BLOCK_PARTITIONS; p++) {
          parts.push(this.#log.load(p));
          this.#log.release(p);
        }
        yield serialize(parts);
      }
    } finally {
      this.#log.close();
    }
  }

  close(): void {
    this.#log.close();
  }
}

export function encodeSummary(s: DigestSummary): Buffer {
  return serialize(s);
}

export function decodeSummary(b: Buffer): DigestSummary {
  return deserialize(b) as DigestSummary;
}

/** One shard's digests as the merge reads them. */
export interface DigestSource {
  summary: DigestSummary;
  /** Block `b`'s partitions (DigestSpool.blocks). */
  block(b: number): Promise<Buffer>;
}

/** Per evidence item, in the assessment's order, its shards' digests: ranges one after the other, groups of members interleaved. */
export type DigestItems = { members: boolean; shards: DigestSource[] }[];

/** Where a (shard, slot) segment's records start, locally and in the whole scan. */
interface Segment {
  first: number;
  base: number;
}

/**
 * The global numbering: per item and shard, each slot's first local id and global base, walking
 * the merge's order (shard-log.ts replayItems / replayGroups), so that global id = base + (local − first).
 */
function number(items: DigestItems): { segments: Map<number, Segment>[][]; order: [number, number][][]; records: number } {
  let total = 0;
  const segments: Map<number, Segment>[][] = [];
  const order: [number, number][][] = [];
  for (const item of items) {
    const segs = item.shards.map((s) => {
      const m = new Map<number, Segment & { n: number }>();
      const marks = s.summary.marks;
      const firsts = [0, 0, ...marks];
      for (let k = 0; k < firsts.length; k += 2) {
        const end = k + 2 < firsts.length ? firsts[k + 3]! : s.summary.records;
        m.set(firsts[k]!, { first: firsts[k + 1]!, base: 0, n: end - firsts[k + 1]! });
      }
      return m;
    });
    // [shard, slot] in the merge's order.
    const seq: [number, number][] = [];
    if (!item.members) for (const g of segs.keys()) seq.push([g, 0]);
    else {
      const groups = segs.length;
      const slots = [...new Set(segs.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
      for (const slot of slots) {
        const owner = slot === 0 ? 0 : (slot - 1) % groups;
        for (const g of [owner, ...segs.keys()].filter((g, k) => k === 0 || g !== owner)) if (segs[g]!.has(slot)) seq.push([g, slot]);
      }
    }
    for (const [g, slot] of seq) {
      const s = segs[g]!.get(slot)!;
      s.base = total;
      total += s.n;
    }
    segments.push(segs);
    order.push(seq);
  }
  return { segments, order, records: total };
}

/**
 * The people index's partitions [from, to) laid out from the shards' blocks into `people` (made
 * with those partitions), each value in the one-process replay's order and with its global record
 * id. Reads only the blocks of those partitions; one block of one item's shards in memory at a time.
 */
export async function assembleDigests(items: DigestItems, people: PeopleIndex, partitions: readonly [number, number]): Promise<void> {
  const [from, to] = partitions;
  const { segments, order } = number(items);
  for (let b = Math.floor(from / BLOCK_PARTITIONS); b * BLOCK_PARTITIONS < to; b++) {
    const lo = Math.max(from, b * BLOCK_PARTITIONS);
    const hi = Math.min(to, (b + 1) * BLOCK_PARTITIONS);
    for (const [i, item] of items.entries()) {
      const blocks: Uint32Array[][] = [];
      for (const s of item.shards) blocks.push(deserialize(await s.block(b)) as Uint32Array[]);
      for (let p = lo; p < hi; p++) {
        // Each shard's values of this partition, by slot, then in the merge's order (a range or a
        // whole item has one slot; groups of members interleave).
        const datas = blocks.map((parts) => parts[p - b * BLOCK_PARTITIONS]!);
        const bySlot = datas.map(slotsOf);
        for (const [g, slot] of order[i]!) {
          const range = bySlot[g]!.get(slot);
          const seg = segments[i]![g]!.get(slot)!;
          if (range) people.addLogged(p, datas[g]!, range[0], range[1], seg.base - seg.first);
        }
      }
    }
  }
}

/** A partition's [start, end) word ranges per slot (after each MARK). */
function slotsOf(data: Uint32Array): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  let slot = 0;
  let start = 0;
  for (let i = 0; i <= data.length; i += 3) {
    if (i === data.length || data[i] === MARK) {
      if (i > start) out.set(slot, [start, i]);
      if (i === data.length) break;
      slot = data[i + 1]!;
      start = i + 3;
    }
  }
  return out;
}
