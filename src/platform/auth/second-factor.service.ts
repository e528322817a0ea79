/**
 * Second factors (issue 19 §7): TOTP (RFC 6238, otplib) and WebAuthn security keys and passkeys
 * (W3C WebAuthn Level 2, @simplewebauthn/server), with single-use recovery codes (NIST SP 800-63B
 * §5.1.2 look-up secrets). Which organisation roles must use one is policy
 * (BREACHDESK_SECOND_FACTOR_ROLES); anyone may set one up.
 *
 * A sign-in with a password (or single sign-on) whose user has a second factor does not yet make a
 * session: it makes a pending sign-in (a random id in an HttpOnly cookie, stored hashed, five
 * minutes, five wrong codes) that the second factor completes.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import type { Transaction } from 'kysely';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Database, SecondFactorsTable } from '../db/schema.js';
import { BadInputError } from '../errors.js';
import { AuthError, type User } from './accounts.service.js';
import type { Role } from './roles.js';
import type { SecondFactorRepository } from './second-factor.repository.js';

export const CHALLENGE_MINUTES = 5;
export const MAX_SECOND_FACTOR_ATTEMPTS = 5;
export const RECOVERY_CODES = 10;

export interface SecondFactorOptions {
  requiredRoles: string[];
  /** The public URL of the web UI: its origin and host name are WebAuthn's origin and relying-party id. */
  publicUrl: string;
  now?: () => Date;
}

export interface FactorInfo {
  id: string;
  kind: 'totp' | 'webauthn';
  name: string;
  confirmed: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** Recovery codes: 16 characters of base32 (80 bits) shown as four groups; compared without dashes or case. */
const normaliseCode = (c: string) => c.replace(/[\s-]/g, '').toUpperCase();

/** The TOTP time step a code matched (otplib's union type also covers HOTP, which has none). */
const stepOf = (r: object) => (r as { timeStep: number }).timeStep;

function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  let s = '';
  for (const b of bytes) s += alphabet[b % 32];
  return s.match(/.{4}/g)!.join('-');
}

/** The ways a user can complete a pending sign-in (for the sign-in page). */
export async function secondFactorMethods(svc: SecondFactorService | null | undefined, userId: string): Promise<Array<'totp' | 'webauthn' | 'recovery_code'>> {
  if (!svc) return [];
  const kinds = new Set((await svc.repo.listFactors(userId)).filter((f) => f.confirmed === 1).map((f) => f.kind));
  return [...(kinds.has('totp') ? ['totp' as const] : []), ...(kinds.has('webauthn') ? ['webauthn' as const] : []), 'recovery_code' as const];
}

export class SecondFactorService {
  private readonly now: () => Date;
  private readonly rpId: string;
  private readonly origin: string;

  constructor(
    readonly repo: SecondFactorRepository,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly opts: SecondFactorOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    const u = new URL(opts.publicUrl);
    this.rpId = u.hostname;
    this.origin = u.origin;
  }

  isRequired(roles: readonly Role[]): boolean {
    return roles.some((r) => this.opts.requiredRoles.includes(r));
  }

  /** After the first factor: finish, ask for the second, or finish into set-up (required, none yet). */
  async nextStep(user: User): Promise<'complete' | 'challenge' | 'enroll'> {
    if (await this.repo.hasConfirmed(user.id)) return 'challenge';
    return this.isRequired(user.roles) ? 'enroll' : 'complete';
  }

  async status(user: User): Promise<{ required: boolean; enrolled: boolean; recoveryCodesLeft: number }> {
    return { required: this.isRequired(user.roles), enrolled: await this.repo.hasConfirmed(user.id), recoveryCodesLeft: await this.repo.unusedRecoveryCodes(user.id) };
  }

  // --- pending sign-in -----------------------------------------------------------------------

