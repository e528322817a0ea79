/**
 * The chain-of-custody ledger of one evidence item (pure core, no I/O). Each row holds the
 * previous row's hash and SHA-256 over the previous hash and the row's canonical JSON (keys
 * sorted, as in RFC 8785 for our string/number/null values), so altering, removing or reordering a row breaks
 * the chain from that row on. The item keeps the last sequence number and hash (its head) so
 * removing the newest rows is caught too — the same scheme as the audit trail.
 * ISO/IEC 27037:2012 §5.4 asks that custody records show who handled the item, when and why.
 */
import { createHash } from 'node:crypto';

export const CUSTODY_GENESIS = '0'.repeat(64);

// `scan`: the file was read by an exposure assessment (details name it), not handed to a person.
export const CUSTODY_ACTIONS = ['upload', 'access', 'download', 'scan', 'handover', 'verify', 'legal_hold_set', 'legal_hold_released', 'privilege_changed', 'delete'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** The hashed fields of a custody row, as stored. */
export interface CustodyFields {
  item_id: string;
  seq: number;
  at: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  from_party: string | null;
  to_party: string | null;
  reason: string | null;
  details: string | null; // JSON text
  prev_hash: string;
}

/** Canonical JSON: object keys sorted recursively, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

/** SHA-256 over the previous hash and the canonical JSON of exactly the hashed fields. */
export function hashCustodyRow(row: CustodyFields): string {
  const fields = {
    item_id: row.item_id,
    seq: Number(row.seq),
    at: row.at,
    action: row.action,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    from_party: row.from_party,
    to_party: row.to_party,
    reason: row.reason,
    details: row.details,
  };
  return createHash('sha256').update(row.prev_hash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export interface StoredCustodyRow extends CustodyFields {
  hash: string;
}

/**
 * Checks a ledger (rows in any order) against the head recorded on the item. Returns the
 * problems found, each naming the row ("custody row 3 altered"); empty when intact.
 */
export function verifyCustodyChain(rows: StoredCustodyRow[], head: { seq: number; hash: string }): string[] {
  const problems: string[] = [];
  const sorted = [...rows].sort((a, b) => Number(a.seq) - Number(b.seq));
  let prev = CUSTODY_GENESIS;
  let expected = 1;
  for (const r of sorted) {
    const seq = Number(r.seq);
    if (seq !== expected) {
      problems.push(`custody row ${expected} missing (next found is row ${seq})`);
      expected = seq;
    }
    if (hashCustodyRow({ ...r, seq }) !== r.hash) problems.push(`custody row ${seq} altered`);
    else if (r.prev_hash !== prev) problems.push(`custody row ${seq} does not follow row ${seq - 1} (removed, reordered or replaced)`);
    prev = r.hash;
    expected = seq + 1;
  }
  const last = sorted.length ? Number(sorted[sorted.length - 1]!.seq) : 0;
  if (last !== Number(head.seq) || prev !== head.hash) {
    problems.push(`custody ledger ends at row ${last} but the item records row ${head.seq} as its last (rows removed or replaced)`);
  }
  return problems;
}
