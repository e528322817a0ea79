/**
 * The mail port and its nodemailer SMTP implementation (pooled, rate-limited). Delivery code
 * depends only on `MailPort`, so the outbox logic is the same whatever carries the mail.
 *
 * BREACHDESK_SMTP_URL: `smtp://user:pass@host:port` (STARTTLS when the server offers it),
 * `smtps://…` (implicit TLS, RFC 8314), with optional query settings:
 *   `starttls=required` (refuse to send in clear, RFC 3207), `starttls=off` (never upgrade),
 *   `tls_reject_unauthorized=false` (self-signed test relays only),
 *   `pool=N` (connections, default 5), `rate=N` (messages per second, default unlimited).
 */
import nodemailer from 'nodemailer';
import { BadInputError } from '../platform/errors.js';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 5322 §3.6.4 Message-ID, with angle brackets; deterministic per (notice, recipient). */
  messageId: string;
  headers?: Record<string, string>;
}

export interface MailResult {
  code: number;
  response: string;
}

/** A failed send: `code` is the SMTP reply code when the server answered (RFC 5321 §4.2). */
export class MailError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    /** The SMTP command that drew the reply (e.g. "RCPT TO"), when known. */
    readonly command: string | null,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

export interface MailPort {
  send(mail: OutgoingMail): Promise<MailResult>;
  close(): Promise<void>;
}

export interface SmtpSettings {
  url: string;
  /** Parallel SMTP connections in the pool. */
  connections?: number;
  /** Messages per second over the whole pool; 0 = unlimited. */
  ratePerSecond?: number;
}

/** nodemailer options from the URL (credentials stay inside; never logged). */
export function smtpOptions(s: SmtpSettings): Record<string, unknown> {
  let u: URL;
  try {
    u = new URL(s.url);
  } catch {
    throw new BadInputError('BREACHDESK_SMTP_URL is not a valid URL (expected smtp://user:pass@host:port)');
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new BadInputError('BREACHDESK_SMTP_URL must start with smtp:// or smtps://');
  const secure = u.protocol === 'smtps:';
  const q = u.searchParams;
  const starttls = q.get('starttls') ?? 'auto';
  const pool = Number(q.get('pool') ?? s.connections ?? 5);
  const rate = Number(q.get('rate') ?? s.ratePerSecond ?? 0);
  const opts: Record<string, unknown> = {
    pool: true,
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    requireTLS: starttls === 'required',
    ignoreTLS: starttls === 'off',
    tls: { rejectUnauthorized: q.get('tls_reject_unauthorized') !== 'false' },
    maxConnections: Number.isFinite(pool) && pool > 0 ? pool : 5,
    maxMessages: Number.POSITIVE_INFINITY,
    // Bounded timeouts: an in-flight send must finish well inside the outbox lease.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
  if (Number.isFinite(rate) && rate > 0) Object.assign(opts, { rateDelta: 1000, rateLimit: rate });
  if (u.username) opts.auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) };
  return opts;
}

export function createSmtpMailer(s: SmtpSettings): MailPort {
  const transport = nodemailer.createTransport(smtpOptions(s) as never);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: mail.headers,
        });
        const response = String(info.response ?? '');
        return { code: Number(/^\d{3}/.exec(response)?.[0] ?? 250), response };
      } catch (e) {
        const err = e as { message?: string; responseCode?: number; command?: string };
        throw new MailError(err.message ?? String(e), typeof err.responseCode === 'number' ? err.responseCode : null, err.command ?? null);
      }
    },
    async close() {
      transport.close();
    },
  };
}
