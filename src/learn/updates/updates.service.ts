/**
 * Stakeholder updates (issue 17 §4): a draft composed from the incident's state, editable; an
 * approval for external audiences (by someone other than whoever drafted or last edited it, as for
 * notices); sending to the audience's e-mail addresses and Slack/Teams webhooks through the
 * notices' outbox (the same claim/lease/retry guarantees, one place).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import { actorOf } from '../../platform/auth/accounts.service.js';
import type { Principal } from '../../platform/auth/roles.js';
import type { Keyring } from '../../platform/crypto/keyring.js';
import { BadInputError } from '../../platform/errors.js';
import { ForbiddenError, HttpError, NotFoundError } from '../../platform/http/problem.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { LearnPorts, OutboxMessage } from '../learn.ports.js';
import type { LearnService } from '../learn.service.js';
import type { LearnUpdatesTable } from '../learn.tables.js';
import type { AudiencesService } from './audiences.service.js';
import { AUDIENCES, type Audience, type ComposedUpdate, composeUpdate, toEmailText, toSlack, toTeams } from './compose.js';
import type { UpdateView } from './updates.schema.js';
import type { UpdatesRepository } from './updates.repository.js';

export type UpdateFormat = 'email' | 'slack' | 'teams';
export const UPDATE_DELIVER_QUEUE = 'learn.update-deliver';
/** Who drafts and sends scheduled and event-triggered updates. */
export const UPDATES_ACTOR: Actor = { type: 'system', id: null, name: 'stakeholder-updates' };
const SYSTEM_ID = 'system:updates';
/** Incident roles that may approve an update to an external audience (besides org role legal). */
const APPROVER_ROLES = ['commander', 'communications', 'legal_counsel', 'dpo'];

interface Snapshot {
  key: string;
  channel: 'email' | 'webhook';
  to?: string;
  format?: 'slack' | 'teams';
  url?: string;
}

const hashOf = (subject: string, body: string) => createHash('sha256').update(`${subject}\n${body}`).digest('hex');

export class UpdatesService {
  constructor(
    private readonly d: { learn: LearnService; ports: LearnPorts; repo: UpdatesRepository; audiences: AudiencesService; keyring: Keyring; audit: AuditService; jobs: JobQueue },
  ) {}

  private now(): Date {
    return this.d.learn.now();
  }

  /** The update composed from the incident's state now (no access check: callers check). */
  async composeFor(incidentId: string, audience: Audience): Promise<ComposedUpdate> {
    const { ports } = this.d;
    const i = await ports.incidents.get(incidentId);
    if (!i) throw new NotFoundError('incident');
    const [people, obligations, tasks] = await Promise.all([ports.notifications.peopleByJurisdiction(incidentId), ports.obligations.list(incidentId), ports.incidents.tasks(incidentId)]);
    const now = this.now().toISOString();
    return composeUpdate(audience, {
      title: i.title,
      status: i.status,
      severity: i.severity,
      awareAt: i.awareAt,
      containedAt: i.containedAt,
      people: Object.values(people).reduce((a, b) => a + b, 0),
      jurisdictions: Object.keys(people).sort(),
      deadlines: obligations
        .filter((o) => !o.metAt && o.status !== 'not_required' && o.deadline)
        .sort((a, b) => a.deadline!.localeCompare(b.deadline!))
        .map((o) => ({ what: `${o.jurisdiction} ${o.recipient} (${o.citation})`, deadline: o.deadline! })),
      actions: tasks
        .filter((t) => t.status === 'in_progress' || (t.status === 'open' && t.dueAt && t.dueAt >= now))
        .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'))
        .map((t) => ({ title: t.title, dueAt: t.dueAt, status: t.status })),
      at: now,
    });
  }

  async preview(p: Principal, incidentId: string, audience: Audience, format: UpdateFormat): Promise<{ needsApproval: boolean; body: unknown }> {
    await this.d.learn.incident(p, incidentId);
    const u = await this.composeFor(incidentId, audience);
    const body = format === 'slack' ? toSlack(u) : format === 'teams' ? toTeams(u) : toEmailText(u);
    return { needsApproval: u.needsApproval, body };
  }

  // --- drafts ------------------------------------------------------------------------------

