/**
 * Single sign-on routes (public by nature): which sign-in methods exist, the redirect to the
 * provider, and the provider's callback, which ends like a password sign-in (sign-in.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuthError, type AccountsService } from './accounts.service.js';
import type { SecondFactorService } from './second-factor.service.js';
import { type SignInOptions, signInSteps } from './sign-in.js';
import { AuthMethodsSchema, OidcCallbackQuery, OidcStartQuery } from './sso.schema.js';
import { OIDC_STATE_COOKIE, type SsoService } from './sso.service.js';

/** Only a path of this site (never another origin, never `//host`). */
const safeNext = (n: string | undefined) => (n && /^\/(?![/\\])/.test(n) ? n : '/');

export function ssoRoutes(accounts: AccountsService, sso: SsoService | null, factors: SecondFactorService | null, opts: SignInOptions & { publicUrl: string }) {
  const steps = signInSteps(accounts, factors, opts);
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];

    app.get(
      '/api/v1/auth/methods',
      { config: { public: true }, schema: { tags, summary: 'How one can sign in here (for the sign-in page)', response: { 200: AuthMethodsSchema } } },
      async () => ({ password: true, oidc: sso ? { label: sso.label, startUrl: '/api/v1/auth/oidc/start' } : null }),
    );
    if (!sso) return;

    app.get(
      '/api/v1/auth/oidc/start',
      { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: 'Redirect to the single sign-on provider', querystring: OidcStartQuery } },
      async (request, reply) => {
        const { url, cookie } = await sso.start(safeNext(request.query.next));
        // Lax: the provider sends the browser back with a top-level GET from its own site.
        reply.setCookie(OIDC_STATE_COOKIE, cookie, { httpOnly: true, sameSite: 'lax', secure: opts.cookieSecure, path: '/api/v1/auth/oidc', maxAge: 600 });
        return reply.redirect(url, 302);
      },
    );

    app.get(
      '/api/v1/auth/oidc/callback',
      { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: 'The single sign-on provider sends the browser back here', querystring: OidcCallbackQuery } },
      async (request, reply) => {
        reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/v1/auth/oidc' });
        if (request.query.error) throw new AuthError(`single sign-on was refused: ${request.query.error_description ?? request.query.error}`);
        const current = new URL(request.url, opts.publicUrl);
        const { user, next } = await sso.callback(current, request.cookies[OIDC_STATE_COOKIE]);
        const r = await steps.afterFirstFactor(reply, user);
        const to = r.kind === 'session' ? next : `/sign-in?secondFactor=1&next=${encodeURIComponent(next)}`;
        return reply.redirect(to, 302);
      },
    );
  };
}
