/**
 * The delivery outbox: one row per (notice, recipient) — and per (stakeholder update, recipient):
 * updates use the same rows, with the update's id as `notice_id`, the recipient's key as
 * `person_id` and channel `email` or `webhook` (messages.service.ts). Rows are claimed in small
 * batches with a lease by one atomic statement, so concurrent workers (several `breachdesk worker`s on one
 * PostgreSQL, or a restarted process on SQLite) never hold the same row at once.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../platform/config.js';
import type { NoticeOutboxTable, NoticesDatabase } from './notices.tables.js';

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'bounced', 'postal', 'printed', 'returned'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export type OutboxRow = NoticeOutboxTable;

export class OutboxRepository {
  constructor(
    private readonly db: Kysely<NoticesDatabase>,
    private readonly dialect: Dialect,
  ) {}

  async insertMany(rows: OutboxRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    // Idempotent: re-running materialisation after a crash adds only the rows not yet there.
    const r = await this.db
      .insertInto('notice_outbox')
      .values(rows)
      .onConflict((oc) => oc.columns(['notice_id', 'person_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  /**
   * Claims up to `limit` e-mail (or webhook) rows that are due: queued and past their retry time, or left in
   * `sending` by a worker whose lease ran out (it crashed or stalled). Each claim counts as an
   * attempt. PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: one UPDATE statement (single writer).
   * Claims are meant per notice (the index leads with notice_id); without one they scan.
   */
  async claim(owner: string, limit: number, now: Date, leaseMs: number, noticeId?: string): Promise<OutboxRow[]> {
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const scope = noticeId ? sql`and notice_id = ${noticeId}` : sql``;
    const lock = this.dialect === 'postgresql' ? sql`for update skip locked` : sql``;
    // Two index-friendly claims (an OR across states would scan the table): rows stranded in
    // `sending` by a dead worker first, then due queued rows in retry-time order.
    const claimWhere = async (due: ReturnType<typeof sql>, order: ReturnType<typeof sql>, n: number) =>
      (
        await sql<OutboxRow>`
      update notice_outbox
         set state = 'sending', lease_owner = ${owner}, lease_until = ${until}, attempts = attempts + 1, updated_at = ${nowIso}
       where id in (select id from notice_outbox where ${due} ${scope} order by ${order} limit ${n} ${lock})
         and ${due}
      returning *`.execute(this.db)
      ).rows;
    const stranded = await claimWhere(sql`channel in ('email', 'webhook') and state = 'sending' and lease_until < ${nowIso}`, sql`lease_until`, limit);
    if (stranded.length >= limit) return stranded;
    const queued = await claimWhere(sql`channel in ('email', 'webhook') and state = 'queued' and next_attempt_at <= ${nowIso}`, sql`next_attempt_at`, limit - stranded.length);
    return [...stranded, ...queued];
  }

  /** Commits deliveries at once (see delivery.ts: group commit keeps the 250→commit window short). */
  async markSent(ids: string[], at: Date, code: number): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('notice_outbox')
      .set({ state: 'sent', sent_at: at.toISOString(), last_code: code, last_error: null, lease_owner: null, lease_until: null, updated_at: at.toISOString() })
      .where('id', 'in', ids)
      .where('state', '=', 'sending')
      .execute();
  }

  async markRetry(id: string, owner: string, next: Date, code: number | null, error: string, at: Date): Promise<void> {
    await this.db
      .updateTable('notice_outbox')
      .set({ state: 'queued', next_attempt_at: next.toISOString(), last_code: code, last_error: error.slice(0, 500), lease_owner: null, lease_until: null, updated_at: at.toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'sending')
      .where('lease_owner', '=', owner)
      .execute();
  }

  async markFinal(id: string, state: 'failed' | 'bounced', code: number | null, error: string, at: Date): Promise<void> {
    await this.db
      .updateTable('notice_outbox')
      .set({ state, last_code: code, last_error: error.slice(0, 500), lease_owner: null, lease_until: null, updated_at: at.toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'sending')
      .execute();
  }

  /** Hands a claimed row back untouched (lease about to expire before it was sent). */
  async release(id: string, owner: string, at: Date): Promise<void> {
    await this.db
      .updateTable('notice_outbox')
      .set({ state: 'queued', attempts: sql`attempts - 1`, lease_owner: null, lease_until: null, updated_at: at.toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'sending')
      .where('lease_owner', '=', owner)
      .execute();
  }

  /** Earliest time an e-mail row becomes due again (retry or expired lease), or null when none is pending. */
  async nextDue(noticeId?: string): Promise<Date | null> {
    let q = this.db
      .selectFrom('notice_outbox')
      .select((eb) => [eb.fn.min('next_attempt_at').as('q'), eb.fn.min('lease_until').as('l')])
      .where('channel', 'in', ['email', 'webhook'])
      .where('state', 'in', ['queued', 'sending']);
    if (noticeId) q = q.where('notice_id', '=', noticeId);
    const r = await q.executeTakeFirst();
    // A sending row is due when its lease ends; a queued row at its next attempt.
    const cands = [r?.q, r?.l].filter((v): v is string => typeof v === 'string');
    if (cands.length === 0) return null;
    return new Date(cands.sort()[0]!);
  }

  /** Jurisdictions of a notice's recipients (the ones its campaign covers, issue 20 §4). */
  async recipientJurisdictions(noticeId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('notice_outbox')
      .innerJoin('notice_people', 'notice_people.id', 'notice_outbox.person_id')
      .select('notice_people.jurisdiction')
      .distinct()
      .where('notice_outbox.notice_id', '=', noticeId)
      .execute();
    return rows.map((r) => r.jurisdiction).sort();
  }

  /** When the last message of a notice went out (the moment its obligation was met). */
  async lastSentAt(noticeId: string): Promise<string | null> {
    const r = await this.db.selectFrom('notice_outbox').select((eb) => eb.fn.max('sent_at').as('at')).where('notice_id', '=', noticeId).executeTakeFirst();
    return typeof r?.at === 'string' ? r.at : null;
  }

  async countsByState(noticeId: string, reason?: string): Promise<Record<string, number>> {
    let q = this.db
      .selectFrom('notice_outbox')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('notice_id', '=', noticeId);
    if (reason) q = q.where('channel_reason', '=', reason);
    const rows = await q.groupBy('state').execute();
    const out: Record<string, number> = {};
    for (const s of OUTBOX_STATES) out[s] = 0;
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  }

  /** Messages in each state across all notices (for /metrics). */
  async countsAllByState(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('notice_outbox')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    const out: Record<string, number> = {};
    for (const s of OUTBOX_STATES) out[s] = 0;
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  }

  async byMessageId(messageId: string): Promise<OutboxRow | undefined> {
    return this.db.selectFrom('notice_outbox').selectAll().where('message_id', '=', messageId).executeTakeFirst();
  }

  async byId(id: string): Promise<OutboxRow | undefined> {
    return this.db.selectFrom('notice_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listForNotice(noticeId: string, channel?: string, afterId = '', limit = 1000): Promise<OutboxRow[]> {
    let q = this.db.selectFrom('notice_outbox').selectAll().where('notice_id', '=', noticeId).where('id', '>', afterId);
    if (channel) q = q.where('channel', '=', channel);
    return q.orderBy('id').limit(limit).execute();
  }

  /**
   * Copies each settled outcome of a notice onto its people (notified by channel and time,
   * bounced, returned, failed) in one statement per outcome, not one per person.
   */
  async applyToPeople(noticeId: string, at: Date): Promise<void> {
    const map: [string, string][] = [
      ['sent', 'notified'],
      ['printed', 'notified'],
      ['bounced', 'bounced'],
      ['returned', 'returned'],
      ['failed', 'failed'],
    ];
    for (const [outboxState, personState] of map) {
      await sql`
        update notice_people
           set state = ${personState},
               state_channel = (select o.channel from notice_outbox o where o.notice_id = ${noticeId} and o.person_id = notice_people.id),
               state_at = (select coalesce(o.sent_at, o.updated_at) from notice_outbox o where o.notice_id = ${noticeId} and o.person_id = notice_people.id),
               updated_at = ${at.toISOString()}
         where id in (select person_id from notice_outbox where notice_id = ${noticeId} and state = ${outboxState})`.execute(this.db);
    }
  }

  async setState(id: string, state: OutboxState, at: Date, error: string | null = null): Promise<void> {
    await this.db
      .updateTable('notice_outbox')
      .set({ state, last_error: error, updated_at: at.toISOString(), ...(state === 'printed' ? { sent_at: at.toISOString() } : {}) })
      .where('id', '=', id)
      .execute();
  }
}
