/**
 * The intake group commit's statements on PostgreSQL: two round trips between BEGIN and COMMIT.
 * PostgreSQL intake was latency-bound (serve ≈ 60 % idle, each group waiting on nine round trips
 * to a server on the same cores; bench/README.md, issue 15). Rows travel as one array parameter
 * per column (`unnest($1::text[], …)`), so the SQL text is the same for every group size and no
 * group is split by the parameter limit; data-modifying CTEs do the writes.
 *
 * 0. beginLockedPg: BEGIN and the advisory locks on the group's entities and alerts (several
 *    groups in flight, several serve processes), in one round trip.
 * 1. readGroupPg: lock and read the stored alerts the group repeats, read the entity windows of the
 *    new alerts' lookups and lock (`FOR UPDATE`, in id order) and read the live suspects those
 *    windows point to. Nothing is written, so the new alerts can be inserted with their suspect.
 * 2. writeGroupPg: the new alerts (suspect set), their entities, the repeats' counters, the
 *    suspects' totals, the seen-again touches and the entity windows. One statement cannot change
 *    a row twice, so a suspect both written and touched arrives with the touch folded in
 *    (intake-writer.ts).
 * The three are named prepared statements (PREPARED, platform/db/pg-prepared.ts): parsing and
 * planning them each group was ≈ a quarter of PostgreSQL's CPU a group (bench/README.md, pgi15).
 * SQLite keeps the statement-per-step path (intake.repository.ts): there a round trip is a call.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { arrayLiteral } from '../platform/db/pg-array.js';
import { PREPARED } from '../platform/db/pg-prepared.js';
import type { ConfirmDatabase, IntakeAlertsTable, IntakeSuspectEntitiesTable, IntakeSuspectsTable } from './confirm.tables.js';

/** A group's alert (one per source and fingerprint): its proposed id, its entities' lookups and its correlation window. */
export interface Candidate {
  alertId: string;
  source: string;
  fingerprint: string;
  lookups: string[];
  from: string;
  to: string;
}

/** An alert already stored with a candidate's (source, fingerprint): the candidate is a repeat of it. */
export interface StoredAlert {
  id: string;
  source: string;
  fingerprint: string;
  count: number;
  suspectId: string | null;
}

export interface SuspectWindow {
  lookup: string;
  suspectId: string;
  first: string;
  last: string;
}

export interface GroupRead {
  /** Stored alerts the group repeats (locked until the commit). */
  stored: StoredAlert[];
  windows: SuspectWindow[];
  suspects: IntakeSuspectsTable[];
}

export interface GroupWrite {
  /** The new alerts, their suspect already set. */
  alerts: IntakeAlertsTable[];
  entities: Array<{ alert_id: string; lookup: string; observed_at: string }>;
  /** Stored alerts seen again: `count` copies more, last_seen moves forward, received now. */
  repeats: Array<{ id: string; count: number; last_seen: string; received_at: string }>;
  suspects: IntakeSuspectsTable[];
  windows: IntakeSuspectEntitiesTable[];
  /** Suspects seen again (not among `suspects`): last_seen moves forward to `seen`. */
  touches: Array<{ id: string; seen: string }>;
  touchedAt: string;
}

/** What the write did: the ids of the alerts inserted, and each repeated alert's count after it. */
export interface GroupWritten {
  inserted: string[];
  counts: Array<{ id: string; count: number }>;
}

type Column<R> = [keyof R & string, 'text' | 'int'];

const ALERT_COLUMNS: Column<IntakeAlertsTable>[] = [
  ['id', 'text'],
  ['source', 'text'],
  ['kind', 'text'],
  ['fingerprint', 'text'],
  ['source_ref', 'text'],
  ['title', 'text'],
  ['rule_id', 'text'],
  ['rule_name', 'text'],
  ['severity', 'text'],
  ['severity_raw', 'text'],
  ['observed_at', 'text'],
  ['observed_at_local', 'text'],
  ['received_at', 'text'],
  ['first_seen', 'text'],
  ['last_seen', 'text'],
  ['count', 'int'],
  ['status', 'text'],
  ['dismissed_reason', 'text'],
  ['suspect_id', 'text'],
  ['incident_id', 'text'],
  ['detail_enc', 'text'],
  ['raw_enc', 'text'],
  ['raw_size', 'int'],
  ['raw_truncated', 'int'],
];

