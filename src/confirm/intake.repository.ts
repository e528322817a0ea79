/** The Confirm feature's store: sources, alerts, entities, suspected incidents (the only Kysely file of intake). */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from '../platform/config.js';
import type { Database } from '../platform/db/schema.js';
import { runCompiledInsert } from '../platform/db/compiled-insert.js';
import { paddedInLists } from '../platform/db/statement-sizes.js';
import {
  type ConfirmDatabase,
  confirmDb,
  type IntakeAlertEntitiesTable,
  type IntakeAlertsTable,
  type IntakeSourcesTable,
  type IntakeSuspectEntitiesTable,
  type IntakeSuspectsTable,
} from './confirm.tables.js';
import { lockKeysOf } from './intake-locks.js';
import { beginLockedPg, type Candidate, type GroupRead, type GroupWrite, type GroupWritten, lockKeysPg, readGroupPg, type StoredAlert, writeGroupPg } from './intake-group.repository.js';
import { transact } from '../platform/db/transact.js';

/** Suspects still in the queue (new alerts may join them). */
export const LIVE_SUSPECT = ['open', 'acknowledged'] as const;

export class IntakeRepository {
  readonly db: Kysely<ConfirmDatabase>;

  /** The store's dialect, where the SQL differs (row locks); SQLite when not given. */
  constructor(
    db: Kysely<Database> | Kysely<ConfirmDatabase> | Transaction<ConfirmDatabase>,
    private readonly dialect: Dialect = 'sqlite',
  ) {
    this.db = confirmDb(db as Kysely<Database>);
  }

