/**
 * The webhook port and its HTTP implementation: chat messages (Slack incoming webhooks, Microsoft
 * Teams incoming webhooks / Workflows) are JSON POSTs. Delivery code depends only on
 * `WebhookPort`, as it does on `MailPort` for e-mail, so both go through one outbox.
 *
 * Outcomes follow RFC 9110: 2xx delivered; 408, 425, 429 and 5xx are transient (retried with the
 * outbox's backoff, RFC 9110 §15.5.9/§15.6, RFC 6585 §4); other 4xx are permanent (a revoked or
 * mistyped webhook URL never starts working by itself). Redirects are not followed (a webhook
 * that moves is a configuration change). The URL holds a secret and is never logged.
 */
export interface WebhookRequest {
  url: string;
  body: unknown;
  /** Sent as `Idempotency-Key` (the outbox row's message id): receivers that honour it drop a repeat. */
  idempotencyKey: string;
}

export interface WebhookResult {
  code: number;
}

export class WebhookError extends Error {
  constructor(
    message: string,
    /** The HTTP status when the receiver answered; null for network errors and timeouts. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'WebhookError';
  }
}

export interface WebhookPort {
  post(req: WebhookRequest): Promise<WebhookResult>;
}

/** True when a failed webhook call may succeed later. */
export function webhookRetryable(status: number | null): boolean {
  return status === null || status === 408 || status === 425 || status === 429 || status >= 500;
}

export function createHttpWebhook(opts: { timeoutMs?: number } = {}): WebhookPort {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    async post(req) {
      let res: Response;
      try {
        res = await fetch(req.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': req.idempotencyKey, 'user-agent': 'breachdesk' },
          body: JSON.stringify(req.body),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        // The URL carries the webhook's secret: only the host goes into the message.
        throw new WebhookError(`webhook ${new URL(req.url).host}: ${(e as Error).name === 'TimeoutError' ? 'timed out' : ((e as Error).cause as Error | undefined)?.message ?? (e as Error).message}`, null);
      }
      const text = (await res.text().catch(() => '')).slice(0, 200);
      if (res.status >= 200 && res.status < 300) return { code: res.status };
      throw new WebhookError(`webhook ${new URL(req.url).host} answered ${res.status}${text ? `: ${text}` : ''}`, res.status);
    },
  };
}
