/**
 * Second-factor routes: completing a pending sign-in (public: the pending sign-in's HttpOnly cookie
 * is the credential, rate limited per address and five wrong answers per sign-in), and setting up,
 * listing and removing one's own factors and recovery codes (allowed while set-up is required).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/auth-hook.js';
import { BadInputError } from '../errors.js';
import { actorOf, type AccountsService } from './accounts.service.js';
import { MeSchema } from './accounts.schema.js';
import { authenticated } from './roles.js';
import type { SecondFactorService } from './second-factor.service.js';
import { PENDING_COOKIE, type SignInOptions, signInSteps } from './sign-in.js';

const Options = z.record(z.string(), z.unknown()).describe('PublicKeyCredential options for navigator.credentials (WebAuthn JSON)');
const Credential = z.record(z.string(), z.unknown()).describe('the PublicKeyCredential as JSON (@simplewebauthn/browser)');
const Codes = z.object({ recoveryCodes: z.array(z.string()).nullable() });
const FactorSchema = z.object({ id: z.string(), kind: z.enum(['totp', 'webauthn']), name: z.string(), confirmed: z.boolean(), createdAt: z.string(), lastUsedAt: z.string().nullable() });

export function secondFactorRoutes(accounts: AccountsService, factors: SecondFactorService, opts: SignInOptions) {
  const steps = signInSteps(accounts, factors, opts);
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];
    const pendingCfg = { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } };
    const finish = async (reply: Parameters<typeof steps.startSession>[0], userId: string) => {
      const user = await accounts.getUser(userId);
      if (!user || user.disabled) throw new BadInputError('this account is not available');
      return steps.startSession(reply, user);
    };

    app.post(
      '/api/v1/auth/second-factor/totp',
      { config: pendingCfg, schema: { tags, summary: 'Complete a sign-in with the code of an authenticator app', body: z.object({ code: z.string().min(1).max(20) }), response: { 200: MeSchema } } },
      async (request, reply) => finish(reply, await factors.completeWithTotp(request.cookies[PENDING_COOKIE], request.body.code)),
    );
    app.post(
      '/api/v1/auth/second-factor/recovery-code',
      { config: pendingCfg, schema: { tags, summary: 'Complete a sign-in with a recovery code (each works once)', body: z.object({ code: z.string().min(1).max(40) }), response: { 200: MeSchema } } },
      async (request, reply) => finish(reply, await factors.completeWithRecoveryCode(request.cookies[PENDING_COOKIE], request.body.code)),
    );
    app.post(
      '/api/v1/auth/second-factor/webauthn/options',
      { config: pendingCfg, schema: { tags, summary: 'WebAuthn options to complete a sign-in with a security key', response: { 200: Options } } },
      async (request) => (await factors.loginOptions(request.cookies[PENDING_COOKIE])) as unknown as Record<string, unknown>,
    );
    app.post(
      '/api/v1/auth/second-factor/webauthn',
      { config: pendingCfg, schema: { tags, summary: 'Complete a sign-in with a security key', body: z.object({ response: Credential }), response: { 200: MeSchema } } },
      async (request, reply) => finish(reply, await factors.completeWithWebauthn(request.cookies[PENDING_COOKIE], request.body.response as never)),
    );

    const mine = { policy: authenticated, secondFactorEnrollment: true };
    const me = async (request: FastifyRequest) => {
      const p = principalOf(request);
      const user = p.via === 'cli' ? null : await accounts.getUser(p.userId);
      if (!user) throw new BadInputError('second factors belong to a user account (not the local CLI)');
      return { user, actor: actorOf(p) };
    };

    app.get(
      '/api/v1/me/second-factors',
      {
        config: mine,
        schema: {
          tags,
          summary: 'My second factors, whether my role requires one, and how many recovery codes are left',
          response: { 200: z.object({ items: z.array(FactorSchema), required: z.boolean(), enrolled: z.boolean(), recoveryCodesLeft: z.number() }) },
        },
      },
      async (request) => {
        const { user } = await me(request);
        return { items: await factors.list(user.id), ...(await factors.status(user)) };
      },
    );
    app.post(
      '/api/v1/me/second-factors/totp',
      {
        config: mine,
        schema: { tags, summary: 'Start setting up an authenticator app (confirm with a code)', body: z.object({ name: z.string().max(100).optional() }), response: { 201: z.object({ id: z.string(), secret: z.string(), uri: z.string() }) } },
      },
      async (request, reply) => reply.code(201).send(await factors.beginTotp((await me(request)).user, request.body.name)),
    );
    app.post(
      '/api/v1/me/second-factors/totp/confirm',
      { config: mine, schema: { tags, summary: 'Confirm an authenticator app with its current code; the first factor brings recovery codes (shown once)', body: z.object({ id: z.string().max(100), code: z.string().min(1).max(20) }), response: { 200: Codes } } },
      async (request) => {
        const { user, actor } = await me(request);
        return factors.confirmTotp(user, request.body.id, request.body.code, actor);
      },
    );
    app.post(
      '/api/v1/me/second-factors/webauthn/options',
      { config: mine, schema: { tags, summary: 'WebAuthn options to register a security key or passkey', response: { 200: Options } } },
      async (request) => (await factors.registrationOptions((await me(request)).user)) as unknown as Record<string, unknown>,
    );
    app.post(
      '/api/v1/me/second-factors/webauthn',
      { config: mine, schema: { tags, summary: 'Register a security key or passkey', body: z.object({ name: z.string().max(100).optional(), response: Credential }), response: { 201: z.object({ id: z.string() }).merge(Codes) } } },
      async (request, reply) => {
        const { user, actor } = await me(request);
        return reply.code(201).send(await factors.registerKey(user, request.body.name ?? 'Security key', request.body.response as never, actor));
      },
    );
    app.delete(
      '/api/v1/me/second-factors/:id',
      { config: mine, schema: { tags, summary: 'Remove one of my second factors', params: z.object({ id: z.string() }), response: { 204: z.null() } } },
      async (request, reply) => {
        const { user, actor } = await me(request);
        await factors.remove(user, request.params.id, actor);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/api/v1/me/recovery-codes',
      { config: { policy: authenticated }, schema: { tags, summary: 'New recovery codes (shown once; the old ones stop working)', response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) } } },
      async (request) => {
        const { user, actor } = await me(request);
        if (!(await factors.repo.hasConfirmed(user.id))) throw new BadInputError('set up a second factor first');
        return { recoveryCodes: await factors.regenerateRecoveryCodes(user, actor) };
      },
    );
  };
}