  transaction<T>(fn: (repo: IntakeRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new IntakeRepository(trx, this.dialect), trx as unknown as Transaction<Database>));
  }

  /**
   * A group commit's transaction, its advisory locks (lockKeys) taken before `fn` runs. On
   * PostgreSQL BEGIN and the locks are one round trip (beginLockedPg) on a pool connection held
   * until COMMIT or ROLLBACK; a repository already on a transaction takes the locks in it.
   */
  async groupTransaction<T>(locks: ReadonlyArray<{ fingerprint: string; lookups: readonly string[] }>, fn: (repo: IntakeRepository) => Promise<T>): Promise<T> {
    if (this.dialect !== 'postgresql' || this.db.isTransaction) {
      return this.transaction(async (repo) => {
        await repo.lockKeys(locks);
        return fn(repo);
      });
    }
    return this.db.connection().execute(async (conn) => {
      await beginLockedPg(conn, lockKeysOf(locks));
      try {
        const out = await fn(new IntakeRepository(conn, this.dialect));
        // PostgreSQL answers a COMMIT of a transaction that failed with ROLLBACK, not an error.
        const { rows } = await sql<{ command: string }>`COMMIT`.execute(conn);
        if (rows[0]?.command !== 'COMMIT') throw new Error(`the group's transaction ended with ${rows[0]?.command ?? 'no answer'}, not COMMIT`);
        return out;
      } catch (e) {
        // A failed COMMIT ended the transaction already; the ROLLBACK then only warns.
        await sql`ROLLBACK`.execute(conn).catch(() => {});
        throw e;
      }
    });
  }

  // --- sources -----------------------------------------------------------------------------
  async insertSource(row: IntakeSourcesTable): Promise<void> {
    await this.db.insertInto('intake_sources').values(row).execute();
  }
  source(name: string): Promise<IntakeSourcesTable | undefined> {
    return this.db.selectFrom('intake_sources').selectAll().where('name', '=', name).executeTakeFirst();
  }
  sources(): Promise<IntakeSourcesTable[]> {
    return this.db.selectFrom('intake_sources').selectAll().orderBy('name').execute();
  }
  async updateSource(name: string, set: Partial<IntakeSourcesTable>): Promise<void> {
    await this.db.updateTable('intake_sources').set(set).where('name', '=', name).execute();
  }

  // --- replay defence ----------------------------------------------------------------------
  /** False when the signature was seen already (a replay). */
  async rememberSignature(signature: string, source: string, expiresAt: string, now: string): Promise<boolean> {
    await this.db.deleteFrom('intake_nonces').where('expires_at', '<', now).execute();
    const r = await this.db.insertInto('intake_nonces').values({ signature, source, expires_at: expiresAt }).onConflict((oc) => oc.column('signature').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  // --- alerts ------------------------------------------------------------------------------
  /**
   * A group commit's first step on PostgreSQL: advisory locks on its entities and alerts
   * (intake-locks.ts), so groups in flight together and serve processes on one store correlate
   * and dedup as one writer would. Nothing on SQLite: its one writer runs one group at a time.
   */
  async lockKeys(candidates: ReadonlyArray<{ fingerprint: string; lookups: readonly string[] }>): Promise<void> {
    if (this.dialect === 'postgresql') await lockKeysPg(this.db, lockKeysOf(candidates));
  }

  /**
   * A group commit's first step: the stored alerts the candidates repeat (same source and
   * fingerprint), then for the new ones the windows of their lookups overlapping their
   * correlation windows and the live suspects those point to, locked. One statement on
   * PostgreSQL (intake-group.repository.ts); nothing is written, so the new alerts are inserted
   * by writeGroup with their suspect already set.
   */
  async readGroup(candidates: Candidate[]): Promise<GroupRead> {
    if (this.dialect === 'postgresql') return readGroupPg(this.db, candidates, LIVE_SUSPECT);
    const stored: StoredAlert[] = [];
    const wanted = new Set(candidates.map((c) => `${c.source}\u0000${c.fingerprint}`));
    // IN-lists padded to a power of two: a few SQL texts whatever the group's size (statement-sizes.ts).
    for (const part of paddedInLists(candidates, 512)) {
      const rows = await this.db
        .selectFrom('intake_alerts')
        .select(['id', 'source', 'fingerprint', 'count', 'suspect_id'])
        .where('source', 'in', paddedInLists([...new Set(part.map((c) => c.source))], 512)[0]!)
        .where(
          'fingerprint',
          'in',
          part.map((c) => c.fingerprint),
        )
        .execute();
      for (const r of rows) if (wanted.has(`${r.source}\u0000${r.fingerprint}`)) stored.push({ id: r.id, source: r.source, fingerprint: r.fingerprint, count: Number(r.count), suspectId: r.suspect_id });
    }
    const repeated = new Set(stored.map((r) => `${r.source}\u0000${r.fingerprint}`));
    const fresh = candidates.filter((c) => !repeated.has(`${c.source}\u0000${c.fingerprint}`));
    if (!fresh.length) return { stored, windows: [], suspects: [] };
    let from = '\uffff';
    let to = '';
    for (const c of fresh) {
      if (c.from < from) from = c.from;
      if (c.to > to) to = c.to;
    }
    const windows = await this.suspectWindows([...new Set(fresh.flatMap((c) => c.lookups))], from, to);
    return { stored, windows, suspects: await this.lockLiveSuspects([...new Set(windows.map((w) => w.suspectId))]) };
  }

  /**
   * A group commit's second step: the new alerts (suspect set) and their entities, the repeats'
   * counters, the suspects' totals, the entity windows, then the touches. One statement on
   * PostgreSQL. A new alert another writer stored meanwhile is not inserted (missing from
   * `inserted`: the caller runs the group again).
   */
  async writeGroup(w: GroupWrite): Promise<GroupWritten> {
    if (this.dialect === 'postgresql') return writeGroupPg(this.db, w);
    const inserted: string[] = [];
    for (const part of chunks(w.alerts, 400)) {
      const { rows } = await runCompiledInsert(this.db, 'intake_alerts.insert-new', part, (p) =>
        this.db
          .insertInto('intake_alerts')
          .values(p)
          .onConflict((oc) => oc.columns(['source', 'fingerprint']).doNothing())
          .returning('id'),
      );
      for (const r of rows) inserted.push(r.id);
    }
    const counts: GroupWritten['counts'] = [];
    for (const r of w.repeats) {
      const row = await this.db
        .updateTable('intake_alerts')
        .set({
          count: sql`count + ${r.count}`,
          last_seen: sql`CASE WHEN ${r.last_seen} > last_seen THEN ${r.last_seen} ELSE last_seen END`,
          received_at: r.received_at,
        })
        .where('id', '=', r.id)
        .returning(['id', 'count'])
        .executeTakeFirst();
      if (row) counts.push({ id: row.id, count: Number(row.count) });
    }
    await this.insertEntities(w.entities.map((e) => ({ ...e, kind: 'entity' })));
    await this.saveSuspectTotals(w.suspects);
    await this.upsertSuspectEntities(w.windows);
    for (const t of w.touches) await this.touchSuspect(t.id, t.seen, w.touchedAt);
    return { inserted, counts };
  }

  async insertEntities(rows: IntakeAlertEntitiesTable[]): Promise<void> {
    for (const part of chunks(rows, 2000)) await runCompiledInsert(this.db, 'intake_alert_entities.insert', part, (p) => this.db.insertInto('intake_alert_entities').values(p));
  }

  /** Where suspects saw these entities, for windows overlapping [from, to] (an index-only read; lockSuspects keeps the live ones). */
  async suspectWindows(lookups: string[], from: string, to: string): Promise<Array<{ lookup: string; suspectId: string; first: string; last: string }>> {
    const out: Array<{ lookup: string; suspectId: string; first: string; last: string }> = [];
    for (const part of paddedInLists(lookups, 512)) {
      const rows = await this.db
        .selectFrom('intake_suspect_entities')
        .select(['lookup', 'suspect_id', 'first_seen', 'last_seen'])
        .where('lookup', 'in', part)
        .where('last_seen', '>=', from)
        .where('first_seen', '<=', to)
        .execute();
      for (const r of rows) out.push({ lookup: r.lookup, suspectId: r.suspect_id, first: r.first_seen, last: r.last_seen });
    }
    return out;
  }

  /** Records when suspects saw entities (widening each (entity, suspect) window). Pairs must not repeat. */
  async upsertSuspectEntities(rows: IntakeSuspectEntitiesTable[]): Promise<void> {
    for (const part of chunks(rows, 2000)) {
      await runCompiledInsert(this.db, 'intake_suspect_entities.upsert', part, (p) =>
        this.db
          .insertInto('intake_suspect_entities')
          .values(p)
          .onConflict((oc) =>
            oc
              .columns(['lookup', 'suspect_id'])
              .doUpdateSet({
                first_seen: sql`CASE WHEN excluded.first_seen < intake_suspect_entities.first_seen THEN excluded.first_seen ELSE intake_suspect_entities.first_seen END`,
                last_seen: sql`CASE WHEN excluded.last_seen > intake_suspect_entities.last_seen THEN excluded.last_seen ELSE intake_suspect_entities.last_seen END`,
              })
              // Only a window the alert widens is rewritten (WIDENS, intake-group.repository.ts).
              .where(({ eb }) => eb.or([eb('excluded.first_seen', '<', eb.ref('intake_suspect_entities.first_seen')), eb('excluded.last_seen', '>', eb.ref('intake_suspect_entities.last_seen'))])),
          ),
      );
    }
  }

  /** Rebuilds a suspect's entity rows from its alerts (after a merge or split). */
  async rebuildSuspectEntities(suspectId: string): Promise<void> {
    await this.db.deleteFrom('intake_suspect_entities').where('suspect_id', '=', suspectId).execute();
    const rows = await this.db
      .selectFrom('intake_alert_entities as e')
      .innerJoin('intake_alerts as a', 'a.id', 'e.alert_id')
      .select(['e.lookup', (eb) => eb.fn.min('e.observed_at').as('first'), (eb) => eb.fn.max('e.observed_at').as('last')])
      .where('a.suspect_id', '=', suspectId)
      .groupBy('e.lookup')
      .execute();
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto('intake_suspect_entities')
        .values(rows.slice(i, i + 500).map((r) => ({ lookup: r.lookup, suspect_id: suspectId, first_seen: String(r.first), last_seen: String(r.last) })))
        .execute();
    }
  }

  alert(id: string): Promise<IntakeAlertsTable | undefined> {
    return this.db.selectFrom('intake_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  }
  alertsByIds(ids: string[]): Promise<IntakeAlertsTable[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.selectFrom('intake_alerts').selectAll().where('id', 'in', ids).execute();
  }
  alertsOf(suspectId: string): Promise<IntakeAlertsTable[]> {
    return this.db.selectFrom('intake_alerts').selectAll().where('suspect_id', '=', suspectId).orderBy('observed_at').orderBy('id').execute();
  }
  async listAlerts(q: { status?: string; source?: string; kind?: string; before?: string | null; limit: number }): Promise<IntakeAlertsTable[]> {
    let s = this.db.selectFrom('intake_alerts').selectAll().orderBy('id', 'desc').limit(q.limit);
    if (q.status) s = s.where('status', '=', q.status);
    if (q.source) s = s.where('source', '=', q.source);
    if (q.kind) s = s.where('kind', '=', q.kind);
    if (q.before) s = s.where('id', '<', q.before);
    return s.execute();
  }
  async updateAlerts(ids: string[], set: Partial<IntakeAlertsTable>): Promise<void> {
    for (const part of chunks(ids, 500)) await this.db.updateTable('intake_alerts').set(set).where('id', 'in', part).execute();
  }
  async moveAlerts(fromSuspect: string, toSuspect: string): Promise<void> {
    await this.db.updateTable('intake_alerts').set({ suspect_id: toSuspect }).where('suspect_id', '=', fromSuspect).execute();
  }

  // --- suspected incidents -----------------------------------------------------------------
  async insertSuspects(rows: IntakeSuspectsTable[]): Promise<void> {
    for (const part of chunks(rows, 500)) await this.db.insertInto('intake_suspects').values(part).execute();
  }
  /** Inserts new suspects and writes the running totals of existing ones, in one statement per chunk. */
  async saveSuspectTotals(rows: IntakeSuspectsTable[]): Promise<void> {
    for (const part of chunks(rows, 400)) {
      await runCompiledInsert(this.db, 'intake_suspects.totals', part, (p) =>
        this.db
          .insertInto('intake_suspects')
          .values(p)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              score: sql`excluded.score`,
              severity: sql`excluded.severity`,
              alert_count: sql`excluded.alert_count`,
              kinds: sql`excluded.kinds`,
              first_seen: sql`excluded.first_seen`,
              last_seen: sql`excluded.last_seen`,
              updated_at: sql`excluded.updated_at`,
            }),
          ),
      );
    }
  }
  suspect(id: string): Promise<IntakeSuspectsTable | undefined> {
    return this.db.selectFrom('intake_suspects').selectAll().where('id', '=', id).executeTakeFirst();
  }
  /** A no-op update takes the row lock on both dialects, so triage steps on one suspect queue up. */
  async lockSuspect(id: string): Promise<IntakeSuspectsTable | undefined> {
    await this.db
      .updateTable('intake_suspects')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .execute();
    return this.suspect(id);
  }
  /**
   * Locks the live ones of these suspects (as lockSuspect) and reads them: the SQLite step of
   * storeAndRead (on PostgreSQL that statement locks them with `SELECT … FOR UPDATE`).
   */
  async lockLiveSuspects(ids: string[]): Promise<IntakeSuspectsTable[]> {
    const out: IntakeSuspectsTable[] = [];
    for (const part of paddedInLists([...new Set(ids)].sort(), 512)) {
      await this.db
        .updateTable('intake_suspects')
        .set((eb) => ({ updated_at: eb.ref('updated_at') }))
        .where('id', 'in', part)
        .where('status', 'in', [...LIVE_SUSPECT])
        .execute();
      out.push(...(await this.db.selectFrom('intake_suspects').selectAll().where('id', 'in', part).where('status', 'in', [...LIVE_SUSPECT]).execute()));
    }
    return out;
  }
  /** A suspect seen again at `seen` (a repeated alert): last_seen moves forward only. */
  async touchSuspect(id: string, seen: string, at: string): Promise<void> {
    await this.db
      .updateTable('intake_suspects')
      .set({ last_seen: sql`CASE WHEN last_seen < ${seen} THEN ${seen} ELSE last_seen END`, updated_at: at })
      .where('id', '=', id)
      .execute();
  }
  async updateSuspect(id: string, set: Partial<IntakeSuspectsTable>): Promise<void> {
    await this.db.updateTable('intake_suspects').set(set).where('id', '=', id).execute();
  }
  async listSuspects(q: { statuses: string[]; before?: string | null; limit: number }): Promise<IntakeSuspectsTable[]> {
    let s = this.db.selectFrom('intake_suspects').selectAll().where('status', 'in', q.statuses).orderBy('id', 'desc').limit(q.limit);
    if (q.before) s = s.where('id', '<', q.before);
    return s.execute();
  }
  /** Alerts of a suspect grouped by severity and kind (the score's input). */
  async suspectGroups(id: string): Promise<Array<{ severity: string; kind: string; n: number; first: string; last: string }>> {
    const rows = await this.db
      .selectFrom('intake_alerts')
      .select(['severity', 'kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('first_seen').as('first'), (eb) => eb.fn.max('last_seen').as('last')])
      .where('suspect_id', '=', id)
      .groupBy(['severity', 'kind'])
      .execute();
    return rows.map((r) => ({ severity: r.severity, kind: r.kind, n: Number(r.n), first: String(r.first), last: String(r.last) }));
  }
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