  /** Stores a draft (a schedule slot or event passes its trigger key: false when it already made one). */
  async createDraft(incidentId: string, audience: Audience, by: { userId: string; actor: Actor }, trigger = 'manual', triggerKey: string | null = null, scheduleId: string | null = null): Promise<{ row: LearnUpdatesTable; created: boolean }> {
    const u = await this.composeFor(incidentId, audience);
    const body = u.lines.join('\n');
    const at = this.now().toISOString();
    const row: LearnUpdatesTable = {
      id: randomUUID(),
      incident_id: incidentId,
      audience,
      trigger,
      trigger_key: triggerKey,
      schedule_id: scheduleId,
      status: 'draft',
      subject: u.subject,
      body,
      version: 1,
      content_hash: hashOf(u.subject, body),
      created_by: by.userId,
      edited_by: null,
      approved_by: null,
      approved_by_name: null,
      approved_hash: null,
      approved_at: null,
      recipients_enc: null,
      send_requested_at: null,
      sent_at: null,
      created_at: at,
      updated_at: at,
    };
    const created = await this.d.repo.transaction(async (repo, trx) => {
      if (!(await repo.insertUpdate(row))) return false;
      await this.d.audit.record({ actor: by.actor, action: 'update.drafted', subjectType: 'update', subjectId: row.id, incidentId, after: { audience, trigger, version: 1, contentHash: row.content_hash } }, trx);
      return true;
    });
    if (!created) return { row: (await this.d.repo.byTriggerKey(triggerKey!))!, created: false };
    return { row, created: true };
  }

  async draft(p: Principal, incidentId: string, audience: Audience): Promise<UpdateView> {
    await this.d.ports.access.assertCanWrite(p, incidentId);
    const { row } = await this.createDraft(incidentId, audience, { userId: p.userId, actor: actorOf(p) });
    return this.view(p, row);
  }

  private async mustGet(p: Principal, id: string, write = false): Promise<LearnUpdatesTable> {
    const u = await this.d.repo.update(id);
    if (!u) throw new NotFoundError('update');
    try {
      if (write) await this.d.ports.access.assertCanWrite(p, u.incident_id);
      else await this.d.ports.access.assertCanRead(p, u.incident_id);
    } catch (e) {
      if (e instanceof NotFoundError) throw new NotFoundError('update');
      throw e;
    }
    return u;
  }

  async get(p: Principal, id: string): Promise<UpdateView> {
    return this.view(p, await this.mustGet(p, id));
  }

  async list(p: Principal, incidentId: string): Promise<UpdateView[]> {
    await this.d.learn.incident(p, incidentId);
    return Promise.all((await this.d.repo.updates(incidentId)).map((u) => this.view(p, u)));
  }

  /** Edits a draft (or an approved update, whose approval then lapses: it covered other words). */
  async edit(p: Principal, id: string, input: { subject: string; body: string }): Promise<UpdateView> {
    const u = await this.mustGet(p, id, true);
    if (!['draft', 'approved'].includes(u.status)) throw new HttpError(409, `update ${id} is ${u.status}: it can no longer be edited`);
    const hash = hashOf(input.subject, input.body);
    await this.d.repo.transaction(async (repo, trx) => {
    const ok = await repo.setUpdate(id, [u.status], {
      subject: input.subject,
      body: input.body,
      version: u.version + 1,
      content_hash: hash,
      status: 'draft',
      edited_by: p.userId,
      approved_by: null,
      approved_by_name: null,
      approved_hash: null,
      approved_at: null,
      updated_at: this.now().toISOString(),
    });
    if (!ok) throw new HttpError(409, `update ${id} changed meanwhile: reload it`);
    await this.d.audit.record({ actor: actorOf(p), action: 'update.edited', subjectType: 'update', subjectId: id, incidentId: u.incident_id, before: { version: u.version, contentHash: u.content_hash }, after: { version: u.version + 1, contentHash: hash } }, trx);
    });
    return this.get(p, id);
  }

