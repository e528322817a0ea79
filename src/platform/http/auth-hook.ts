/**
 * Authentication and authorisation for every /api/v1 route, fail-closed: a route without a
 * declared policy (`config.policy`) or `config.public` answers 403, so forgetting a policy can
 * never open a route.
 *
 * Scripts send `Authorization: Bearer <token>`. Browsers use the HttpOnly SameSite=Strict
 * session cookie; for unsafe methods they must also send the session's CSRF token in
 * `X-CSRF-Token` (double defence with SameSite, OWASP CSRF cheat sheet).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthError, type AccountsService, toPrincipal } from '../auth/accounts.service.js';
import type { Policy, Principal } from '../auth/roles.js';
import { isLocalSecret, LOCAL_HEADER, LOCAL_PRINCIPAL } from './local-principal.js';
import { sendProblem } from './problem.js';

export const SESSION_COOKIE = 'bd_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    policy?: Policy;
    public?: boolean;
    /** Answers while the caller must still change a one-time or bootstrap password (me, password change, sign-out). */
    passwordChange?: boolean;
    /** Answers while the caller must still set up a required second factor (me, set-up routes, sign-out). */
    secondFactorEnrollment?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerAuthHook(app: FastifyInstance, accounts: AccountsService): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/v1/') && request.url !== '/api/v1') return;
    const cfg = request.routeOptions.config;
    if (cfg?.public) return;
    const auth = request.headers.authorization;
    try {
      // In-process CLI requests (app.inject) only; see local-principal.ts.
      if (isLocalSecret(request.headers[LOCAL_HEADER])) {
        request.principal = LOCAL_PRINCIPAL;
      } else if (auth) {
        const m = /^Bearer\s+(\S+)$/i.exec(auth);
        if (!m) return sendProblem(reply, 401, 'Authorization header must be "Bearer <token>"');
        const { user, tokenId } = await accounts.authenticateToken(m[1]!);
        request.principal = toPrincipal(user, 'token', tokenId);
      } else {
        const sid = request.cookies?.[SESSION_COOKIE];
        if (!sid) return sendProblem(reply, 401, 'sign in or send an API token (Authorization: Bearer …)');
        const s = await accounts.resolveSession(sid);
        if (!s) return sendProblem(reply, 401, 'your session has expired; sign in again');
        request.principal = toPrincipal(s.user, 'session');
        if (s.pending === 'second_factor_enrollment') request.principal.mustEnrollSecondFactor = true;
        request.csrfToken = s.csrfToken;
        if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== s.csrfToken) {
          return sendProblem(reply, 403, 'missing or wrong X-CSRF-Token header for a signed-in browser request');
        }
      }
    } catch (e) {
      if (e instanceof AuthError) return sendProblem(reply, e.status, e.message);
      throw e;
    }
    if (!request.routeOptions.url) return; // unknown route: the 404 handler answers
    if (!cfg?.policy) return sendProblem(reply, 403, 'this route declares no access policy');
    // Enforced here, for sessions and tokens alike, not only by the web UI (issue 19 §5).
    if (request.principal?.mustChangePassword && !cfg.passwordChange) {
      return sendProblem(reply, 403, 'change your one-time password first: PUT /api/v1/me/password');
    }
    if (request.principal?.mustEnrollSecondFactor && !cfg.secondFactorEnrollment) {
      return sendProblem(reply, 403, 'your role requires a second factor: set one up first (POST /api/v1/me/second-factors/totp or …/webauthn/options)');
    }
    if (!cfg.policy(request.principal!)) {
      return sendProblem(reply, 403, `this needs the role ${cfg.policy.description}`);
    }
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AuthError('not signed in');
  return request.principal;
}
