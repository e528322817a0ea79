/**
 * What a group commit locks on PostgreSQL before it reads (pure): with several groups in flight,
 * and with several serve processes on one store, groups that share an entity or an alert must run
 * one after the other for correlation and dedup to come out as with one writer
 * (intake-writer.ts; docs/intake.md "Several groups in flight").
 */
import { createHash } from 'node:crypto';

/**
 * The advisory-lock keys of a group (PostgreSQL `pg_advisory_xact_lock(bigint)`): one per entity
 * lookup (correlation: two groups with an entity in common must not both find no window for it
 * and open a suspect each) and one per (source, fingerprint) (dedup: two groups with the same new
 * alert must not both insert it), each the first 64 bits of SHA-256 of a namespaced name, signed
 * as PostgreSQL's bigint. Sorted and unique: every group takes its locks in the same order, so
 * two groups never wait on each other in a cycle.
 */
export function lockKeysOf(candidates: Array<{ source: string; fingerprint: string; lookups: readonly string[] }>): string[] {
  const keys = new Set<bigint>();
  const key = (name: string) => keys.add(createHash('sha256').update(name).digest().readBigInt64BE(0));
  for (const c of candidates) {
    key(`breachdesk.intake.alert\u0000${c.source}\u0000${c.fingerprint}`);
    for (const lookup of c.lookups) key(`breachdesk.intake.entity\u0000${lookup}`);
  }
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}
