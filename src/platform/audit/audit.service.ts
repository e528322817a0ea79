/**
 * Append-only, hash-chained audit trail. Each event's hash is SHA-256 over the previous hash
 * and the event's canonical JSON, so altering, removing or reordering a row breaks the chain
 * from that row on; `audit_head` holds the last sequence number and hash so that removing the
 * newest rows is caught too.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '../config.js';
import type { AuditEventsTable, AuditHeadTable, Database } from '../db/schema.js';
import type { AuditCheckpoint } from './audit-checkpoint.js';
import { redactForAudit } from './redact.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface Actor {
  type: 'user' | 'token' | 'system' | 'cli';
  id: string | null;
  name: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' };

export interface AuditInput {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  incidentId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Event time; defaults to now. */
  at?: Date;
}

export interface AuditEvent {
  seq: number;
  id: string;
  at: string;
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string | null;
  incidentId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

type HashFields = Omit<AuditEventsTable, 'hash'>;

/** Canonical form: fixed field order; JSON payloads are hashed as stored. */
export function hashEvent(row: HashFields): string {
  const canonical = JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.actor_type,
    row.actor_id,
    row.actor_name,
    row.action,
    row.subject_type,
    row.subject_id,
    row.incident_id,
    row.before_json,
    row.after_json,
  ]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(canonical).digest('hex');
}

export type AuditListener = (event: AuditEvent) => void;

