/** The Confirm feature's store: sources, alerts, entities, suspected incidents (the only Kysely file of intake). */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import {
  type ConfirmDatabase,
  confirmDb,
  type IntakeAlertEntitiesTable,
  type IntakeAlertsTable,
  type IntakeSourcesTable,
  type IntakeSuspectsTable,
} from './confirm.tables.js';

/** Suspects still in the queue (new alerts may join them). */
export const LIVE_SUSPECT = ['open', 'acknowledged'] as const;

export class IntakeRepository {
  readonly db: Kysely<ConfirmDatabase>;

  constructor(db: Kysely<Database> | Kysely<ConfirmDatabase> | Transaction<ConfirmDatabase>) {
    this.db = confirmDb(db as Kysely<Database>);
  }

  transaction<T>(fn: (repo: IntakeRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new IntakeRepository(trx), trx as unknown as Transaction<Database>));
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
   * Insert, or count a repeat of the same (source, fingerprint): one statement, so concurrent
   * senders of the same alert never make two rows.
   */
  async upsertAlert(row: IntakeAlertsTable): Promise<{ id: string; count: number; suspectId: string | null }> {
    const r = await this.db
      .insertInto('intake_alerts')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['source', 'fingerprint']).doUpdateSet({
          count: sql`intake_alerts.count + 1`,
          last_seen: sql`CASE WHEN excluded.last_seen > intake_alerts.last_seen THEN excluded.last_seen ELSE intake_alerts.last_seen END`,
          received_at: sql`excluded.received_at`,
        }),
      )
      .returning(['id', 'count', 'suspect_id'])
      .executeTakeFirstOrThrow();
    return { id: r.id, count: Number(r.count), suspectId: r.suspect_id };
  }

  async insertEntities(rows: IntakeAlertEntitiesTable[]): Promise<void> {
    if (rows.length) await this.db.insertInto('intake_alert_entities').values(rows).execute();
  }

  /** The best-scored live suspect that saw one of these entities within [from, to]. */
  async suspectSharing(lookups: string[], from: string, to: string): Promise<{ id: string; score: number } | undefined> {
    if (!lookups.length) return undefined;
    return this.db
      .selectFrom('intake_suspect_entities as e')
      .innerJoin('intake_suspects as s', 's.id', 'e.suspect_id')
      .select(['s.id', 's.score'])
      .where('e.lookup', 'in', lookups)
      .where('e.last_seen', '>=', from)
      .where('e.first_seen', '<=', to)
      .where('s.status', 'in', [...LIVE_SUSPECT])
      .orderBy('s.score', 'desc')
      .orderBy('s.id')
      .limit(1)
      .executeTakeFirst();
  }

  /** Records that a suspect saw these entities at `at` (widening each one's window). */
  async noteSuspectEntities(suspectId: string, lookups: string[], at: string): Promise<void> {
    if (!lookups.length) return;
    await this.db
      .insertInto('intake_suspect_entities')
      .values(lookups.map((lookup) => ({ lookup, suspect_id: suspectId, first_seen: at, last_seen: at })))
      .onConflict((oc) =>
        oc.columns(['lookup', 'suspect_id']).doUpdateSet({
          first_seen: sql`CASE WHEN excluded.first_seen < intake_suspect_entities.first_seen THEN excluded.first_seen ELSE intake_suspect_entities.first_seen END`,
          last_seen: sql`CASE WHEN excluded.last_seen > intake_suspect_entities.last_seen THEN excluded.last_seen ELSE intake_suspect_entities.last_seen END`,
        }),
      )
      .execute();
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
    if (ids.length) await this.db.updateTable('intake_alerts').set(set).where('id', 'in', ids).execute();
  }
  async moveAlerts(fromSuspect: string, toSuspect: string): Promise<void> {
    await this.db.updateTable('intake_alerts').set({ suspect_id: toSuspect }).where('suspect_id', '=', fromSuspect).execute();
  }

  // --- suspected incidents -----------------------------------------------------------------
  async insertSuspect(row: IntakeSuspectsTable): Promise<void> {
    await this.db.insertInto('intake_suspects').values(row).execute();
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
