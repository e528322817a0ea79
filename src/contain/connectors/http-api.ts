/**
 * JSON over HTTPS for the cloud and SaaS connectors, with the rate-limit handling their docs ask
 * for: 429 (and 503) are retried after `Retry-After` (seconds or an HTTP date, RFC 9110 §10.2.3),
 * or with exponential backoff when absent — and so is GitHub's way of saying it, a 403 with
 * `x-ratelimit-remaining: 0` (wait until `x-ratelimit-reset`, epoch seconds) or with `Retry-After`
 * (its secondary limits), a few times within a bounded wait; then the error is
 * transient so the job retries later. 401/403 are a refused credential, 404 an unknown target:
 * both permanent. Network failures are transient.
 */
import { PermanentError, TransientError } from '../connector.js';

export interface HttpApiOptions {
  baseUrl: string;
  headers: Record<string, string>;
  what: string;
  /** Retries of a 429/503 inside one call (default 3), each wait capped at maxWaitMs (default 10 s). */
  retries?: number;
  maxWaitMs?: number;
}

export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** GitHub's `x-ratelimit-reset` (epoch seconds) as a wait from now. */
export function rateLimitResetMs(header: string | null, now = Date.now()): number | null {
  if (!header || !/^\d+$/.test(header.trim())) return null;
  return Math.max(0, Number(header.trim()) * 1000 - now);
}

/** A rate-limit answer: 429, 503, or GitHub's 403 that says its limit is used up. */
function rateLimited(res: Response): boolean {
  if (res.status === 429 || res.status === 503) return true;
  return res.status === 403 && (res.headers.get('retry-after') !== null || res.headers.get('x-ratelimit-remaining') === '0');
}

export type HttpApi = <T = unknown>(method: string, path: string, body?: unknown, notFound?: string) => Promise<{ status: number; body: T }>;

export function httpApi(o: HttpApiOptions): HttpApi {
  const retries = o.retries ?? 3;
  const maxWait = o.maxWaitMs ?? 10_000;
  return async (method, path, body, notFound) => {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${o.baseUrl.replace(/\/$/, '')}${path}`, {
          method,
          headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(15_000),
        });
      } catch (e) {
        throw new TransientError(`${o.what} is unreachable (${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name})`);
      }
      if (rateLimited(res)) {
        const wait = retryAfterMs(res.headers.get('retry-after')) ?? rateLimitResetMs(res.headers.get('x-ratelimit-reset')) ?? 1000 * 2 ** attempt;
        if (attempt < retries && wait <= maxWait) {
          await new Promise((r) => setTimeout(r, wait));
          continue;
        }
        throw new TransientError(`${o.what} is rate limiting (HTTP ${res.status}); retry after ${Math.ceil(wait / 1000)} s`, wait);
      }
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {}
      if (res.status === 401 || res.status === 403) throw new PermanentError(`${o.what} refused the credential (HTTP ${res.status})`);
      if (res.status === 404 && notFound) throw new PermanentError(notFound);
      if (res.status >= 500) throw new TransientError(`${o.what} answered HTTP ${res.status}`);
      if (res.status >= 400) {
        const msg = (parsed as { errorSummary?: string; error?: { message?: string }; message?: string } | null) ?? {};
        throw new PermanentError(`${o.what}: HTTP ${res.status} ${msg.errorSummary ?? msg.error?.message ?? msg.message ?? ''}`.trim());
      }
      return { status: res.status, body: parsed as never };
    }
  };
}
