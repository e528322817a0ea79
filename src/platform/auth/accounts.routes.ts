import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf, SESSION_COOKIE } from '../http/auth-hook.js';
import { ForbiddenError, NotFoundError } from '../http/problem.js';
import { actorOf, type AccountsService } from './accounts.service.js';
import { CreateUserSchema, LoginSchema, MeSchema, PageQuery, RoleSchema, SecondFactorNeededSchema, TokenSchema, UserSchema } from './accounts.schema.js';
import { type SecondFactorService, secondFactorMethods } from './second-factor.service.js';
import { type SignInOptions, signInSteps } from './sign-in.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy.js';
import { authenticated, canWrite, isAdmin, permissionsOf } from './roles.js';

export function accountsRoutes(accounts: AccountsService, opts: SignInOptions & { secondFactors?: SecondFactorService | null }) {
  const steps = signInSteps(accounts, opts.secondFactors ?? null, opts);
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/auth/login',
      {
        config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in (sets the session cookie); 202 when a second factor must complete the sign-in',
          body: LoginSchema,
          response: { 200: MeSchema, 202: SecondFactorNeededSchema },
        },
      },
      async (request, reply) => {
        const user = await accounts.login(request.body.login, request.body.password);
        const r = await steps.afterFirstFactor(reply, user);
        if (r.kind === 'session') return r.me;
        return reply.code(202).send({ secondFactor: { methods: await secondFactorMethods(opts.secondFactors, user.id) } });
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { config: { policy: authenticated, passwordChange: true, secondFactorEnrollment: true }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
      async (request, reply) => {
        const sid = request.cookies[SESSION_COOKIE];
        if (sid) await accounts.endSession(sid);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/me',
      { config: { policy: authenticated, passwordChange: true, secondFactorEnrollment: true }, schema: { tags: ['auth'], summary: 'The caller, their roles and permissions', response: { 200: MeSchema } } },
      async (request) => {
        const p = principalOf(request);
        const user =
          p.via === 'cli'
            ? { id: p.userId, username: p.username, email: p.email, displayName: p.username, roles: p.roles, disabled: false, mustChangePassword: false, createdAt: new Date(0).toISOString() }
            : await accounts.getUser(p.userId);
        if (!user) throw new NotFoundError('user');
        return { user, roles: p.roles, via: p.via, permissions: permissionsOf(p), csrfToken: request.csrfToken, secondFactorEnrollmentRequired: p.mustEnrollSecondFactor === true, mailConfigured: opts.mailConfigured };
      },
    );

    app.put(
      '/api/v1/me/password',
      {
        config: { policy: authenticated, passwordChange: true, secondFactorEnrollment: true },
        schema: {
          tags: ['auth'],
          summary: "Change my password; ends my other sessions (and with revokeTokens, revokes my API tokens)",
          body: z.object({
            currentPassword: z.string().max(MAX_PASSWORD_LENGTH),
            newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
            revokeTokens: z.boolean().optional().describe('also revoke every API token of mine (default false)'),
          }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        await accounts.login(p.username, request.body.currentPassword);
        await accounts.setPassword(p.userId, request.body.newPassword, actorOf(p), {
          keepSessionId: p.via === 'session' ? request.cookies[SESSION_COOKIE] : undefined,
          revokeTokens: request.body.revokeTokens,
        });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/users',
      {
        config: { policy: isAdmin },
        schema: { tags: ['users'], summary: 'List users (admin)', querystring: PageQuery, response: { 200: z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() }) } },
      },
      async (request) => {
        const { cursor, limit } = request.query;
        const items = await accounts.listUsers(cursor ?? null, limit + 1);
        const page = items.slice(0, limit);
        return { items: page, nextCursor: items.length > limit ? page[page.length - 1]!.username : null };
      },
    );

    app.post(
      '/api/v1/users',
      {
        config: { policy: isAdmin },
        schema: {
          tags: ['users'],
          summary: 'Create a user (admin); a one-time password is returned when none is given',
          body: CreateUserSchema,
          response: { 201: z.object({ user: UserSchema, oneTimePassword: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        const r = await accounts.createUser(request.body, actorOf(principalOf(request)));
        return reply.code(201).send({ user: r.user, oneTimePassword: r.password });
      },
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { policy: isAdmin },
        schema: {
          tags: ['users'],
          summary: 'Disable or enable a user, or change their roles (admin)',
          params: z.object({ id: z.string() }),
          body: z
            .object({ disabled: z.boolean().optional(), roles: z.array(RoleSchema).min(1).optional().describe('the new set of organisation roles (replaces the old)') })
            .refine((b) => b.disabled !== undefined || b.roles !== undefined, 'give disabled or roles'),
          response: { 200: UserSchema },
        },
      },
      async (request) => {
        const u = await accounts.getUser(request.params.id);
        if (!u) throw new NotFoundError('user');
        const me = principalOf(request);
        const { disabled, roles } = request.body;
        if (u.id === me.userId && disabled) throw new ForbiddenError('you cannot disable yourself');
        // Keeps at least the caller able to administer: another admin must take it away.
        if (u.id === me.userId && roles && !roles.includes('admin')) throw new ForbiddenError('you cannot remove your own admin role');
        let out = u;
        if (roles) out = await accounts.setRoles(u.username, roles, actorOf(me));
        if (disabled !== undefined) out = await accounts.setDisabled(u.username, disabled, actorOf(me));
        return out;
      },
    );

    app.get(
      '/api/v1/users/directory',
      {
        config: { policy: canWrite },
        schema: {
          tags: ['users'],
          summary: 'Enabled users by name, to pick incident members (no e-mail addresses)',
          response: { 200: z.object({ items: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })) }) },
        },
      },
      async () => ({ items: await accounts.directory() }),
    );

    app.get(
      '/api/v1/tokens',
      { config: { policy: authenticated }, schema: { tags: ['tokens'], summary: 'My API tokens (all for admins)', response: { 200: z.object({ items: z.array(TokenSchema) }) } } },
      async (request) => {
        const p = principalOf(request);
        return { items: await accounts.listTokens(isAdmin(p) ? null : p.userId) };
      },
    );

    app.post(
      '/api/v1/tokens',
      {
        config: { policy: authenticated },
        schema: { tags: ['tokens'], summary: 'Create an API token for myself (shown once)', body: z.object({ name: z.string().min(1).max(100) }), response: { 201: z.object({ id: z.string(), token: z.string() }) } },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const r = await accounts.createToken(p.username, request.body.name, actorOf(p));
        return reply.code(201).send({ id: r.id, token: r.token });
      },
    );

    app.delete(
      '/api/v1/tokens/:id',
      { config: { policy: authenticated }, schema: { tags: ['tokens'], summary: 'Revoke a token', params: z.object({ id: z.string() }), response: { 204: z.null() } } },
      async (request, reply) => {
        const p = principalOf(request);
        const t = await accounts.repo.findToken(request.params.id);
        if (!t || (t.user_id !== p.userId && !isAdmin(p))) throw new NotFoundError('token');
        await accounts.revokeToken(t.id, actorOf(p));
        return reply.code(204).send(null);
      },
    );
  };
}