  /**
   * Approves an update to an external audience: the incident commander, its communications lead
   * or a legal member — not whoever drafted or last edited it (four eyes, as for notices).
   */
  async approve(p: Principal, id: string): Promise<UpdateView> {
    const u = await this.mustGet(p, id);
    if (!AUDIENCES[u.audience as Audience].external) throw new HttpError(409, `updates to ${AUDIENCES[u.audience as Audience].label} are internal and need no approval: send it`);
    if (u.status !== 'draft') throw new HttpError(409, `update ${id} is ${u.status}, not a draft`);
    const role = await this.d.ports.access.incidentRole(p, u.incident_id);
    if (!role || !(APPROVER_ROLES.includes(role) || p.roles.includes('legal'))) throw new ForbiddenError('approving an update to an external audience needs the incident commander, its communications lead or a legal member of the incident');
    if (u.created_by === p.userId || u.edited_by === p.userId) throw new ForbiddenError('the drafter of an update cannot approve it: someone else approves what goes outside');
    const at = this.now().toISOString();
    await this.d.repo.transaction(async (repo, trx) => {
      if (!(await repo.setUpdate(id, ['draft'], { status: 'approved', approved_by: p.userId, approved_by_name: p.username, approved_hash: u.content_hash, approved_at: at, updated_at: at }))) {
        throw new HttpError(409, `update ${id} changed meanwhile: reload it`);
      }
      await this.d.audit.record({ actor: actorOf(p), action: 'update.approved', subjectType: 'update', subjectId: id, incidentId: u.incident_id, after: { version: u.version, contentHash: u.content_hash } }, trx);
    });
    return this.get(p, id);
  }

  /** Idempotent: sending an update already sending or sent changes nothing (one outbox row per recipient). */
  async send(p: Principal, id: string): Promise<UpdateView> {
    const u = await this.mustGet(p, id, true);
    if (u.status !== 'sending' && u.status !== 'sent') await this.sendRow(u, actorOf(p));
    // Sending again what is still `sending` queues its delivery again (one job per update: the
    // singleton key), so an update whose job was lost — a crash between the commit and the queue —
    // can be pushed on; the outbox sends each recipient once.
    else if (u.status === 'sending') await this.enqueueDelivery(u.id);
    return this.get(p, id);
  }

  /**
   * Freezes the recipients (a snapshot of the audience, encrypted on the update) and hands the
   * update to the outbox. External audiences only once approved, and only the approved words.
   */
  async sendRow(u: LearnUpdatesTable, actor: Actor): Promise<void> {
    const external = AUDIENCES[u.audience as Audience].external;
    if (external && (u.status !== 'approved' || u.approved_hash !== u.content_hash)) throw new HttpError(409, `update ${u.id} goes to an external audience: it needs an approval first`);
    if (!['draft', 'approved'].includes(u.status)) throw new HttpError(409, `update ${u.id} is already ${u.status}`);
    const r = await this.d.audiences.recipients(u.audience as Audience);
    const snapshot: Snapshot[] = [
      ...r.emails.map((to, i) => ({ key: `email-${i + 1}`, channel: 'email' as const, to })),
      ...r.webhooks.map((w, i) => ({ key: `webhook-${i + 1}`, channel: 'webhook' as const, format: w.format, url: w.url })),
    ];
    if (!snapshot.length) throw new BadInputError(`no recipients for ${AUDIENCES[u.audience as Audience].label}: an admin sets them (PUT /api/v1/update-audiences/${u.audience}, or breachdesk update audience set ${u.audience} …)`);
    const at = this.now().toISOString();
    await this.d.repo.transaction(async (repo, trx) => {
      const ok = await repo.setUpdate(u.id, [u.status], { status: 'sending', recipients_enc: this.d.keyring.encryptJson(snapshot, `update:${u.id}`), send_requested_at: at, updated_at: at });
      if (!ok) throw new HttpError(409, `update ${u.id} changed meanwhile: reload it`);
      await this.d.audit.record({ actor, action: 'update.send', subjectType: 'update', subjectId: u.id, incidentId: u.incident_id, after: { audience: u.audience, version: u.version, contentHash: u.content_hash, emails: r.emails.length, webhooks: r.webhooks.length } }, trx);
    });
    await this.enqueueDelivery(u.id);
  }