const SUSPECT_COLUMNS: Column<IntakeSuspectsTable>[] = [
  ['id', 'text'],
  ['title', 'text'],
  ['score', 'int'],
  ['severity', 'text'],
  ['status', 'text'],
  ['reason', 'text'],
  ['incident_id', 'text'],
  ['merged_into', 'text'],
  ['alert_count', 'int'],
  ['kinds', 'text'],
  ['first_seen', 'text'],
  ['last_seen', 'text'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
];

const WINDOW_COLUMNS: Column<IntakeSuspectEntitiesTable>[] = [
  ['lookup', 'text'],
  ['suspect_id', 'text'],
  ['first_seen', 'text'],
  ['last_seen', 'text'],
];

/**
 * `unnest($1::text[], $2::int[], …) AS alias(col, …)`: the rows as one array parameter per column,
 * each sent as its array literal (arrayLiteral: most values need no quoting).
 */
function unnestRows<R>(rows: R[], columns: Column<R>[], alias: string): RawBuilder<unknown> {
  const arrays = sql.join(columns.map(([c, t]) => sql`${arrayLiteral(rows.map((r) => r[c as keyof R] as string | number | null))}::${sql.raw(t)}[]`));
  return sql`unnest(${arrays}) AS ${sql.raw(alias)}(${sql.raw(columns.map(([c]) => c).join(', '))})`;
}

const names = (columns: ReadonlyArray<readonly [string, string]>) => sql.raw(columns.map(([c]) => c).join(', '));

/**
 * An entity window is rewritten only when the alert widens it: inside the window it is a no-op
 * that would still cost a new row version and an entry in each of the table's indexes on
 * PostgreSQL. The comparison is with the row as it is under the upsert's lock, not with what this
 * process read or remembers, so it holds with several writers on one store (SQLite and
 * PostgreSQL both take `DO UPDATE … WHERE`).
 */
const WIDENS = sql.raw('WHERE excluded.first_seen < intake_suspect_entities.first_seen OR excluded.last_seen > intake_suspect_entities.last_seen');

const CANDIDATE_COLUMNS: Column<{ alert_id: string; source: string; fingerprint: string; f: string; t: string }>[] = [
  ['alert_id', 'text'],
  ['source', 'text'],
  ['fingerprint', 'text'],
  ['f', 'text'],
  ['t', 'text'],
];

/** The earliest and latest of ISO 8601 UTC times (strings: Math.min/max would not do). */
const minOf = (xs: string[]) => [...xs].sort()[0]!;
const maxOf = (xs: string[]) => [...xs].sort().at(-1)!;

/**
 * Statement 1: the stored alerts the group repeats (locked, id order, as the upsert that used to
 * come first locked them), then for the candidates that are new the entity windows of their
 * lookups overlapping their correlation windows, and the live suspects those point to (locked, id
 * order). Nothing is written: the new alerts are inserted by writeGroupPg with their suspect set.
 * The windows read are those of every candidate (the writer correlates the new ones only).
 */
export async function readGroupPg(db: Kysely<ConfirmDatabase>, candidates: Candidate[], live: readonly string[]): Promise<GroupRead> {
  const { rows: out } = await sql<{ alerts: Array<{ id: string; source: string; fingerprint: string; count: number; suspect_id: string | null }>; windows: Array<{ lookup: string; suspect_id: string; first_seen: string; last_seen: string }>; suspects: IntakeSuspectsTable[] }>`${sql.raw(PREPARED)}
    WITH c AS (
      SELECT * FROM ${unnestRows(
        candidates.map((c) => ({ alert_id: c.alertId, source: c.source, fingerprint: c.fingerprint, f: c.from, t: c.to })),
        CANDIDATE_COLUMNS,
        'c',
      )}
    ), ex AS (
      SELECT a.id, a.source, a.fingerprint, a.count, a.suspect_id FROM intake_alerts a
      WHERE (a.source, a.fingerprint) IN (SELECT source, fingerprint FROM c)
      ORDER BY a.id FOR UPDATE
    ), w AS (
      -- Every candidate's lookups and range, repeats' too (correlation reads the new alerts'
      -- windows only): limited to the new ones, the planner guessed one new candidate and probed
      -- the key index once per lookup, which cost more PostgreSQL CPU a group than the rows spared.
      SELECT lookup, suspect_id, first_seen, last_seen FROM intake_suspect_entities
      WHERE lookup = ANY(${arrayLiteral([...new Set(candidates.flatMap((c) => c.lookups))])}::text[])
        AND last_seen >= ${minOf(candidates.map((c) => c.from))} AND first_seen <= ${maxOf(candidates.map((c) => c.to))}
    ), lk AS (
      -- The suspects of the repeats are locked here too, with the others in one id order: with
      -- several groups in flight, a touch taking its lock only in statement 2 could wait on a
      -- group that waits on this one (lockKeysPg).
      SELECT * FROM intake_suspects
      WHERE id IN (SELECT suspect_id FROM w UNION SELECT suspect_id FROM ex)
      ORDER BY id FOR UPDATE
    ), s AS (
      SELECT * FROM lk WHERE id IN (SELECT suspect_id FROM w) AND status = ANY(${arrayLiteral(live)}::text[])
    )
    SELECT (SELECT coalesce(json_agg(ex), '[]') FROM ex) AS alerts,
           (SELECT coalesce(json_agg(w), '[]') FROM w) AS windows,
           (SELECT coalesce(json_agg(s), '[]') FROM s) AS suspects`.execute(db);
  const r = out[0]!;
  return {
    stored: r.alerts.map((x) => ({ id: x.id, source: x.source, fingerprint: x.fingerprint, count: Number(x.count), suspectId: x.suspect_id })),
    windows: r.windows.map((x) => ({ lookup: x.lookup, suspectId: x.suspect_id, first: x.first_seen, last: x.last_seen })),
    suspects: r.suspects.map((x) => ({ ...x, score: Number(x.score), alert_count: Number(x.alert_count) })),
  };
}

/** Keys a group may lock one by one; a group with more locks GROUPS_KEY alone, exclusively. */
const KEY_LOCKS_MAX = 1024;
/** Taken first by every group: shared by a group that locks its keys, exclusive by a group with too many. */
const GROUPS_KEY = '5074013065679558566'; // first 64 bits of SHA-256('breachdesk.intake.groups')

/**
 * Statement 0, before the read: transaction-scoped advisory locks on the group's keys
 * (intake-locks.ts), in the order given (sorted), so a group that shares an entity or an alert
 * with one in flight — in this process or another serve process — waits for that one's commit and
 * then reads what it wrote. A separate statement because a READ COMMITTED statement reads the
 * snapshot taken when it starts: a read that waited for the locks inside itself would not see the
 * other group's rows. Each advisory lock takes an entry of PostgreSQL's shared lock table
 * (max_locks_per_transaction × max_connections, 6,400 by default) until the commit, so a group
 * with more than KEY_LOCKS_MAX keys (a large NDJSON request, a replay) takes GROUPS_KEY
 * exclusively instead — it then runs alone — and every other group takes GROUPS_KEY shared first.
 */
export async function lockKeysPg(db: Kysely<ConfirmDatabase>, keys: readonly string[]): Promise<void> {
  await sql`${sql.raw(PREPARED)} ${lockQuery(sql`${keysLiteral(keys)}`, keys)}`.execute(db);
}

/**
 * BEGIN and lockKeysPg's statement in one round trip: a simple-protocol query of two statements,
 * which cannot carry parameters, so the keys are written into it — signed 64-bit integers, checked
 * to be nothing else. The transaction's own BEGIN had been a round trip of its own every group.
 */
export async function beginLockedPg(db: Kysely<ConfirmDatabase>, keys: readonly string[]): Promise<void> {
  const literal = keysLiteral(keys);
  if (!/^\{-?\d+(,-?\d+)*\}$/.test(literal)) throw new Error('advisory lock keys must be 64-bit integers');
  await sql`BEGIN; ${lockQuery(sql.raw(`'${literal}'`), keys)}`.execute(db);
}

const keysLiteral = (keys: readonly string[]) => arrayLiteral([GROUPS_KEY, ...(keys.length > KEY_LOCKS_MAX ? [] : keys)]);

/** The lock statement over `list` (the keys' array literal, as a parameter or written in); GROUPS_KEY first, shared unless the group has too many keys. */
function lockQuery(list: RawBuilder<unknown>, keys: readonly string[]): RawBuilder<unknown> {
  const alone = keys.length > KEY_LOCKS_MAX;
  return sql`SELECT count(*) FROM unnest(${list}::bigint[]) WITH ORDINALITY AS x(k, i)
    WHERE (CASE WHEN i = 1 AND ${sql.raw(alone ? 'false' : 'true')} THEN pg_advisory_xact_lock_shared(k) ELSE pg_advisory_xact_lock(k) END)::text IS NOT NULL`;
}

/**
 * Statement 2: the new alerts (their suspect set: no second version of each row, whose update
 * was a full copy of the encrypted row, WAL and four index entries, ≈ a third of PostgreSQL's work
 * a group — bench/README.md, pgin15), their entities, the repeats' counters, the suspects'
 * totals, the seen-again touches and the entity windows. A new alert that another writer stored
 * since statement 1 is not inserted (`DO NOTHING`): the caller sees it missing from `inserted`
 * and runs the group again (intake-writer.ts).
 */
export async function writeGroupPg(db: Kysely<ConfirmDatabase>, w: GroupWrite): Promise<GroupWritten> {
  const { rows: out } = await sql<{ inserted: string[]; counts: Array<{ id: string; count: number }> }>`${sql.raw(PREPARED)}
    WITH ins AS (
      INSERT INTO intake_alerts (${names(ALERT_COLUMNS)})
      SELECT * FROM ${unnestRows(w.alerts, ALERT_COLUMNS, 'r')}
      ON CONFLICT (source, fingerprint) DO NOTHING
      RETURNING id
    ), rep AS (
      UPDATE intake_alerts SET
        count = intake_alerts.count + r.count,
        last_seen = CASE WHEN r.last_seen > intake_alerts.last_seen THEN r.last_seen ELSE intake_alerts.last_seen END,
        received_at = r.received_at
      FROM ${unnestRows(
        w.repeats,
        [
          ['id', 'text'],
          ['count', 'int'],
          ['last_seen', 'text'],
          ['received_at', 'text'],
        ],
        'r',
      )}
      WHERE intake_alerts.id = r.id
      RETURNING intake_alerts.id, intake_alerts.count
    ), ent AS (
      INSERT INTO intake_alert_entities (alert_id, kind, lookup, observed_at)
      SELECT alert_id, 'entity', lookup, observed_at FROM ${unnestRows(
        w.entities,
        [
          ['alert_id', 'text'],
          ['lookup', 'text'],
          ['observed_at', 'text'],
        ],
        'e',
      )}
    ), sus AS (
      INSERT INTO intake_suspects (${names(SUSPECT_COLUMNS)})
      SELECT * FROM ${unnestRows(w.suspects, SUSPECT_COLUMNS, 's')}
      ON CONFLICT (id) DO UPDATE SET
        score = excluded.score, severity = excluded.severity, alert_count = excluded.alert_count, kinds = excluded.kinds,
        first_seen = excluded.first_seen, last_seen = excluded.last_seen, updated_at = excluded.updated_at
    ), touch AS (
      UPDATE intake_suspects SET
        last_seen = CASE WHEN intake_suspects.last_seen < t.seen THEN t.seen ELSE intake_suspects.last_seen END,
        updated_at = ${w.touchedAt}
      FROM ${unnestRows(w.touches, [['id', 'text'], ['seen', 'text']], 't')}
      WHERE intake_suspects.id = t.id
    ), win AS (
      INSERT INTO intake_suspect_entities (${names(WINDOW_COLUMNS)})
      SELECT * FROM ${unnestRows(w.windows, WINDOW_COLUMNS, 'x')}
      ON CONFLICT (lookup, suspect_id) DO UPDATE SET
        first_seen = CASE WHEN excluded.first_seen < intake_suspect_entities.first_seen THEN excluded.first_seen ELSE intake_suspect_entities.first_seen END,
        last_seen = CASE WHEN excluded.last_seen > intake_suspect_entities.last_seen THEN excluded.last_seen ELSE intake_suspect_entities.last_seen END
      ${WIDENS}
    )
    SELECT (SELECT coalesce(array_agg(id), '{}') FROM ins) AS inserted,
           (SELECT coalesce(json_agg(rep), '[]') FROM rep) AS counts`.execute(db);
  const r = out[0]!;
  return { inserted: r.inserted, counts: r.counts.map((x) => ({ id: x.id, count: Number(x.count) })) };
}
