/**
 * Where a distributed scan's shard logs are kept (issue 18 §2–3): rows of `assessment_shard_parts`
 * in the database by default; with an object store configured (BREACHDESK_S3_BUCKET) the parts
 * themselves are blobs there (`scans/<assessment>/<seq>/<attempt>/<part>`) and the rows only name
 * them (`blob:<key>`), so the database does not carry gigabytes of digests through its WAL and
 * every worker of the fleet reads what the others wrote. Either way a part is encrypted here
 * (keyring AES-256-GCM, bound to its assessment and shard): it holds blind-index digests and the
 * un-masked values behind the samples, and the store never sees them in the clear.
 */
import type { Kysely } from 'kysely';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { BlobStore } from '../platform/storage/blob-store.js';
import type { AssessmentDatabase, AssessmentShardsTable } from './assessment.tables.js';
import type { ShardItems } from './scan-evidence.js';
import type { ShardUnit } from './scan-plan.js';
import { decodeSummary, type DigestItems, type DigestSummary, encodeSummary } from './scanner/engine/shard-digests.js';

const BLOB = 'blob:';
/** A shard's digest blocks are its parts DIGEST_PART + b (its log's parts count from 0; DIGEST_BLOCKS blocks), their summary SUMMARY_PART. */
const DIGEST_PART = 1_000_000;
const SUMMARY_PART = DIGEST_PART - 1;

export interface PartsFilter {
  seq?: number | number[];
  attempt?: string;
  /** Every attempt but this one. */
  otherThan?: string;
  /** Only seqs below this one (the people jobs' groups: negative seqs, scan-shards.ts). */
  below?: number;
}

export class ShardParts {
  constructor(
    private readonly db: Kysely<AssessmentDatabase>,
    private readonly keyring: Keyring,
    /** The shared object store, or null for the database. */
    private readonly blobs: BlobStore | null,
  ) {}

  get where(): 'database' | 'object store' {
    return this.blobs ? 'object store' : 'database';
  }

  async put(id: string, seq: number, attempt: string, part: number, data: Buffer): Promise<void> {
    const enc = this.keyring.encrypt(data.toString('base64'), `assessment:${id}:shard:${seq}`);
    let ref = enc;
    if (this.blobs) {
      const key = `scans/${id}/${seq}/${attempt}/${part}`;
      await this.blobs.put(key, Readable.from([Buffer.from(enc)]));
      ref = `${BLOB}${key}`;
    }
    await this.db.insertInto('assessment_shard_parts').values({ assessment_id: id, seq, attempt, part, data_enc: ref }).execute();
  }

  async get(id: string, seq: number, attempt: string, part: number): Promise<Buffer> {
    const row = await this.db.selectFrom('assessment_shard_parts').select('data_enc').where('assessment_id', '=', id).where('seq', '=', seq).where('attempt', '=', attempt).where('part', '=', part).executeTakeFirstOrThrow();
    const enc = row.data_enc.startsWith(BLOB) && this.blobs ? (await buffer(await this.blobs.stream(row.data_enc.slice(BLOB.length)))).toString() : row.data_enc;
    return Buffer.from(this.keyring.decrypt(enc, `assessment:${id}:shard:${seq}`), 'base64');
  }

  /** Per evidence item, its shards' logs: ranges one after the other, groups of members interleaved (shard-log.ts). */
  logs(id: string, shards: AssessmentShardsTable[]): ShardItems {
    const items = new Map<number, ShardItems[number]>();
    for (const s of shards) {
      const item = s.item ?? s.seq;
      const entry = items.get(item) ?? { members: isMembers(s), logs: [] };
      entry.logs.push(this.#log(id, s));
      items.set(item, entry);
    }
    return [...items.values()];
  }

  async *#log(id: string, s: AssessmentShardsTable): AsyncGenerator<Buffer> {
    for (let i = 0; i < (s.parts ?? 0); i++) yield await this.get(id, s.seq, s.attempt!, i);
  }

