/** The delivery campaign of an individual notice: the outbox, its delivery job, and its status. */
import { randomUUID } from 'node:crypto';
import { actorOf } from '../platform/auth/accounts.service.js';
import type { Principal } from '../platform/auth/roles.js';
import { BadInputError, FailedError } from '../platform/errors.js';
import { HttpError } from '../platform/http/problem.js';
import { type DeliveryOptions, type DrainResult, OutboxDeliverer, type RenderMail } from './delivery.js';
import type { RenderedNotice } from './drafting.js';
import { chooseChannel, consentOf, NO_CONSENT } from './electronic-notice.js';
import type { MailPort } from './mailer.js';
import { addressLines, inAudience, messageIdFor, noticeLanguage, type NoticeStatus, type NoticesStore, type NoticesTx, receivesNotice, recipientName } from './notices.store.js';
import type { OutboxRow } from './outbox.repository.js';
import type { PersonRow } from './people.repository.js';
import { renderHtml, renderText } from './render.js';

export class CampaignService {
  constructor(private readonly s: NoticesStore) {}

  /** Starts delivery of an approved individual notice: builds the outbox (idempotent), then queues it. */
  async requestSend(p: Principal, id: string, enqueue: (noticeId: string) => Promise<void>): Promise<NoticeStatus> {
    const n = await this.s.mustGet(p, id, true);
    if (n.kind !== 'individual') throw new BadInputError(`notice ${id} is a ${n.kind} notice: download it (preview --format pdf) and submit it; only individual notices are mailed`);
    if (!['approved', 'sending', 'sent'].includes(n.status)) throw new HttpError(409, `notice ${id} is ${n.status}: it needs the legal and commander approvals first`);
    if (!this.s.deps.mailer) throw new FailedError('e-mail is not configured: set BREACHDESK_SMTP_URL (smtp://user:pass@host:port) and BREACHDESK_MAIL_FROM');
    const at = this.s.now().toISOString();
    if (n.status === 'approved') {
      await this.s.change(async (tx) => {
        // Audited only when this request moved it (a concurrent request that lost does not log a second send).
        if (await tx.notices.setStatus(id, ['approved'], 'sending', at, { send_requested_at: at }))
          await this.s.deps.audit.record({ actor: actorOf(p), action: 'notice.send', subjectType: 'notice', subjectId: id, incidentId: n.incident_id, after: { version: n.current_version } }, tx.trx);
      });
    }
    await this.materialize(id);
    await enqueue(id);
    return this.status(p, id);
  }

  /** One outbox row per person in the audience. Safe to repeat after a crash (unique per person). */
  async materialize(noticeId: string): Promise<number> {
    const n = (await this.s.notices.get(noticeId))!;
    if (n.materialized_at) return 0;
    const at = this.s.now().toISOString();
    // Each person gets the notice of their jurisdiction in their language (issue 17 §6).
    const lang = noticeLanguage(n);
    const langs = await this.s.languagesOf(n.incident_id, n.jurisdiction);
    // E-mail only where the notice's rule lets it count as notice (electronic-notice.ts).
    const { allowed, primary } = await this.s.emailRuleOf(n);
    let after = '';
    let added = 0;
    for (;;) {
      const people = await this.s.people.page(n.incident_id, after, 1000);
      const rows: OutboxRow[] = [];
      for (const person of people) {
        if (!inAudience(n.jurisdiction, person.jurisdiction) || person.no_contact || !receivesNotice(lang, langs, person)) continue;
        const c = chooseChannel({ hasEmail: person.has_email === 1, hasPostal: person.has_postal === 1, emailConsent: consentOf(person.email_consent) }, allowed, primary);
        rows.push({
          id: randomUUID(),
          notice_id: noticeId,
          version: n.current_version,
          person_id: person.id,
          channel: c.channel,
          state: c.state,
          message_id: messageIdFor(noticeId, n.current_version, person.id, this.s.deps.mailFrom),
          attempts: 0,
          next_attempt_at: at,
          lease_owner: null,
          lease_until: null,
          last_code: null,
          last_error: c.error,
          channel_reason: c.reason,
          sent_at: null,
          created_at: at,
          updated_at: at,
        });
      }
      for (let i = 0; i < rows.length; i += 500) added += await this.s.outbox.insertMany(rows.slice(i, i + 500));
      if (people.length < 1000) break;
      after = people[people.length - 1]!.id;
    }
    await this.s.notices.update(noticeId, { materialized_at: at });
    return added;
  }

  async status(p: Principal | null, id: string, tx: Pick<NoticesTx, 'notices' | 'outbox' | 'people'> = this.s): Promise<NoticeStatus> {
    const n = p ? await this.s.mustGet(p, id) : (await tx.notices.get(id))!;
    const c = await tx.outbox.countsByState(id);
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    let suppressed = 0;
    if (n.kind === 'individual') {
      for (const [j, count] of Object.entries(await tx.people.noContactByJurisdiction(n.incident_id))) if (inAudience(n.jurisdiction, j)) suppressed += count;
    }
    const counts = { queued: c.queued ?? 0, sending: c.sending ?? 0, sent: c.sent ?? 0, failed: c.failed ?? 0, bounced: c.bounced ?? 0, postal: c.postal ?? 0, printed: c.printed ?? 0, returned: c.returned ?? 0 };
    // People with an e-mail address who went by post (or nowhere) because the law did not let
    // this notice e-mail them without consent: counsel sees why the campaign is not all e-mail.
    const r = await tx.outbox.countsByState(id, NO_CONSENT);
    const emailNotPermitted = { postal: (r.postal ?? 0) + (r.printed ?? 0) + (r.returned ?? 0), failed: r.failed ?? 0 };
    return { id, status: n.status, counts, total, suppressed, emailNotPermitted, settled: n.materialized_at !== null && counts.queued === 0 && counts.sending === 0 };
  }

