/**
 * The intake write path: group commit and batched correlation. Concurrent requests queue here;
 * one transaction stores a group of them with a fixed number of statements (one read of the
 * alerts it repeats, the candidate windows and suspects; one write of the new alerts with their
 * suspect, their entities, the counters, suspects and entity windows), whatever the group's size.
 * Each request resolves only after its group committed (acknowledged = stored); if a group fails,
 * its requests are retried one by one, so one bad request never fails the others.
 *
 * On PostgreSQL several groups may be in flight (`groupsInFlight`, config intakeGroupsInFlight,
 * default 1: on the intake bench two were slower at load 8–12, bench/README.md, pg15). Each group first takes a transaction-scoped advisory lock per entity
 * and per fingerprint it carries (repo.lockKeys), so two groups — in one process or in two serve
 * processes — that could correlate or dedup against each other run one after the other, exactly
 * as one writer would; groups that share nothing overlap.
 */
import type { Keyring } from '../platform/crypto/keyring.js';
import { newId } from '../platform/ids.js';
import type { IntakeAlertsTable, IntakeSuspectsTable } from './confirm.tables.js';
import { type AlertToCorrelate, correlate, type SuspectState } from './correlate.js';
import { type CorrelationPolicy, entitiesOf } from './correlation-entities.js';
import { type DedupField, fingerprintOf } from './dedup.js';
import { GroupScheduler } from './group-scheduler.js';
import type { IntakeRepository } from './intake.repository.js';
import type { NormalisedAlert, Severity } from './normalise/alert.js';
import { HttpError } from '../platform/http/problem.js';

/** Raw payloads are kept for forensics but capped, so one huge alert cannot fill the store. */
export const RAW_CAP_BYTES = 64 * 1024;
/** Requests stored together in one transaction at most (group commit). */
const GROUP_COMMIT_MAX = 256;
/**
 * Alerts of one group at most (a single larger request is a group of its own): a transaction of
 * 1,000 alerts took over 10 s on a starved PostgreSQL bench, and every request of it waited.
 */
const GROUP_ALERTS_MAX = 500;
/**
 * How long the first request of a group waits for others. Without it a group was one request on
 * SQLite: better-sqlite3 runs a whole transaction without yielding to the event loop, so no other
 * request could arrive meanwhile (measured: 2,300 requests, 2,300 groups).
 */
const FLUSH_WINDOW_MS = 2;
/** Times a group runs when other writers keep storing its new alerts first (commit). */
const RACE_ATTEMPTS = 5;
/** Entity blind indexes remembered (entityIndex); ≈ 100 bytes each. */
const ENTITY_INDEX_CACHE = 20_000;

export interface StoreConfig {
  dedupKeys: DedupField[];
  dedupWindowS: number;
  correlateWindowS: number;
  /** The source's correlation lists (correlation-entities.ts); the defaults when absent. */
  correlation?: CorrelationPolicy;
}

export interface IngestItem {
  id: string;
  kind: string;
  repeat: boolean;
  count: number;
  suspectId: string | null;
}

export interface ToStore {
  alert: NormalisedAlert;
  raw: string;
}

interface Pending {
  source: string;
  cfg: StoreConfig;
  items: ToStore[];
  /** Each item's row, encrypted and fingerprinted on arrival (outside the group's transaction); copied before a group changes it. */
  rows: IntakeAlertsTable[];
  at: string;
}

/** One alert of a group, ready to write. */
interface Prepared {
  row: IntakeAlertsTable;
  alert: NormalisedAlert;
  cfg: StoreConfig;
  /** Index of the first alert of the group with the same (source, fingerprint). */
  firstOf: number;
}

export class IntakeWriter {
  private readonly groups: GroupScheduler<Pending, IngestItem[]>;
  /** Set by close(): new alerts are refused (503, not stored) and what is queued is written. */
  private closing = false;
  private drained: Promise<void> | null = null;

