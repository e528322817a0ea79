/**
 * The intake group commit's statements on PostgreSQL: two round trips between BEGIN and COMMIT
 * instead of seven. PostgreSQL intake was latency-bound (serve ≈ 60 % idle, each group waiting on
 * nine round trips to a server on the same cores; bench/README.md, issue 15). Rows travel as one
 * array parameter per column (`unnest($1::text[], …)`), so the SQL text is the same for every
 * group size and no group is split by the parameter limit; data-modifying CTEs do the writes.
 *
 * 1. storeAndReadPg: upsert the alerts, insert the entities of those that are new rows, read the
 *    entity windows of their lookups and lock (`FOR UPDATE`, in id order) and read the live
 *    suspects those windows point to — the reads see the snapshot before the statement, as the
 *    separate statements did (none of them reads what an earlier one wrote).
 * 2. saveCorrelationPg: the suspects' totals, the seen-again touches, the alerts' suspects and the
 *    entity windows. One statement cannot change a row twice, so a suspect both written and
 *    touched arrives with the touch folded in (intake-writer.ts).
 * SQLite keeps the statement-per-step path (intake.repository.ts): there a round trip is a call.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ConfirmDatabase, IntakeAlertsTable, IntakeSuspectEntitiesTable, IntakeSuspectsTable } from './confirm.tables.js';

/** A group's alert that may be new: its proposed id, its entities' lookups and its correlation window. */
export interface Candidate {
  alertId: string;
  observedAt: string;
  lookups: string[];
  from: string;
  to: string;
}

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
  stored: StoredAlert[];
  windows: SuspectWindow[];
  suspects: IntakeSuspectsTable[];
}

export interface CorrelationWrite {
  suspects: IntakeSuspectsTable[];
  assign: Map<string, string>;
  windows: IntakeSuspectEntitiesTable[];
  /** Suspects seen again (not among `suspects`): last_seen moves forward to `seen`. */
  touches: Array<{ id: string; seen: string }>;
  touchedAt: string;
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

/** `unnest($1::text[], $2::int[], …) AS alias(col, …)`: the rows as one array parameter per column. */
function unnestRows<R>(rows: R[], columns: Column<R>[], alias: string): RawBuilder<unknown> {
  const arrays = sql.join(columns.map(([c, t]) => sql`${rows.map((r) => r[c as keyof R] ?? null)}::${sql.raw(t)}[]`));
  return sql`unnest(${arrays}) AS ${sql.raw(alias)}(${sql.raw(columns.map(([c]) => c).join(', '))})`;
}

const names = (columns: ReadonlyArray<readonly [string, string]>) => sql.raw(columns.map(([c]) => c).join(', '));

export async function storeAndReadPg(db: Kysely<ConfirmDatabase>, rows: IntakeAlertsTable[], candidates: Candidate[], live: readonly string[]): Promise<GroupRead> {
  const entities = candidates.flatMap((c) => c.lookups.map((lookup) => ({ alert_id: c.alertId, lookup, observed_at: c.observedAt })));
  const ranges = candidates.map((c) => ({ alert_id: c.alertId, f: c.from, t: c.to }));
  const { rows: out } = await sql<{ alerts: Array<{ id: string; source: string; fingerprint: string; count: number; suspect_id: string | null }>; windows: Array<{ lookup: string; suspect_id: string; first_seen: string; last_seen: string }>; suspects: IntakeSuspectsTable[] }>`
    WITH ins AS (
      INSERT INTO intake_alerts (${names(ALERT_COLUMNS)})
      SELECT * FROM ${unnestRows(rows, ALERT_COLUMNS, 'r')}
      ON CONFLICT (source, fingerprint) DO UPDATE SET
        count = intake_alerts.count + excluded.count,
        last_seen = CASE WHEN excluded.last_seen > intake_alerts.last_seen THEN excluded.last_seen ELSE intake_alerts.last_seen END,
        received_at = excluded.received_at
      RETURNING id, source, fingerprint, count, suspect_id
    ), fresh AS (
      SELECT e.* FROM ${unnestRows(entities, [['alert_id', 'text'], ['lookup', 'text'], ['observed_at', 'text']], 'e')}
      WHERE e.alert_id IN (SELECT id FROM ins)
    ), ent AS (
      INSERT INTO intake_alert_entities (alert_id, kind, lookup, observed_at)
      SELECT alert_id, 'entity', lookup, observed_at FROM fresh
    ), rng AS (
      SELECT min(g.f) AS f, max(g.t) AS t FROM ${unnestRows(ranges, [['alert_id', 'text'], ['f', 'text'], ['t', 'text']], 'g')}
      WHERE g.alert_id IN (SELECT id FROM ins)
    ), w AS (
      -- The array (every candidate's lookups) lets the planner use the covering window index
      -- whatever it guesses of \`fresh\`; the semi-join keeps the new alerts' lookups only.
      SELECT lookup, suspect_id, first_seen, last_seen FROM intake_suspect_entities
      WHERE lookup = ANY(${[...new Set(entities.map((e) => e.lookup))]}::text[]) AND lookup IN (SELECT lookup FROM fresh)
        AND last_seen >= (SELECT f FROM rng) AND first_seen <= (SELECT t FROM rng)
    ), s AS (
      SELECT * FROM intake_suspects
      WHERE id IN (SELECT suspect_id FROM w) AND status = ANY(${[...live]}::text[])
      ORDER BY id FOR UPDATE
    )
    SELECT (SELECT coalesce(json_agg(ins), '[]') FROM ins) AS alerts,
           (SELECT coalesce(json_agg(w), '[]') FROM w) AS windows,
           (SELECT coalesce(json_agg(s), '[]') FROM s) AS suspects`.execute(db);
  const r = out[0]!;
  return {
    stored: r.alerts.map((x) => ({ id: x.id, source: x.source, fingerprint: x.fingerprint, count: Number(x.count), suspectId: x.suspect_id })),
    windows: r.windows.map((x) => ({ lookup: x.lookup, suspectId: x.suspect_id, first: x.first_seen, last: x.last_seen })),
    suspects: r.suspects.map((x) => ({ ...x, score: Number(x.score), alert_count: Number(x.alert_count) })),
  };
}

export async function saveCorrelationPg(db: Kysely<ConfirmDatabase>, w: CorrelationWrite): Promise<void> {
  if (!w.suspects.length && !w.assign.size && !w.windows.length && !w.touches.length) return;
  const assign = [...w.assign].map(([id, suspect_id]) => ({ id, suspect_id }));
  await sql`
    WITH sus AS (
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
    ), asg AS (
      UPDATE intake_alerts SET suspect_id = a.suspect_id
      FROM ${unnestRows(assign, [['id', 'text'], ['suspect_id', 'text']], 'a')}
      WHERE intake_alerts.id = a.id
    ), win AS (
      INSERT INTO intake_suspect_entities (${names(WINDOW_COLUMNS)})
      SELECT * FROM ${unnestRows(w.windows, WINDOW_COLUMNS, 'x')}
      ON CONFLICT (lookup, suspect_id) DO UPDATE SET
        first_seen = CASE WHEN excluded.first_seen < intake_suspect_entities.first_seen THEN excluded.first_seen ELSE intake_suspect_entities.first_seen END,
        last_seen = CASE WHEN excluded.last_seen > intake_suspect_entities.last_seen THEN excluded.last_seen ELSE intake_suspect_entities.last_seen END
    )
    SELECT 1`.execute(db);
}
