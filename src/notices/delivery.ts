/**
 * The outbox deliverer: claims due e-mail rows in small leased batches, sends each over the
 * mail port with its deterministic Message-ID, and commits each outcome at once.
 *
 * Guarantee (docs/notices.md "Delivery guarantees"): no recipient is skipped — a row leaves the
 * outbox only as sent, failed (5xx / attempts exhausted) or bounced; a crash at any moment
 * leaves rows queued or in `sending`, and `sending` rows whose lease ran out are re-sent with
 * the SAME Message-ID. The only window for a second copy is between the server's 250 reply to
 * the end of DATA (RFC 5321 §4.1.1.4) and our UPDATE; the copy carries the same Message-ID, so
 * receivers and audits can recognise it (RFC 5322 §3.6.4).
 *
 * Retries (RFC 5321 §4.2.1, §4.5.4.1): 4xx and connection failures are transient — retried with
 * exponential backoff; 5xx is permanent — never retried (5xx to RCPT TO = bounced).
 */
import { randomUUID } from 'node:crypto';
import type { MailPort, OutgoingMail } from './mailer.js';
import { MailError } from './mailer.js';
import type { OutboxRepository, OutboxRow } from './outbox.repository.js';
import { WebhookError, type WebhookPort, type WebhookRequest, webhookRetryable } from './webhook.js';

export interface DeliveryOptions {
  owner?: string;
  /** Rows claimed per statement. Small, so a crash strands few rows in `sending`. */
  batchSize?: number;
  /** Lease of a claimed batch; a row is not started when less than `safetyMs` of it is left. */
  leaseMs?: number;
  safetyMs?: number;
  /** Messages in flight at once (should exceed the SMTP pool size to keep it busy). */
  concurrency?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  now?: () => Date;
  /** Carries rows of channel `webhook` (stakeholder updates to chat); without it they fail. */
  webhook?: WebhookPort;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  bounced: number;
}

/** A chat message: rows of channel `webhook` render to this instead of an e-mail. */
export type OutgoingWebhook = { webhook: Omit<WebhookRequest, 'idempotencyKey'> };

export type RenderMail = ((row: OutboxRow) => Promise<OutgoingMail | OutgoingWebhook | null>) & {
  /** Loads what the rows of a claimed batch need in one query (optional). */
  prefetch?: (rows: OutboxRow[]) => Promise<void>;
};

/** Exponential backoff with a cap (1 min, 2, 4 … ≤ 6 h by default). */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
}

export type Outcome = { kind: 'retry' | 'failed' | 'bounced'; code: number | null; error: string };

/** Classifies a send failure by its SMTP reply code (RFC 5321 §4.2.1). */
export function classifyFailure(e: unknown): Outcome {
  if (e instanceof MailError) {
    if (e.code !== null && e.code >= 500) {
      const rcpt = (e.command ?? '').toUpperCase().includes('RCPT');
      return { kind: rcpt ? 'bounced' : 'failed', code: e.code, error: e.message };
    }
    return { kind: 'retry', code: e.code, error: e.message };
  }
  if (e instanceof WebhookError) return { kind: webhookRetryable(e.status) ? 'retry' : 'failed', code: e.status, error: e.message };
  return { kind: 'retry', code: null, error: e instanceof Error ? e.message : String(e) };
}