  async enqueueDelivery(id: string, runAt?: Date): Promise<void> {
    await this.d.jobs.send(UPDATE_DELIVER_QUEUE, { updateId: id }, { singletonKey: `${UPDATE_DELIVER_QUEUE}:${id}${runAt ? `:${runAt.toISOString()}` : ''}`, maxAttempts: 50, runAt });
  }

  /** The delivery job: (re)queues the outbox rows, sends what is due, marks the update sent when settled. */
  async deliver(id: string, signal?: AbortSignal): Promise<{ sent: number; failed: number; settled: boolean }> {
    const u = await this.d.repo.update(id);
    if (u?.status !== 'sending' || !u.recipients_enc) return { sent: 0, failed: 0, settled: u?.status === 'sent' };
    const snapshot = this.d.keyring.decryptJson<Snapshot[]>(u.recipients_enc, `update:${u.id}`);
    await this.d.ports.outbox.enqueue(u.id, snapshot.map((s) => ({ key: s.key, channel: s.channel })));
    const lines = u.body.split('\n');
    const render = async (key: string): Promise<OutboxMessage | null> => {
      const s = snapshot.find((x) => x.key === key);
      if (!s) return null;
      if (s.channel === 'email') return { channel: 'email', to: s.to!, subject: u.subject, text: `${u.body}\n` };
      return { channel: 'webhook', url: s.url!, body: s.format === 'teams' ? toTeams({ subject: u.subject, lines }) : toSlack({ subject: u.subject, lines }) };
    };
    const r = await this.d.ports.outbox.deliver(u.id, render, signal);
    if (r.nextDue) await this.enqueueDelivery(u.id, new Date(r.nextDue));
    if (r.settled) {
      const at = this.now().toISOString();
      // Settled: the counts no longer move. Read before the transaction (the outbox is another
      // module's store: on SQLite it could not be read while this transaction holds the connection).
      const { counts } = await this.d.ports.outbox.status(u.id);
      // `sent` and its audit event together: a reader who sees `sent` finds `update.sent` too.
      await this.d.repo.transaction(async (repo, trx) => {
        if (await repo.setUpdate(u.id, ['sending'], { status: 'sent', sent_at: at, updated_at: at }))
          await this.d.audit.record({ actor: UPDATES_ACTOR, action: 'update.sent', subjectType: 'update', subjectId: u.id, incidentId: u.incident_id, after: { sent: counts.sent ?? 0, failed: (counts.failed ?? 0) + (counts.bounced ?? 0) } }, trx);
      });
    }
    return { sent: r.sent, failed: r.failed + r.bounced, settled: r.settled };
  }

  private async view(p: Principal, u: LearnUpdatesTable): Promise<UpdateView> {
    const snapshot = u.recipients_enc ? this.d.keyring.decryptJson<Snapshot[]>(u.recipients_enc, `update:${u.id}`) : [];
    const status = snapshot.length ? await this.d.ports.outbox.status(u.id) : { counts: {}, recipients: [] };
    const shown = (key: string) => {
      const s = snapshot.find((x) => x.key === key);
      if (!s) return key;
      return s.channel === 'email' ? this.d.ports.maskEmail(s.to!) : `${s.format} ${new URL(s.url!).host}`;
    };
    return {
      id: u.id,
      incidentId: u.incident_id,
      audience: u.audience as Audience,
      needsApproval: AUDIENCES[u.audience as Audience].external,
      trigger: u.trigger,
      scheduleId: u.schedule_id,
      status: u.status as UpdateView['status'],
      subject: u.subject,
      body: u.body,
      version: u.version,
      contentHash: u.content_hash,
      createdBy: u.created_by === SYSTEM_ID ? 'schedule' : u.created_by,
      draftedByMe: u.created_by === p.userId || u.edited_by === p.userId,
      approvedBy: u.approved_by_name,
      approvedAt: u.approved_at,
      sentAt: u.sent_at,
      createdAt: u.created_at,
      updatedAt: u.updated_at,
      delivery: { counts: status.counts, recipients: status.recipients.map((r) => ({ recipient: shown(r.key), channel: r.channel, state: r.state, sentAt: r.sentAt, error: r.error })) },
    };
  }

  static readonly SYSTEM = { userId: SYSTEM_ID, actor: UPDATES_ACTOR };
}