  constructor(
    private readonly repo: IntakeRepository,
    private readonly keyring: Keyring,
    /** Group commits in flight at once; 1 (the default, and always on SQLite) writes one group at a time. */
    opts: { groupsInFlight?: number } = {},
  ) {
    this.groups = new GroupScheduler((group, onRead) => this.commit(group, onRead), {
      maxRequests: GROUP_COMMIT_MAX,
      maxItems: GROUP_ALERTS_MAX,
      windowMs: FLUSH_WINDOW_MS,
      inFlight: Math.max(1, opts.groupsInFlight ?? 1),
    });
  }

  store(source: string, cfg: StoreConfig, items: ToStore[], at: string): Promise<IngestItem[]> {
    // A request that reaches the writer once the server is closing is answered 503 (not stored;
    // the sender sends it again) instead of meeting a store that is about to close.
    if (this.closing) return Promise.reject(new HttpError(503, 'the server is shutting down: the alerts were not stored; send them again'));
    // Rows are built (encrypted, fingerprinted) as requests arrive, not inside the group's
    // transaction: on PostgreSQL that work then overlaps the previous group's round trips instead
    // of lengthening the transaction every request of the group waits on.
    const mac = (s: string) => this.keyring.blindIndex(`intake-fp:${source}`, s);
    const rows = items.map(({ alert, raw }) => this.row(source, cfg, alert, raw, at, mac));
    return this.groups.add({ source, cfg, items, rows, at }, items.length);
  }

  /**
   * On shutdown (modules.settle, before the store closes): refuse new alerts and write those
   * queued, so every request the writer took is answered from a committed transaction.
   */
  close(): Promise<void> {
    this.closing = true;
    this.drained ??= this.groups.drain();
    return this.drained;
  }