export class AuditService {
  private listeners: AuditListener[] = [];
  private checkpointTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly checkpoint: AuditCheckpoint | null = null,
  ) {}

  /** Where the head is anchored outside the database (null: not anchored). */
  get checkpointFile(): string | null {
    return this.checkpoint?.file ?? null;
  }

  /**
   * Writes the committed head to the checkpoint file now. Appends schedule this within 250 ms
   * (a burst of events costs one write); a committed event is thus anchored within that window.
   */
  async flushCheckpoint(): Promise<void> {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    if (!this.checkpoint) return;
    const head = await this.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
    if (head && Number(head.seq) > 0) this.checkpoint.advance(Number(head.seq), head.hash);
  }

  private scheduleCheckpoint(): void {
    if (!this.checkpoint || this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      this.flushCheckpoint().catch(() => {});
    }, 250);
    this.checkpointTimer.unref?.();
  }

  /**
   * Listeners hear an event as it is appended — inside the caller's transaction when `record` is
   * given one, so before it commits, and also when it then rolls back. A listener that acts on the
   * event later (a job) checks `has(id)` first (learn/updates/schedules.service.ts `runEvent`).
   */
  onEvent(listener: AuditListener): void {
    this.listeners.push(listener);
  }

  /**
   * Takes the audit head for the rest of `trx` and returns it. Row lock on the single head row
   * serialises appenders on PostgreSQL. SQLite has one writer, but a second process (the CLI beside
   * `serve`) reading the head first and writing after would get SQLITE_BUSY at once when the other
   * wrote meanwhile (a deferred transaction cannot upgrade a stale snapshot); a no-op write first
   * takes the write lock, waiting on busy_timeout, as BEGIN IMMEDIATE would
   * (sqlite.org/lang_transaction.html).
   *
   * `record` takes it; a change whose rows another audited change may lock after the head (the
   * tracked obligations: a submission locks the head with its own event, then the obligations it
   * meets) calls this first, before its own row writes, so both lock in one order. Rows first and
   * the head last is the opposite order, and PostgreSQL kills one of the two as a deadlock
   * (postgresql.org/docs/current/explicit-locking.html#LOCKING-DEADLOCKS).
   */
  async lockHead(trx: Transaction<Database>): Promise<AuditHeadTable> {
    if (this.dialect === 'sqlite') await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).execute();
    let headQuery = trx.selectFrom('audit_head').selectAll().where('id', '=', 1);
    if (this.dialect === 'postgresql') headQuery = headQuery.forUpdate();
    return headQuery.executeTakeFirstOrThrow();
  }

  /**
   * Appends an event. Pass `trx` to make the audit row part of the caller's change, so a
   * change and its audit row commit or roll back together.
   */
  async record(input: AuditInput, trx?: Transaction<Database>): Promise<AuditEvent> {
    const run = async (t: Transaction<Database>) => {
      const head = await this.lockHead(t);
      const row: HashFields = {
        seq: Number(head.seq) + 1,
        id: randomUUID(),
        at: (input.at ?? new Date()).toISOString(),
        actor_type: input.actor.type,
        actor_id: input.actor.id,
        actor_name: input.actor.name,
        action: input.action,
        subject_type: input.subjectType,
        subject_id: input.subjectId ?? null,
        incident_id: input.incidentId ?? null,
        before_json: input.before === undefined ? null : JSON.stringify(redactForAudit(input.before)),
        after_json: input.after === undefined ? null : JSON.stringify(redactForAudit(input.after)),
        prev_hash: head.hash,
      };
      const hash = hashEvent(row);
      await t.insertInto('audit_events').values({ ...row, hash }).execute();
      await t.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
      return toEvent({ ...row, hash });
    };
    const event = trx ? await run(trx) : await this.db.transaction().execute(run);
    this.scheduleCheckpoint();
    for (const l of this.listeners) l(event);
    return event;
  }

  async list(filter: { incidentId?: string; subjectType?: string; subjectId?: string; afterSeq?: number; limit?: number }): Promise<AuditEvent[]> {
    let q = this.db.selectFrom('audit_events').selectAll().orderBy('seq', 'asc');
    if (filter.incidentId) q = q.where('incident_id', '=', filter.incidentId);
    if (filter.subjectType) q = q.where('subject_type', '=', filter.subjectType);
    if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
    if (filter.afterSeq !== undefined) q = q.where('seq', '>', filter.afterSeq);
    const rows = await q.limit(filter.limit ?? 500).execute();
    return rows.map(toEvent);
  }

  /** Whether the event with this id is in the trail (committed: a rolled-back change's event is not). */
  async has(id: string): Promise<boolean> {
    return (await this.db.selectFrom('audit_events').select('seq').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /**
   * Sequence number of the newest event of an incident that is visible to `db` (0 if none): a
   * reader compares it before and after taking the audit head to learn whether a change of the
   * incident committed in between (ObligationTrackingService.recompute).
   */
  async latestSeq(incidentId: string, db: Kysely<Database> | Transaction<Database> = this.db): Promise<number> {
    const r = await db.selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq')).where('incident_id', '=', incidentId).executeTakeFirst();
    return Number(r?.seq ?? 0);
  }

  /** Time of the newest event of an incident with one of the given actions (null if none). */
  async latestAt(incidentId: string, actions: readonly string[]): Promise<string | null> {
    if (actions.length === 0) return null;
    const r = await this.db
      .selectFrom('audit_events')
      .select('at')
      .where('incident_id', '=', incidentId)
      .where('action', 'in', [...actions])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.at ?? null;
  }

  /**
   * Re-computes the chain. Returns null when intact, else the first bad event and why.
   */
  async verify(): Promise<{ ok: true; count: number } | { ok: false; seq: number | null; id: string | null; reason: string }> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    const cp = this.checkpoint?.read() ?? null;
    if (cp === 'forged') {
      return { ok: false, seq: null, id: null, reason: `the audit checkpoint ${this.checkpoint!.file} does not match its MAC (edited by hand, or from another store)` };
    }
    let hashAtCheckpoint: string | null = null;
    const pageSize = 5000;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>=', expectedSeq)
        .orderBy('seq', 'asc')
        .limit(pageSize)
        .execute();
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expectedSeq) {
          return { ok: false, seq, id: r.id, reason: `event #${expectedSeq} is missing (next found is #${seq})` };
        }
        if (r.prev_hash !== prevHash) {
          return { ok: false, seq, id: r.id, reason: `event #${seq} does not follow event #${seq - 1} (removed or reordered)` };
        }
        if (hashEvent({ ...r, seq }) !== r.hash) {
          return { ok: false, seq, id: r.id, reason: `event #${seq} was altered (hash mismatch)` };
        }
        prevHash = r.hash;
        if (cp && seq === cp.seq) hashAtCheckpoint = r.hash;
        expectedSeq = seq + 1;
        count++;
      }
      if (rows.length < pageSize) break;
    }
    const head = await this.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!head || Number(head.seq) !== count || head.hash !== prevHash) {
      return { ok: false, seq: count, id: null, reason: `the chain ends at event #${count} but the head records #${head?.seq ?? '?'} (events removed from the end)` };
    }
    if (cp && cp.seq > count) {
      return { ok: false, seq: count, id: null, reason: `the chain ends at event #${count} but the checkpoint outside the database records #${cp.seq} (events removed from the end, and audit_head rewritten)` };
    }
    if (cp && hashAtCheckpoint !== cp.hash) {
      return { ok: false, seq: cp.seq, id: null, reason: `event #${cp.seq} differs from the checkpoint outside the database (the chain was rewritten)` };
    }
    await this.flushCheckpoint();
    return { ok: true, count };
  }
}

function toEvent(r: AuditEventsTable): AuditEvent {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actor: { type: r.actor_type as Actor['type'], id: r.actor_id, name: r.actor_name },
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    incidentId: r.incident_id,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
    hash: r.hash,
  };
}