  /** Builds a deliverer over this store (the job handler and the crash-test worker use it). */
  deliverer(mail: MailPort, opts: DeliveryOptions = {}): OutboxDeliverer {
    return new OutboxDeliverer(this.s.outbox, mail, this.mailRenderer(), { ...this.s.deps.delivery, ...opts });
  }

  /** Renders one outbox row: the approved version's content, filled for its recipient. */
  mailRenderer(): RenderMail {
    const versions = new Map<string, RenderedNotice>();
    // People of the claimed batches, loaded once per batch (bounded: dropped when used).
    const people = new Map<string, PersonRow>();
    const render: RenderMail = async (row) => {
      const key = `${row.notice_id}:${row.version}`;
      let rendered = versions.get(key);
      if (!rendered) {
        const v = await this.s.notices.version(row.notice_id, row.version);
        if (!v?.approved_at) throw new Error(`notice ${row.notice_id} v${row.version} is not approved`);
        rendered = JSON.parse(v.rendered_json) as RenderedNotice;
        versions.set(key, rendered);
      }
      const pr = people.get(row.person_id) ?? (await this.s.people.byId(row.person_id));
      people.delete(row.person_id);
      if (!pr) return null;
      const person = this.s.decryptPerson(pr);
      if (!person.email) return null;
      const r = { name: recipientName(person, rendered.language), address: addressLines(person) };
      return {
        from: this.s.deps.mailFrom,
        to: person.email,
        subject: rendered.subject,
        text: renderText(rendered, r),
        html: renderHtml(rendered, r),
        messageId: row.message_id,
        // RFC 3834: automated message; the notice id lets bounces be matched back.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Breachdesk-Notice': row.notice_id },
      };
    };
    render.prefetch = async (rows) => {
      for (const p of await this.s.people.byIds(rows.map((r) => r.person_id))) people.set(p.id, p);
    };
    return render;
  }

  /**
   * The delivery job: (re)materialises, sends what is due, waits for near retries, and hands far
   * ones (backoff of minutes to hours) back to the queue with `reschedule`; closes the campaign
   * when every row is settled.
   */
  async runDelivery(noticeId: string, opts: { signal?: AbortSignal; reschedule?: (at: Date) => Promise<void>; mail?: MailPort } = {}): Promise<DrainResult> {
    const factory = this.s.deps.mailer;
    if (!opts.mail && !factory) throw new FailedError('e-mail is not configured: set BREACHDESK_SMTP_URL');
    await this.materialize(noticeId);
    const mail = opts.mail ?? factory!();
    try {
      const { nextDue, ...total } = await this.deliverer(mail).drainStream(noticeId, { signal: opts.signal, farMs: opts.reschedule ? 30_000 : Number.POSITIVE_INFINITY });
      if (opts.signal?.aborted) return total;
      if (nextDue) {
        await opts.reschedule?.(nextDue);
        return total;
      }
      await this.finish(noticeId);
      return total;
    } finally {
      if (!opts.mail) await mail.close();
    }
  }

  /** Marks a settled campaign sent and records per-person states. */
  async finish(noticeId: string): Promise<void> {
    // One transaction: the people's states, `sent`, its audit event and the obligations it meets.
    // Before, a crash after `sent` left the obligations owed with nothing to retry them (the job
    // finds the notice no longer `sending`).
    await this.s.change(async (tx) => {
      const n = (await tx.notices.get(noticeId))!;
      await tx.outbox.applyToPeople(noticeId, this.s.now());
      if (!(await tx.notices.setStatus(noticeId, ['sending'], 'sent', this.s.now().toISOString()))) return;
      const s = await this.status(null, noticeId, tx);
      await this.s.deps.audit.record({ actor: { type: 'system', id: null, name: 'notices' }, action: 'notice.sent', subjectType: 'notice', subjectId: noticeId, incidentId: n.incident_id, after: s.counts }, tx.trx);
      // The campaign is settled: its obligations are met, on time or late (issue 20 §4).
      // It closes them for its recipients' jurisdictions only (a DE campaign leaves FR owed).
      const sentAt = (await tx.outbox.lastSentAt(noticeId)) ?? this.s.now().toISOString();
      const reached = await tx.outbox.recipientJurisdictions(noticeId);
      await this.s.deps.obligations?.met(
        {
          incidentId: n.incident_id,
          ruleIds: JSON.parse(n.rule_ids),
          at: sentAt,
          noticeId,
          channel: 'e-mail and post',
          reference: `${s.counts.sent} e-mailed, ${s.counts.postal + s.counts.printed} by post${s.emailNotPermitted.postal ? ` (${s.emailNotPermitted.postal} without e-mail consent)` : ''}, ${s.counts.failed + s.counts.bounced} failed`,
          requireLateReason: false,
          jurisdictions: reached.length ? reached : [n.jurisdiction],
        },
        { type: 'system', id: null, name: 'notices' },
        tx.trx,
      );
    });
  }

  async applyPersonState(r: OutboxRow, people = this.s.people): Promise<void> {
    const map: Record<string, string> = { sent: 'notified', printed: 'notified', bounced: 'bounced', returned: 'returned', failed: 'failed' };
    const state = map[r.state];
    if (state) await people.setState(r.person_id, state, r.channel, r.sent_at ?? r.updated_at);
  }
}