export class OutboxDeliverer {
  private readonly owner: string;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly safetyMs: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly now: () => Date;
  private readonly webhook: WebhookPort | null;
  /** Group commit of 'sent' outcomes: see commitSent. */
  private pendingSent: { id: string; code: number; done: () => void; fail: (e: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly mail: MailPort,
    private readonly render: RenderMail,
    opts: DeliveryOptions = {},
  ) {
    this.owner = opts.owner ?? `d-${randomUUID().slice(0, 8)}`;
    this.batchSize = opts.batchSize ?? 50;
    this.leaseMs = opts.leaseMs ?? 120_000;
    this.safetyMs = opts.safetyMs ?? Math.min(70_000, Math.floor(this.leaseMs / 2));
    this.concurrency = opts.concurrency ?? 20;
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.backoffBaseMs = opts.backoffBaseMs ?? 60_000;
    this.now = opts.now ?? (() => new Date());
    this.webhook = opts.webhook ?? null;
  }

  /**
   * Sends every due row (optionally of one notice). With `untilSettled`, also waits for retries
   * and expired leases until no e-mail row is queued or sending; otherwise returns once nothing
   * is due now.
   */
  async drain(opts: { noticeId?: string; untilSettled?: boolean; signal?: AbortSignal; onProgress?: (r: DrainResult) => void } = {}): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0, bounced: 0 };
    // Pipeline: keep up to `concurrency` sends in flight, refilling from small claimed batches.
    const buffer: { row: OutboxRow; leaseEnd: number }[] = [];
    let exhausted = false;
    let claiming: Promise<void> | null = null;
    const refill = async () => {
      const now = this.now();
      const rows = await this.repo.claim(this.owner, this.batchSize, now, this.leaseMs, opts.noticeId);
      if (rows.length === 0) exhausted = true;
      else await this.render.prefetch?.(rows);
      for (const row of rows) buffer.push({ row, leaseEnd: now.getTime() + this.leaseMs });
    };
    const take = async (): Promise<{ row: OutboxRow; leaseEnd: number } | null> => {
      for (;;) {
        if (opts.signal?.aborted) return null;
        const next = buffer.shift();
        if (next) {
          if (buffer.length < this.concurrency && !exhausted && !claiming) {
            claiming = refill().finally(() => {
              claiming = null;
            });
          }
          return next;
        }
        if (exhausted) return null;
        claiming ??= refill().finally(() => {
          claiming = null;
        });
        await claiming;
      }
    };
    const worker = async () => {
      for (;;) {
        const item = await take();
        if (!item) return;
        await this.deliverOne(item.row, item.leaseEnd, result);
        opts.onProgress?.(result);
      }
    };
    for (;;) {
      exhausted = false;
      await Promise.all(Array.from({ length: this.concurrency }, worker));
      if (claiming) await claiming;
      // Rows claimed by the last refill but not taken (abort) go back unsent.
      for (const b of buffer.splice(0)) await this.repo.release(b.row.id, this.owner, this.now());
      if (!opts.untilSettled || opts.signal?.aborted) return result;
      const due = await this.repo.nextDue(opts.noticeId);
      if (!due) return result;
      const wait = Math.max(50, Math.min(due.getTime() - this.now().getTime(), 5_000));
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  /**
   * The delivery job's loop over one notice (or update): sends what is due, waits for near
   * retries, and returns when every row is settled (`nextDue` null) or the next one is due later
   * than `farMs` (the caller hands it back to the job queue for then).
   */
  async drainStream(noticeId: string, opts: { signal?: AbortSignal; farMs?: number } = {}): Promise<DrainResult & { nextDue: Date | null }> {
    const total: DrainResult = { sent: 0, retried: 0, failed: 0, bounced: 0 };
    for (;;) {
      const r = await this.drain({ noticeId, signal: opts.signal });
      total.sent += r.sent;
      total.retried += r.retried;
      total.failed += r.failed;
      total.bounced += r.bounced;
      const due = await this.repo.nextDue(noticeId);
      if (!due || opts.signal?.aborted) return { ...total, nextDue: due };
      const wait = due.getTime() - this.now().getTime();
      if (wait > (opts.farMs ?? 30_000)) return { ...total, nextDue: due };
      await new Promise((res) => setTimeout(res, Math.max(50, Math.min(wait, 30_000))));
    }
  }

  /**
   * Commits a 'sent' outcome immediately: if no commit is running, this one starts now; if one
   * is, the outcomes that arrive meanwhile go together in the next statement as soon as it ends
   * (group commit). No outcome ever waits for a timer, so the window between the server's 250
   * and our commit stays one database round trip, while high rates need far fewer statements.
   */
  private commitSent(id: string, code: number): Promise<void> {
    return new Promise((done, fail) => {
      this.pendingSent.push({ id, code, done, fail });
      if (!this.flushing) void this.flushSent();
    });
  }

  private async flushSent(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pendingSent.length > 0) {
        const batch = this.pendingSent.splice(0, 500);
        const byCode = new Map<number, typeof batch>();
        for (const b of batch) byCode.set(b.code, [...(byCode.get(b.code) ?? []), b]);
        for (const [code, items] of byCode) {
          try {
            await this.repo.markSent(
              items.map((i) => i.id),
              this.now(),
              code,
            );
            for (const i of items) i.done();
          } catch (e) {
            for (const i of items) i.fail(e);
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async deliverOne(row: OutboxRow, leaseEnd: number, result: DrainResult): Promise<void> {
    // Never start a send that might outlive our lease: another worker could then claim the row.
    if (Date.now() > leaseEnd - this.safetyMs) {
      await this.repo.release(row.id, this.owner, this.now());
      return;
    }
    let mail: OutgoingMail | OutgoingWebhook | null;
    try {
      mail = await this.render(row);
    } catch (e) {
      await this.repo.markFinal(row.id, 'failed', null, `cannot render: ${e instanceof Error ? e.message : String(e)}`, this.now());
      result.failed++;
      return;
    }
    if (!mail) {
      await this.repo.markFinal(row.id, 'failed', null, row.channel === 'webhook' ? 'no webhook for this recipient' : 'no usable e-mail address', this.now());
      result.failed++;
      return;
    }
    if ('webhook' in mail && !this.webhook) {
      await this.repo.markFinal(row.id, 'failed', null, 'webhooks are not configured for this deliverer', this.now());
      result.failed++;
      return;
    }
    try {
      const r = 'webhook' in mail ? await this.webhook!.post({ ...mail.webhook, idempotencyKey: row.message_id }) : await this.mail.send({ ...mail, messageId: row.message_id });
      await this.commitSent(row.id, r.code);
      result.sent++;
    } catch (e) {
      const o = classifyFailure(e);
      if (o.kind === 'retry' && row.attempts < this.maxAttempts) {
        const next = new Date(this.now().getTime() + retryDelayMs(row.attempts, this.backoffBaseMs));
        await this.repo.markRetry(row.id, this.owner, next, o.code, o.error, this.now());
        result.retried++;
      } else {
        const state = o.kind === 'bounced' ? 'bounced' : 'failed';
        await this.repo.markFinal(row.id, state, o.code, o.kind === 'retry' ? `gave up after ${row.attempts} attempts: ${o.error}` : o.error, this.now());
        if (state === 'bounced') result.bounced++;
        else result.failed++;
      }
    }
  }
}
