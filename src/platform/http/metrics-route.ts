/**
 * GET /metrics for Prometheus, and the latency histogram fed by every request.
 *
 * Outside /api/v1 (scrapers expect the conventional path), so the auth hook does not cover it:
 * it checks its own credentials. A scraper sends `Authorization: Bearer` with either the
 * configured BREACHDESK_METRICS_TOKEN (compared in constant time) or an admin's API token.
 * Queue depths and deadline counts are operational intelligence about an ongoing breach; they
 * are never public.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AuthError } from '../auth/accounts.service.js';
import type { Platform } from '../platform.js';
import { sendProblem } from './problem.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function registerMetrics(app: FastifyInstance, platform: Platform): void {
  const { metrics } = platform;
  // A callback hook, not async: an async one costs a promise per request on every route.
  app.addHook('onResponse', (request, reply, done) => {
    // The route template (`/api/v1/incidents/:id`), never the raw URL; unknown routes share one series.
    const route = request.routeOptions.url ?? 'unmatched';
    if (route !== '/metrics') metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });

  const scraperToken = platform.config.metricsToken ? digest(platform.config.metricsToken) : null;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!m) return sendProblem(reply, 401, 'send Authorization: Bearer <BREACHDESK_METRICS_TOKEN or an admin API token>');
    const given = m[1]!;
    if (!(scraperToken && timingSafeEqual(digest(given), scraperToken))) {
      try {
        const { user } = await platform.accounts.authenticateToken(given);
        if (!user.roles.includes('admin')) return sendProblem(reply, 403, 'metrics need the metrics token or an admin API token');
      } catch (e) {
        if (e instanceof AuthError) return sendProblem(reply, 401, e.message);
        throw e;
      }
    }
    reply.header('content-type', metrics.contentType);
    return metrics.text();
  });
}
