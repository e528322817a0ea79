/**
 * Messages other than notices through the notices' outbox (DESIGN.md: one delivery guarantee,
 * one place): stakeholder updates to e-mail addresses and chat webhooks. A stream (an update's
 * id) gets one outbox row per recipient key; the same deliverer claims, leases, retries and
 * commits them exactly as it does a notice's rows (delivery.ts "Delivery guarantees").
 */
import { randomUUID } from 'node:crypto';
import { OutboxDeliverer, type OutgoingWebhook } from './delivery.js';
import { MailError, type MailPort, type OutgoingMail } from './mailer.js';
import { messageIdFor, type NoticesStore } from './notices.store.js';
import type { OutboxRow } from './outbox.repository.js';
import { createHttpWebhook, type WebhookPort } from './webhook.js';

/** What a stream's renderer returns for one recipient key. */
export type StreamMessage = { channel: 'email'; to: string; subject: string; text: string } | { channel: 'webhook'; url: string; body: unknown };

export interface StreamDelivery {
  sent: number;
  retried: number;
  failed: number;
  bounced: number;
  /** Every row is sent, failed or bounced. */
  settled: boolean;
  /** When the next retry is due (the caller schedules its job again for then), or null. */
  nextDue: string | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Used when SMTP is not configured: an e-mail row then fails at once with the reason (5xx: permanent). */
const NO_MAIL: MailPort = {
  send: async () => {
    throw new MailError('e-mail is not configured: set BREACHDESK_SMTP_URL', 550, null);
  },
  close: async () => {},
};

export class MessagesService {
  constructor(
    private readonly s: NoticesStore,
    private readonly webhook: WebhookPort = createHttpWebhook(),
  ) {}

  /** Queues one message per recipient of the stream (idempotent: a repeat adds no row). */
  async enqueue(streamId: string, version: number, recipients: Array<{ key: string; channel: 'email' | 'webhook' }>): Promise<number> {
    const at = this.s.now().toISOString();
    const rows: OutboxRow[] = recipients.map((r) => ({
      id: randomUUID(),
      notice_id: streamId,
      version,
      person_id: r.key,
      channel: r.channel,
      state: 'queued',
      message_id: messageIdFor(streamId, version, r.key, this.s.deps.mailFrom),
      attempts: 0,
      next_attempt_at: at,
      lease_owner: null,
      lease_until: null,
      last_code: null,
      last_error: null,
      channel_reason: null,
      sent_at: null,
      created_at: at,
      updated_at: at,
    }));
    return this.s.outbox.insertMany(rows);
  }

  /** Delivers what is due of a stream; returns when settled or when the next retry is far off. */
  async deliver(streamId: string, render: (key: string) => Promise<StreamMessage | null>, opts: { signal?: AbortSignal; header: string }): Promise<StreamDelivery> {
    const mail = this.s.deps.mailer?.() ?? NO_MAIL;
    const from = this.s.deps.mailFrom;
    const toWire = async (row: OutboxRow): Promise<OutgoingMail | OutgoingWebhook | null> => {
      const m = await render(row.person_id);
      if (!m) return null;
      if (m.channel === 'webhook') return { webhook: { url: m.url, body: m.body } };
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(m.subject)}</title></head><body style="font-family:Helvetica,Arial,sans-serif;font-size:11pt"><p>${esc(m.text).replace(/\n/g, '<br>')}</p></body></html>`;
      // RFC 3834: an automated message.
      return { from, to: m.to, subject: m.subject, text: m.text, html, messageId: row.message_id, headers: { 'Auto-Submitted': 'auto-generated', [opts.header]: streamId } };
    };
    try {
      const d = new OutboxDeliverer(this.s.outbox, mail, toWire, { ...this.s.deps.delivery, webhook: this.webhook });
      const { nextDue, ...r } = await d.drainStream(streamId, { signal: opts.signal });
      return { ...r, settled: nextDue === null && !opts.signal?.aborted, nextDue: nextDue?.toISOString() ?? null };
    } finally {
      await mail.close();
    }
  }

  /** Messages of the stream per outbox state, and each recipient key's state. */
  async status(streamId: string): Promise<{ counts: Record<string, number>; recipients: Array<{ key: string; channel: string; state: string; sentAt: string | null; error: string | null }> }> {
    const rows = await this.s.outbox.listForNotice(streamId);
    return {
      counts: await this.s.outbox.countsByState(streamId),
      recipients: rows.map((r) => ({ key: r.person_id, channel: r.channel, state: r.state, sentAt: r.sent_at, error: r.last_error })),
    };
  }
}
