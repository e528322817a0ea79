/**
 * The HTTP shell: Fastify with zod validation, OpenAPI, security headers, cookies,
 * problem+json errors and the fail-closed auth hook. Feature routes arrive as plugins.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Platform } from '../platform.js';
import { registerAuthHook } from './auth-hook.js';
import { lazyChildLogger } from './lazy-logger.js';
import { registerMetrics } from './metrics-route.js';
import { registerSecurityHeaders } from './security-headers.js';
import { sharedRateLimitStore } from './shared-rate-limit.js';
import { errorHandler, sendProblem } from './problem.js';

export type RoutePlugin = (app: FastifyInstance) => Promise<void> | void;

export interface HttpOptions {
  plugins: RoutePlugin[];
  /** Called after API routes: serves the web UI (static files + SPA fallback). */
  web?: RoutePlugin;
  version: string;
}

/** What a proxy's request id may look like to be kept (nginx's $request_id: 32 hex digits; a UUID). */
const PROXY_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id on every log line of a request and in its 500 answers. Fastify's default counts from
 * `req-1` in every process, so behind a load balancer two `serve` processes logged the same ids
 * for different requests; a random UUID names one request in the fleet's logs. An `X-Request-Id`
 * set by the proxy in front (nginx `proxy_set_header X-Request-Id $request_id`) is kept when it is
 * a plain token, so the proxy's access log and ours share it.
 */
export function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && PROXY_REQUEST_ID.test(h) ? h : randomUUID();
}

export async function buildHttpApp(platform: Platform, opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: platform.log as FastifyBaseLogger,
    bodyLimit: platform.config.bodyLimit,
    trustProxy: false,
    // Long uploads (evidence, leaked files) must not be cut by a request timeout.
    requestTimeout: 0,
    // Fastify logs two info lines per request (assets included), which scrolls the first-start
    // password off the screen; we log one line per request at debug instead (hook below).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    childLoggerFactory: lazyChildLogger,
  });
  // Closing: Fastify closes the connections idle when close starts (forceCloseConnections 'idle');
  // one still answering (a download) stayed open after its answer for the keep-alive timeout
  // (72 s), and the onClose hooks (intake drain, store close) waited behind it, so `docker stop`
  // killed the process first. While closing, each connection is closed as soon as it falls idle.
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    sweep = setInterval(() => app.server.closeIdleConnections(), 100).unref();
    done();
  });
  app.addHook('onClose', (_app, done) => {
    clearInterval(sweep);
    done();
  });
  // The id answers too, so a user's report of a failed request leads to its log lines. A callback
  // hook, as security-headers.ts: an async one costs a promise per request on every route.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Plain-HTTP installs (localhost, behind a TLS proxy) must keep working.
        upgradeInsecureRequests: null,
      },
    },
    hsts: platform.config.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Counted in the store, so the limits hold across every serve process (issue 18 §4).
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(platform.store) as never });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Breachdesk API', version: opts.version, description: 'Data-breach response: incidents, assessment, obligations, notices.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from `breachdesk admin token create`' },
          session: { type: 'apiKey', in: 'cookie', name: 'bd_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerAuthHook(app, platform.accounts);
  // One line per request: the route pattern, never the raw URL (ids, tokens and search terms in
  // paths or query strings stay out of the log). Server errors at warn, the rest at debug.
  // A callback hook, not async: an async one costs a promise per request (as the request-id hook).
  app.addHook('onResponse', (request, reply, done) => {
    const line = { method: request.method, route: request.routeOptions.url ?? '(unmatched)', status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 500) request.log.warn(line, 'request');
    else request.log.debug(line, 'request');
    done();
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Readiness (and the historical /api/health): the store answers. Liveness: the process does —
  // a load balancer takes a process out of rotation on `ready`, an orchestrator restarts it on `live`.
  const ready = async (_req: FastifyRequest, reply: FastifyReply) => {
    try {
      await platform.store.db.selectFrom('audit_head').select('seq').limit(1).execute();
      return { status: 'ok', database: platform.store.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: platform.store.dialect });
    }
  };
  app.get('/api/health', { schema: { hide: true } }, ready);
  app.get('/api/health/ready', { schema: { hide: true } }, ready);
  app.get('/api/health/live', { schema: { hide: true } }, async () => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
  registerMetrics(app, platform);
  for (const plugin of opts.plugins) await app.register(async (scope) => plugin(scope));
  // The web plugin owns the not-found handler (SPA fallback); without it, API 404s only.
  if (opts.web) await opts.web(app);
  else app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`));
  return app;
}
