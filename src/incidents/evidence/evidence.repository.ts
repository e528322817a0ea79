/**
 * Evidence items, their custody ledgers and incident notes in the store. The only evidence
 * file that talks to Kysely. Ledger appends lock the item row (PostgreSQL `FOR UPDATE`; SQLite
 * has one writer) so two appenders cannot both extend the same head.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '../../platform/config.js';
import type { Database } from '../../platform/db/schema.js';
import { type CustodyFields, hashCustodyRow, type StoredCustodyRow } from './custody.js';
import { type EvidenceDatabase, type EvidenceItemsTable, evidenceDb, type IncidentNotesTable } from './evidence.tables.js';
import { z } from 'zod';
import { decodeCursor as decodeKeyset, encodeCursor as encodeKeyset } from '../../platform/cursor.js';
import { transact } from '../../platform/db/transact.js';

export type CustodyEntry = Omit<CustodyFields, 'item_id' | 'seq' | 'prev_hash'>;

export interface Page {
  cursor: string | null;
  limit: number;
}

/** Opaque keyset cursor over (time, id) — the platform's cursor codec, validated on the way in. */
export function encodeCursor(at: string, id: string): string {
  return encodeKeyset([at, id]);
}

export function decodeCursor(cursor: string | null): [string, string] | null {
  return decodeKeyset(cursor, z.tuple([z.string(), z.string()])) ?? null;
}

export class EvidenceRepository {
  private readonly db: Kysely<EvidenceDatabase>;

  constructor(
    db: Kysely<Database> | Kysely<EvidenceDatabase>,
    private readonly dialect: Dialect,
  ) {
    this.db = evidenceDb(db as Kysely<Database>);
  }

  /** Runs fn in one transaction; the second argument is for AuditService.record(…, trx). */
  async transaction<T>(fn: (repo: EvidenceRepository, trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return transact(this.db, (trx) => fn(new EvidenceRepository(trx, this.dialect), trx as unknown as Transaction<Database>));
  }

  async insertItem(row: EvidenceItemsTable): Promise<void> {
    await this.db.insertInto('evidence_items').values(row).execute();
  }

  async getItem(id: string): Promise<EvidenceItemsTable | undefined> {
    const r = await this.db.selectFrom('evidence_items').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? normaliseItem(r) : undefined;
  }

  async listItems(incidentId: string, opts: { includePrivileged: boolean } & Page): Promise<EvidenceItemsTable[]> {
    let q = this.db
      .selectFrom('evidence_items')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('deleted_at', 'is', null)
      .orderBy('uploaded_at', 'asc')
      .orderBy('id', 'asc')
      .limit(opts.limit);
    if (!opts.includePrivileged) q = q.where('privileged', '=', 0);
    const after = decodeCursor(opts.cursor);
    if (after) q = q.where((eb) => eb.or([eb('uploaded_at', '>', after[0]), eb.and([eb('uploaded_at', '=', after[0]), eb('id', '>', after[1])])]));
    return (await q.execute()).map(normaliseItem);
  }

  async updateItem(id: string, set: Partial<Omit<EvidenceItemsTable, 'id' | 'custody_seq' | 'custody_hash'>>): Promise<void> {
    await this.db.updateTable('evidence_items').set(set).where('id', '=', id).execute();
  }

  /**
   * Appends a custody row after the item's current head and moves the head. Call inside
   * transaction() so the row, the head and the audit event commit together.
   */
  async appendCustody(itemId: string, entry: CustodyEntry): Promise<StoredCustodyRow> {
    let q = this.db.selectFrom('evidence_items').select(['custody_seq', 'custody_hash']).where('id', '=', itemId);
    if (this.dialect === 'postgresql') q = q.forUpdate();
    const head = await q.executeTakeFirstOrThrow();
    const fields: CustodyFields = { ...entry, item_id: itemId, seq: Number(head.custody_seq) + 1, prev_hash: head.custody_hash };
    const row: StoredCustodyRow = { ...fields, hash: hashCustodyRow(fields) };
    await this.db.insertInto('evidence_custody').values(row).execute();
    await this.db.updateTable('evidence_items').set({ custody_seq: row.seq, custody_hash: row.hash }).where('id', '=', itemId).execute();
    return row;
  }

  async custodyRows(itemId: string): Promise<StoredCustodyRow[]> {
    const rows = await this.db.selectFrom('evidence_custody').selectAll().where('item_id', '=', itemId).orderBy('seq', 'asc').execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  async insertNote(row: IncidentNotesTable): Promise<void> {
    await this.db.insertInto('incident_notes').values(row).execute();
  }

  async getNote(id: string): Promise<IncidentNotesTable | undefined> {
    return this.db.selectFrom('incident_notes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listNotes(incidentId: string, opts: { includePrivileged: boolean } & Page): Promise<IncidentNotesTable[]> {
    let q = this.db
      .selectFrom('incident_notes')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(opts.limit);
    if (!opts.includePrivileged) q = q.where('privileged', '=', 0);
    const after = decodeCursor(opts.cursor);
    if (after) q = q.where((eb) => eb.or([eb('created_at', '>', after[0]), eb.and([eb('created_at', '=', after[0]), eb('id', '>', after[1])])]));
    return q.execute();
  }
}

function normaliseItem(r: EvidenceItemsTable): EvidenceItemsTable {
  return { ...r, size: Number(r.size), custody_seq: Number(r.custody_seq) };
}