  /**
   * A shard's digests (engine/shard-digests.ts), stored as parts of its attempt past its log's: the
   * summary, then one part per block of partitions, so a people job fetches only its blocks.
   */
  async putDigests(id: string, seq: number, attempt: string, summary: DigestSummary, blocks: Iterable<Buffer>): Promise<void> {
    await this.put(id, seq, attempt, SUMMARY_PART, encodeSummary(summary));
    let b = 0;
    for (const block of blocks) await this.put(id, seq, attempt, DIGEST_PART + b++, block);
  }

  /** Per evidence item, its shards' digests (the partitioned merge), in the order of `logs`. */
  async digests(id: string, shards: AssessmentShardsTable[]): Promise<DigestItems> {
    const items = new Map<number, DigestItems[number]>();
    for (const s of shards) {
      const item = s.item ?? s.seq;
      const entry = items.get(item) ?? { members: isMembers(s), shards: [] };
      const summary = decodeSummary(await this.get(id, s.seq, s.attempt!, SUMMARY_PART));
      entry.shards.push({ summary, block: (b) => this.get(id, s.seq, s.attempt!, DIGEST_PART + b) });
      items.set(item, entry);
    }
    return [...items.values()];
  }

  /** The (seq, attempt) of part 0 of each seq in [from, below), one attempt per seq (the people jobs' groups). */
  async seqs(id: string, f: { from: number; below: number }): Promise<{ seq: number; attempt: string }[]> {
    const rows = await this.db.selectFrom('assessment_shard_parts').select(['seq', 'attempt']).where('assessment_id', '=', id).where('seq', '>=', f.from).where('seq', '<', f.below).where('part', '=', 0).orderBy('seq').orderBy('attempt').execute();
    const out = new Map<number, string>();
    for (const r of rows) if (!out.has(Number(r.seq))) out.set(Number(r.seq), r.attempt);
    return [...out].map(([seq, attempt]) => ({ seq, attempt }));
  }

  /**
   * Claims a step of an assessment once across the fleet: an empty row at `seq` (a negative seq no
   * part uses), inserted by whoever comes first; true for that one. Removed with the parts.
   */
  async claim(id: string, seq: number): Promise<boolean> {
    const r = await this.db.insertInto('assessment_shard_parts').values({ assessment_id: id, seq, attempt: 'claim', part: 0, data_enc: '' }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Removes the parts of an assessment (those of some shards or attempts), blobs first. */
  async remove(id: string, f: PartsFilter = {}): Promise<void> {
    let q = this.db.selectFrom('assessment_shard_parts').select('data_enc').where('assessment_id', '=', id);
    let d = this.db.deleteFrom('assessment_shard_parts').where('assessment_id', '=', id);
    if (typeof f.seq === 'number') {
      q = q.where('seq', '=', f.seq);
      d = d.where('seq', '=', f.seq);
    } else if (f.seq) {
      if (f.seq.length === 0) return;
      q = q.where('seq', 'in', f.seq);
      d = d.where('seq', 'in', f.seq);
    }
    if (f.below !== undefined) {
      q = q.where('seq', '<', f.below);
      d = d.where('seq', '<', f.below);
    }
    if (f.attempt) {
      q = q.where('attempt', '=', f.attempt);
      d = d.where('attempt', '=', f.attempt);
    }
    if (f.otherThan) {
      q = q.where('attempt', '!=', f.otherThan);
      d = d.where('attempt', '!=', f.otherThan);
    }
    if (this.blobs) {
      const blobs = this.blobs;
      for (const r of await q.execute()) if (r.data_enc.startsWith(BLOB)) await blobs.remove(r.data_enc.slice(BLOB.length));
    }
    await d.execute();
  }
}

/** A shard of a group of an archive's members (their logs interleave at the merge). */
const isMembers = (s: AssessmentShardsTable) => (s.unit_json ? (JSON.parse(s.unit_json) as ShardUnit).kind === 'members' : false);