  /**
   * One transaction for these requests; run again when another writer (a second serve process on
   * the same PostgreSQL, a replay) stored one of the group's new alerts between the group's read
   * and its write, so that alert is counted as the repeat it now is.
   */
  private async commit(group: Pending[], onRead: () => void): Promise<IngestItem[][]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.repo.transaction((repo) => this.storeGroup(repo, group, onRead));
      } catch (e) {
        if (!(e instanceof IntakeRaced) || attempt >= RACE_ATTEMPTS) throw e;
      }
    }
  }

  private prepare(group: Pending[]): Prepared[] {
    const out: Prepared[] = [];
    const seen = new Map<string, number>();
    for (const b of group) {
      for (const [i, { alert }] of b.items.entries()) {
        const row = { ...b.rows[i]! };
        const key = `${row.source}\u0000${row.fingerprint}`;
        const firstOf = seen.get(key) ?? out.length;
        if (firstOf === out.length) seen.set(key, firstOf);
        out.push({ row, alert, cfg: b.cfg, firstOf });
      }
    }
    return out;
  }

  private row(source: string, cfg: StoreConfig, a: NormalisedAlert, raw: string, at: string, mac: (s: string) => string): IntakeAlertsTable {
    const id = newId();
    const rawBytes = Buffer.byteLength(raw);
    const kept = rawBytes > RAW_CAP_BYTES ? Buffer.from(raw).subarray(0, RAW_CAP_BYTES).toString('utf8') : raw;
    return {
      id,
      source,
      kind: a.kind,
      fingerprint: fingerprintOf(a, cfg.dedupKeys, cfg.dedupWindowS, raw, mac),
      source_ref: a.sourceRef,
      title: a.title.slice(0, 500),
      rule_id: a.rule.id,
      rule_name: a.rule.name.slice(0, 500),
      severity: a.severity,
      severity_raw: a.severityRaw === null ? null : String(a.severityRaw),
      observed_at: a.observedAt,
      observed_at_local: a.observedAtLocal,
      received_at: at,
      first_seen: a.observedAt,
      last_seen: a.observedAt,
      count: 1,
      status: 'new',
      dismissed_reason: null,
      suspect_id: null,
      incident_id: null,
      detail_enc: this.keyring.encryptJson(a, `intake-alert:${id}`),
      raw_enc: this.keyring.encrypt(kept, `intake-raw:${id}`),
      raw_size: rawBytes,
      raw_truncated: rawBytes > RAW_CAP_BYTES ? 1 : 0,
    };
  }

  /**
   * Stores a group as if each alert had been stored alone, in order: a repeat of an alert (stored
   * before or earlier in the group) raises its counter; a new one is correlated and inserted with
   * its suspect (read, correlate, write: no update of a row just inserted).
   */
  private async storeGroup(repo: IntakeRepository, group: Pending[], onRead: () => void): Promise<IngestItem[][]> {
    const all = this.prepare(group);
    // One row per (source, fingerprint): repeats inside the group fold into its first alert.
    const firsts = all.filter((p, i) => p.firstOf === i);
    const repeatsOf = new Map<number, number>();
    for (const p of all) {
      const first = all[p.firstOf]!.row;
      repeatsOf.set(p.firstOf, (repeatsOf.get(p.firstOf) ?? 0) + 1);
      if (p.row.last_seen > first.last_seen) first.last_seen = p.row.last_seen;
    }
    for (const [i, n] of repeatsOf) all[i]!.row.count = n;
    const inputs = firsts.map((p) => this.toCorrelate(p));
    // Before the read (its own statement, so the read's snapshot is taken once the locks are held
    // and sees every group that held them): a no-op on SQLite, whose single writer serialises groups.
    await repo.lockKeys(firsts.map((p, i) => ({ fingerprint: p.row.fingerprint, lookups: inputs[i]!.lookups })));
    const read = await repo.readGroup(firsts.map((p, i) => ({ alertId: p.row.id, source: p.row.source, fingerprint: p.row.fingerprint, lookups: inputs[i]!.lookups, ...windowOf(inputs[i]!) })));
    onRead();
    const storedBy = new Map(read.stored.map((r) => [`${r.source}\u0000${r.fingerprint}`, r]));
    const storedAs = (row: IntakeAlertsTable) => storedBy.get(`${row.source}\u0000${row.fingerprint}`);

    // Correlate the alerts that are new rows.
    const freshAt = firsts.flatMap((p, i) => (storedAs(p.row) ? [] : [i]));
    const c = correlate(
      freshAt.map((i) => inputs[i]!),
      { suspects: read.suspects.map(toState), windows: read.windows },
      () => newId(),
    );
    const suspectOf = new Map(freshAt.map((i, k) => [firsts[i]!.row.id, c.suspectOf[k]!]));

    // Repeats (of alerts stored before or earlier in the group): their suspect was seen again.
    const touched = new Map<string, string>();
    for (const p of firsts) {
      const stored = storedAs(p.row);
      const suspectId = stored ? stored.suspectId : suspectOf.get(p.row.id);
      if (!suspectId || (!stored && p.row.count === 1)) continue;
      const seen = [p.row.last_seen, p.row.received_at].sort()[0]!;
      if (!touched.has(suspectId) || seen > touched.get(suspectId)!) touched.set(suspectId, seen);
    }
    const at = group[0]!.at;
    const locked = new Map(read.suspects.map((r) => [r.id, r]));
    const createdAt = freshAt.length ? firsts[freshAt[0]!]!.row.received_at : at;
    // A suspect both written and seen again gets the touch folded in (one statement may not change a row twice on PostgreSQL).
    const suspects = c.suspects.map((s): IntakeSuspectsTable => {
      const seen = touched.get(s.id);
      touched.delete(s.id);
      return {
        ...(locked.get(s.id) ?? { status: 'open', reason: null, incident_id: null, merged_into: null, created_at: createdAt }),
        id: s.id,
        title: s.title,
        score: s.score,
        severity: s.severity,
        alert_count: s.alertCount,
        kinds: JSON.stringify(s.kinds),
        first_seen: s.firstSeen,
        last_seen: seen !== undefined && s.lastSeen < seen ? seen : s.lastSeen,
        updated_at: seen !== undefined ? at : createdAt,
      };
    });
    const repeats = firsts.flatMap((p) => {
      const stored = storedAs(p.row);
      return stored ? [{ id: stored.id, count: p.row.count, last_seen: p.row.last_seen, received_at: p.row.received_at }] : [];
    });
    const written = await repo.writeGroup({
      alerts: freshAt.map((i) => ({ ...firsts[i]!.row, suspect_id: suspectOf.get(firsts[i]!.row.id)! })),
      entities: freshAt.flatMap((i) => inputs[i]!.lookups.map((lookup) => ({ alert_id: firsts[i]!.row.id, lookup, observed_at: firsts[i]!.alert.observedAt }))),
      repeats,
      suspects,
      windows: c.windows.map((w) => ({ lookup: w.lookup, suspect_id: w.suspectId, first_seen: w.first, last_seen: w.last })),
      touches: [...touched].map(([id, seen]) => ({ id, seen })),
      touchedAt: at,
    });
    // Another writer stored one of the new alerts since the read (or a repeated one is gone): this
    // correlation is wrong for it; the transaction rolls back and the group runs again.
    if (written.inserted.length !== freshAt.length || written.counts.length !== repeats.length) throw new IntakeRaced();
    const countOf = new Map(written.counts.map((x) => [x.id, x.count]));

    // Answers, in request order, numbered as if stored one at a time.
    const nth = new Map<number, number>();
    const items: IngestItem[] = all.map((p) => {
      const first = all[p.firstOf]!;
      const stored = storedAs(first.row);
      const k = nth.get(p.firstOf) ?? 0;
      nth.set(p.firstOf, k + 1);
      const before = stored ? countOf.get(stored.id)! - repeatsOf.get(p.firstOf)! : 0;
      const count = before + k + 1;
      return stored
        ? { id: stored.id, kind: p.alert.kind, repeat: count > 1, count, suspectId: stored.suspectId }
        : { id: first.row.id, kind: p.alert.kind, repeat: count > 1, count, suspectId: suspectOf.get(first.row.id)! };
    });
    const out: IngestItem[][] = [];
    let i = 0;
    for (const b of group) {
      out.push(items.slice(i, i + b.items.length));
      i += b.items.length;
    }
    return out;
  }

  /**
   * An entity's blind index (HMAC-SHA256), remembered for the hosts, IPs, users and rules that
   * recur from alert to alert: one HMAC per entity was ≈ 5 % of the intake CPU (bench/README.md,
   * intake, canary branch). Kept in memory only, as the alerts being stored are; bounded.
   */
  private entityIndex(kind: string, value: string): string {
    const key = `${kind}\u0000${value}`;
    let index = this.entityIndexes.get(key);
    if (index === undefined) {
      index = this.keyring.blindIndex(`intake-entity:${kind}`, value);
      if (this.entityIndexes.size >= ENTITY_INDEX_CACHE) this.entityIndexes.clear();
      this.entityIndexes.set(key, index);
    }
    return index;
  }

  private readonly entityIndexes = new Map<string, string>();

  /** What correlation needs of an alert (its entities' blind indexes, its window). */
  private toCorrelate(p: Prepared): AlertToCorrelate {
    return {
      lookups: [...new Set(entitiesOf(p.alert, p.cfg.correlation).map((e) => this.entityIndex(e.kind, e.value)))],
      kind: p.alert.kind,
      severity: p.alert.severity,
      title: p.alert.title,
      observedAt: p.alert.observedAt,
      windowS: p.cfg.correlateWindowS,
    };
  }
}

/** The time range in which an alert's correlation looks for suspects (its window on either side of its event time). */
function windowOf(a: AlertToCorrelate): { from: string; to: string } {
  const t = Date.parse(a.observedAt);
  return { from: new Date(t - a.windowS * 1000).toISOString(), to: new Date(t + a.windowS * 1000).toISOString() };
}

/** A new alert of the group was stored by another writer after the group read the store. */
class IntakeRaced extends Error {
  constructor() {
    super('an alert of the group was stored by another writer meanwhile');
  }
}

function toState(r: IntakeSuspectsTable): SuspectState {
  return {
    id: r.id,
    title: r.title,
    score: r.score,
    severity: r.severity as Severity,
    alertCount: r.alert_count,
    kinds: JSON.parse(r.kinds) as string[],
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    isNew: false,
  };
}