  /** Starts a pending sign-in; the returned id goes in an HttpOnly cookie. */
  async startChallenge(userId: string): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.repo.insertChallenge({
      id_hash: sha(id),
      user_id: userId,
      purpose: 'login',
      challenge: null,
      attempts: 0,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    });
    return id;
  }

  private async pending(id: string | undefined) {
    const row = id ? await this.repo.findChallenge(sha(id)) : undefined;
    if (row?.purpose !== 'login' || row.expires_at <= this.now().toISOString()) throw new AuthError('no sign-in waiting for a second factor (or it expired): sign in again');
    return row;
  }

  /** Runs one second-factor check of a pending sign-in; returns the user id when it passes. */
  private async attempt(id: string | undefined, check: (userId: string, challenge: string | null) => Promise<string | null>): Promise<string> {
    const row = await this.pending(id);
    if (row.attempts >= MAX_SECOND_FACTOR_ATTEMPTS) {
      await this.repo.deleteChallenge(row.id_hash);
      throw new AuthError('too many wrong codes: sign in again', 429);
    }
    const used = await check(row.user_id, row.challenge);
    if (!used) {
      const n = await this.repo.failChallenge(row.id_hash);
      await this.audit.record({ actor: { type: 'system', id: null, name: 'auth' }, action: 'user.second_factor_failed', subjectType: 'user', subjectId: row.user_id });
      if (n >= MAX_SECOND_FACTOR_ATTEMPTS) await this.repo.deleteChallenge(row.id_hash);
      throw new AuthError('that code or key was not accepted');
    }
    await this.repo.deleteChallenge(row.id_hash);
    await this.audit.record({ actor: { type: 'user', id: row.user_id, name: null }, action: 'user.second_factor_used', subjectType: 'user', subjectId: row.user_id, after: { factor: used } });
    return row.user_id;
  }

  completeWithTotp(id: string | undefined, code: string): Promise<string> {
    return this.attempt(id, async (userId) => ((await this.checkTotp(userId, code)) ? 'totp' : null));
  }

  completeWithRecoveryCode(id: string | undefined, code: string): Promise<string> {
    return this.attempt(id, async (userId) => ((await this.repo.useRecoveryCode(userId, sha(normaliseCode(code)), this.now().toISOString())) ? 'recovery_code' : null));
  }

  /** WebAuthn assertion options for a pending sign-in (its challenge is kept with it). */
  async loginOptions(id: string | undefined) {
    const row = await this.pending(id);
    const keys = (await this.repo.listFactors(row.user_id)).filter((f) => f.kind === 'webauthn' && f.confirmed === 1);
    if (keys.length === 0) throw new BadInputError('no security key is set up for this account');
    const options = await generateAuthenticationOptions({
      rpID: this.rpId,
      userVerification: 'preferred',
      allowCredentials: keys.map((k) => ({ id: k.credential_id!, transports: k.transports ? (JSON.parse(k.transports) as AuthenticatorTransportFuture[]) : undefined })),
    });
    await this.repo.setChallenge(row.id_hash, options.challenge);
    return options;
  }

  completeWithWebauthn(id: string | undefined, response: AuthenticationResponseJSON): Promise<string> {
    return this.attempt(id, async (userId, challenge) => {
      if (!challenge) throw new BadInputError('ask for the security-key options first');
      const key = (await this.repo.listFactors(userId)).find((f) => f.kind === 'webauthn' && f.confirmed === 1 && f.credential_id === response.id);
      if (!key) return null;
      try {
        const r = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: this.origin,
          expectedRPID: this.rpId,
          credential: { id: key.credential_id!, publicKey: Buffer.from(key.public_key!, 'base64url'), counter: Number(key.counter ?? 0) },
        });
        if (!r.verified) return null;
        await this.repo.updateFactor(key.id, { counter: r.authenticationInfo.newCounter, last_used_at: this.now().toISOString() });
        return 'webauthn';
      } catch {
        return null;
      }
    });
  }

  private async checkTotp(userId: string, code: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code.trim())) return false;
    for (const f of await this.repo.listFactors(userId)) {
      if (f.kind !== 'totp' || f.confirmed !== 1 || !f.secret_enc) continue;
      const secret = this.keyring.decrypt(f.secret_enc, `second-factor:${f.id}`);
      // One step either side for clock drift (RFC 6238 §5.2); each step is accepted once (replay).
      const r = await verifyTotp({ secret, token: code.trim(), epoch: Math.floor(this.now().getTime() / 1000), epochTolerance: 30 });
      if (r.valid && (await this.repo.advanceStep(f.id, stepOf(r)))) {
        await this.repo.updateFactor(f.id, { last_used_at: this.now().toISOString() });
        return true;
      }
    }
    return false;
  }

  // --- set-up (signed in) --------------------------------------------------------------------

  async list(userId: string): Promise<FactorInfo[]> {
    return (await this.repo.listFactors(userId)).map((f) => ({
      id: f.id,
      kind: f.kind as FactorInfo['kind'],
      name: f.name,
      confirmed: f.confirmed === 1,
      createdAt: f.created_at,
      lastUsedAt: f.last_used_at,
    }));
  }

  private row(userId: string, kind: string, name: string, extra: Partial<SecondFactorsTable>): SecondFactorsTable {
    return {
      id: randomUUID(),
      user_id: userId,
      kind,
      name,
      secret_enc: null,
      credential_id: null,
      public_key: null,
      counter: null,
      transports: null,
      confirmed: 0,
      last_step: null,
      created_at: this.now().toISOString(),
      last_used_at: null,
      ...extra,
    };
  }

  /** A new TOTP secret, unconfirmed until a code from the app is given (so a typo locks nobody out). */
  async beginTotp(user: User, name = 'Authenticator app'): Promise<{ id: string; secret: string; uri: string }> {
    const secret = generateSecret();
    const row = this.row(user.id, 'totp', name.trim() || 'Authenticator app', {});
    row.secret_enc = this.keyring.encrypt(secret, `second-factor:${row.id}`);
    await this.repo.insertFactor(row);
    return { id: row.id, secret, uri: generateURI({ issuer: 'Breachdesk', label: user.email, secret }) };
  }

  async confirmTotp(user: User, id: string, code: string, actor: Actor): Promise<{ recoveryCodes: string[] | null }> {
    const f = await this.repo.findFactor(user.id, id);
    if (f?.kind !== 'totp' || !f.secret_enc) throw new BadInputError('id: no such authenticator-app set-up');
    const secret = this.keyring.decrypt(f.secret_enc, `second-factor:${f.id}`);
    const r = await verifyTotp({ secret, token: code.trim(), epoch: Math.floor(this.now().getTime() / 1000), epochTolerance: 30 });
    if (!r.valid) throw new BadInputError('code: not the current code of the authenticator app (check the phone’s clock)');
    return this.confirmed(user, f.id, 'totp', actor, (repo) => repo.updateFactor(f.id, { confirmed: 1, last_step: stepOf(r) }));
  }

  async registrationOptions(user: User) {
    const keys = (await this.repo.listFactors(user.id)).filter((f) => f.kind === 'webauthn' && f.confirmed === 1);
    const options = await generateRegistrationOptions({
      rpName: 'Breachdesk',
      rpID: this.rpId,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: keys.map((k) => ({ id: k.credential_id!, transports: k.transports ? (JSON.parse(k.transports) as AuthenticatorTransportFuture[]) : undefined })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.repo.deleteChallengesOf(user.id, 'webauthn-register');
    const now = this.now();
    await this.repo.insertChallenge({
      id_hash: sha(randomBytes(32).toString('base64url')),
      user_id: user.id,
      purpose: 'webauthn-register',
      challenge: options.challenge,
      attempts: 0,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    });
    return options;
  }

  async registerKey(user: User, name: string, response: RegistrationResponseJSON, actor: Actor): Promise<{ id: string; recoveryCodes: string[] | null }> {
    const ch = await this.repo.findChallengeOf(user.id, 'webauthn-register');
    if (!ch?.challenge || ch.expires_at <= this.now().toISOString()) throw new BadInputError('ask for the security-key options first (they expire after 5 minutes)');
    await this.repo.deleteChallenge(ch.id_hash);
    let r: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      r = await verifyRegistrationResponse({ response, expectedChallenge: ch.challenge, expectedOrigin: this.origin, expectedRPID: this.rpId });
    } catch (e) {
      throw new BadInputError(`the security key's answer was not accepted: ${(e as Error).message.split('\n')[0]}`);
    }
    if (!r.verified || !r.registrationInfo) throw new BadInputError("the security key's answer was not accepted");
    const c = r.registrationInfo.credential;
    const row = this.row(user.id, 'webauthn', name.trim() || 'Security key', {
      credential_id: c.id,
      public_key: Buffer.from(c.publicKey).toString('base64url'),
      counter: c.counter,
      transports: c.transports ? JSON.stringify(c.transports) : null,
      confirmed: 1,
    });
    return { id: row.id, ...(await this.confirmed(user, row.id, 'webauthn', actor, (repo) => repo.insertFactor(row))) };
  }

  /**
   * A factor became usable (`change` confirms or inserts it): the first one brings recovery codes
   * and ends the set-up requirement. One transaction with its audit events: a factor never counts
   * without `user.second_factor_added` in the trail, nor the first without its recovery codes.
   */
  private async confirmed(user: User, id: string, kind: string, actor: Actor, change: (repo: SecondFactorRepository) => Promise<unknown>): Promise<{ recoveryCodes: string[] | null }> {
    return this.repo.transaction(async (repo, trx) => {
      await change(repo);
      const first = (await repo.listFactors(user.id)).filter((f) => f.confirmed === 1).length === 1;
      await repo.clearSessionPending(user.id);
      await this.audit.record({ actor, action: 'user.second_factor_added', subjectType: 'user', subjectId: user.id, after: { id, kind } }, trx);
      return { recoveryCodes: first ? await this.newRecoveryCodes(repo, trx, user, actor) : null };
    });
  }

  /** Ten new single-use codes, shown once; the old ones stop working. */
  async regenerateRecoveryCodes(user: User, actor: Actor): Promise<string[]> {
    return this.repo.transaction((repo, trx) => this.newRecoveryCodes(repo, trx, user, actor));
  }

  private async newRecoveryCodes(repo: SecondFactorRepository, trx: Transaction<Database>, user: User, actor: Actor): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await repo.replaceRecoveryCodes(user.id, codes.map((c) => sha(normaliseCode(c))));
    await this.audit.record({ actor, action: 'user.recovery_codes_created', subjectType: 'user', subjectId: user.id }, trx);
    return codes;
  }

  async remove(user: User, id: string, actor: Actor): Promise<void> {
    const f = await this.repo.findFactor(user.id, id);
    if (!f) throw new BadInputError('id: no such second factor');
    const others = (await this.repo.listFactors(user.id)).filter((x) => x.confirmed === 1 && x.id !== id);
    if (f.confirmed === 1 && others.length === 0 && this.isRequired(user.roles)) {
      throw new BadInputError('your role requires a second factor: add another one before removing this one');
    }
    await this.repo.transaction(async (repo, trx) => {
      await repo.deleteFactor(user.id, id);
      await this.audit.record({ actor, action: 'user.second_factor_removed', subjectType: 'user', subjectId: user.id, after: { id, kind: f.kind } }, trx);
    });
  }
}
