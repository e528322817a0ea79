/**
 * What happens after a first factor (password or single sign-on), shared by both routes: a session
 * when no second factor is needed, a session restricted to setting one up when the role requires
 * one and none exists yet, or a pending sign-in that a second factor completes (second-factor.service.ts).
 */
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../http/auth-hook.js';
import type { AccountsService, User } from './accounts.service.js';
import { permissionsOf } from './roles.js';
import type { SecondFactorService } from './second-factor.service.js';

export const PENDING_COOKIE = 'bd_login';
export const ENROLLMENT_PENDING = 'second_factor_enrollment';

export interface SignInOptions {
  cookieSecure: boolean;
  sessionMinutes: number;
  /** Whether SMTP is configured; the web UI shows a "mail not configured" banner when false. */
  mailConfigured?: boolean;
}

export type SignInResult = { kind: 'session'; me: ReturnType<typeof meOf> } | { kind: 'second_factor' };

function meOf(user: User, csrfToken: string, pendingEnrollment: boolean, mailConfigured: boolean | undefined) {
  const p = { userId: user.id, username: user.username, email: user.email, roles: user.roles, via: 'session' as const };
  return { user, roles: user.roles, via: 'session' as const, permissions: permissionsOf(p), csrfToken, secondFactorEnrollmentRequired: pendingEnrollment, mailConfigured };
}

export function signInSteps(accounts: AccountsService, secondFactors: SecondFactorService | null, opts: SignInOptions) {
  const startSession = async (reply: FastifyReply, user: User, pending: string | null = null) => {
    const s = await accounts.createSession(user, pending);
    reply.setCookie(SESSION_COOKIE, s.sessionId, { httpOnly: true, sameSite: 'strict', secure: opts.cookieSecure, path: '/', maxAge: opts.sessionMinutes * 60 });
    reply.clearCookie(PENDING_COOKIE, { path: '/api/v1/auth' });
    return meOf(user, s.csrfToken, pending === ENROLLMENT_PENDING, opts.mailConfigured);
  };
  return {
    startSession,
    async afterFirstFactor(reply: FastifyReply, user: User): Promise<SignInResult> {
      const step = secondFactors ? await secondFactors.nextStep(user) : 'complete';
      if (step === 'challenge') {
        const id = await secondFactors!.startChallenge(user.id);
        reply.setCookie(PENDING_COOKIE, id, { httpOnly: true, sameSite: 'strict', secure: opts.cookieSecure, path: '/api/v1/auth', maxAge: 5 * 60 });
        return { kind: 'second_factor' };
      }
      return { kind: 'session', me: await startSession(reply, user, step === 'enroll' ? ENROLLMENT_PENDING : null) };
    },
  };
}
