/**
 * Local accounts: users with roles, web sessions, API tokens, login with lock-out.
 * Every change is audited; passwords and tokens never appear in audit payloads.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AuditService, Actor } from '../audit/audit.service.js';
import { BadInputError, UserError } from '../errors.js';
import type { UsersTable } from '../db/schema.js';
import type { AccountsRepository } from './accounts.repository.js';
import { passwordProblem } from './password-policy.js';
import { generatePassword, hashPassword, verifyDummy, verifyPassword } from './passwords.js';
import { ROLES, type Principal, type Role } from './roles.js';
import { hashToken, newToken } from './tokens.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Absolute session lifetime regardless of activity. */
const SESSION_ABSOLUTE_HOURS = 7 * 24;

export interface User {
  id: string;
  username: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface CreateUserInput {
  email: string;
  username?: string;
  displayName?: string;
  roles: Role[];
  password?: string | null;
  mustChangePassword?: boolean;
}

export class AuthError extends UserError {
  constructor(
    message: string,
    readonly status: 401 | 403 | 423 | 429 = 401,
  ) {
    super(message, 1);
  }
}

function toUser(r: UsersTable): User {
  return {
    id: r.id,
    username: r.username,
    email: r.email,
    displayName: r.display_name,
    roles: JSON.parse(r.roles) as Role[],
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
  };
}

export function toPrincipal(u: User, via: Principal['via'], tokenId?: string): Principal {
  const p: Principal = { userId: u.id, username: u.username, email: u.email, roles: u.roles, via, tokenId };
  if (u.mustChangePassword) p.mustChangePassword = true;
  return p;
}

export function actorOf(p: Principal): Actor {
  return { type: p.via === 'token' ? 'token' : p.via === 'cli' ? 'cli' : 'user', id: p.userId, name: p.username };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export class AccountsService {
  readonly repo: AccountsRepository;

  constructor(
    repoOrDb: AccountsRepository,
    private readonly audit: AuditService,
    private readonly sessionMinutes = 12 * 60,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = repoOrDb;
  }

  async createUser(input: CreateUserInput, actor: Actor): Promise<{ user: User; password: string | null }> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new BadInputError(`email: "${input.email}" is not an e-mail address`);
    const username = (input.username ?? email.split('@')[0]!).trim().toLowerCase();
    if (!/^[a-z0-9._-]{1,64}$/.test(username)) throw new BadInputError('username: 1–64 characters of a–z, 0–9, . _ -');
    if (input.roles.length === 0) throw new BadInputError(`role: at least one of ${ROLES.join(', ')}`);
    for (const r of input.roles) if (!ROLES.includes(r)) throw new BadInputError(`role: "${r}" is not one of ${ROLES.join(', ')}`);
    if (input.password !== undefined && input.password !== null) {
      const problem = passwordProblem(input.password, [username, email, input.displayName ?? '']);
      if (problem) throw new BadInputError(problem);
    }
    if (await this.repo.findUserByLogin(email)) throw new BadInputError(`email: a user with e-mail ${email} already exists`);
    if (await this.repo.findUserByLogin(username)) throw new BadInputError(`username: user ${username} already exists`);
    const generated = input.password ? null : generatePassword();
    const password = input.password ?? generated!;
    const now = this.now().toISOString();
    const row: UsersTable = {
      id: randomUUID(),
      username,
      email,
      display_name: input.displayName ?? username,
      password_hash: await hashPassword(password),
      roles: JSON.stringify([...new Set(input.roles)]),
      disabled: 0,
      must_change_password: input.mustChangePassword || generated ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    };
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(row).execute();
      const user = toUser(row);
      await this.audit.record(
        { actor, action: 'user.created', subjectType: 'user', subjectId: row.id, after: { username, roles: user.roles } },
        trx,
      );
    });
    return { user: toUser(row), password: generated };
  }

  async listUsers(after: string | null = null, limit = 100): Promise<User[]> {
    return (await this.repo.listUsers(after, limit)).map(toUser);
  }

  async getUser(id: string): Promise<User | null> {
    const r = await this.repo.findUserById(id);
    return r ? toUser(r) : null;
  }

  async findUser(login: string): Promise<User | null> {
    const r = await this.repo.findUserByLogin(login);
    return r ? toUser(r) : null;
  }

  async requireUser(login: string): Promise<User> {
    const u = await this.findUser(login);
    if (!u) throw new BadInputError(`user: no user named or with e-mail "${login}"`);
    return u;
  }

  async setDisabled(login: string, disabled: boolean, actor: Actor): Promise<User> {
    const u = await this.requireUser(login);
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ disabled: disabled ? 1 : 0, updated_at: this.now().toISOString() }).where('id', '=', u.id).execute();
      if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', u.id).execute();
      await this.audit.record(
        { actor, action: disabled ? 'user.disabled' : 'user.enabled', subjectType: 'user', subjectId: u.id, before: { disabled: u.disabled }, after: { disabled } },
        trx,
      );
    });
    return { ...u, disabled };
  }

  /** Replaces a user's organisation roles (at least one); audited with before and after. */
  async setRoles(login: string, roles: Role[], actor: Actor): Promise<User> {
    const u = await this.requireUser(login);
    const next = [...new Set(roles)];
    if (next.length === 0) throw new BadInputError(`role: at least one of ${ROLES.join(', ')}`);
    for (const r of next) if (!ROLES.includes(r)) throw new BadInputError(`role: "${r}" is not one of ${ROLES.join(', ')}`);
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ roles: JSON.stringify(next), updated_at: this.now().toISOString() }).where('id', '=', u.id).execute();
      await this.audit.record({ actor, action: 'user.roles_changed', subjectType: 'user', subjectId: u.id, before: { roles: u.roles }, after: { roles: next } }, trx);
    });
    return { ...u, roles: next };
  }

  /** Enabled users' names, for pickers (who can be added to an incident); no e-mail addresses. */
  async directory(): Promise<{ id: string; username: string; displayName: string }[]> {
    const users = await this.listUsers(null, 10_000);
    return users.filter((u) => !u.disabled).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
  }

  /**
   * Sets a new password (policy: password-policy.ts) and ends every session of the user but
   * `keepSessionId` (the one making the change), so whoever else held the old password is signed
   * out (issue 19 §5). API tokens are separate credentials for scripts and are kept unless
   * `revokeTokens` (docs/security.md says so).
   */
  async setPassword(userId: string, password: string, actor: Actor, opts: { keepSessionId?: string; revokeTokens?: boolean } = {}): Promise<void> {
    const user = await this.repo.findUserById(userId);
    if (!user) throw new BadInputError('user: no such user');
    const problem = passwordProblem(password, [user.username, user.email, user.display_name]);
    if (problem) throw new BadInputError(problem);
    const hash = await hashPassword(password);
    const nowIso = this.now().toISOString();
    await this.repo.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: hash, must_change_password: 0, failed_logins: 0, locked_until: null, updated_at: nowIso })
        .where('id', '=', userId)
        .execute();
      let ended = trx.deleteFrom('sessions').where('user_id', '=', userId);
      if (opts.keepSessionId) ended = ended.where('id_hash', '!=', sha(opts.keepSessionId));
      const sessions = await ended.executeTakeFirst();
      let tokens = 0;
      if (opts.revokeTokens) {
        const r = await trx.updateTable('api_tokens').set({ revoked_at: nowIso }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
        tokens = Number(r.numUpdatedRows);
      }
      await this.audit.record(
        { actor, action: 'user.password_changed', subjectType: 'user', subjectId: userId, after: { sessionsEnded: Number(sessions.numDeletedRows), tokensRevoked: tokens } },
        trx,
      );
    });
  }

  /**
   * Checks a password. Each attempt is counted atomically *before* the password is checked, so
   * at most MAX_FAILED_LOGINS guesses are tried per lock-out window however many arrive at once;
   * then the account locks for LOCKOUT_MINUTES (NIST SP 800-63B §5.2.2 throttling). Unknown users
   * cost the same argon2 work and get the same words, so neither tells which accounts exist.
   */
  async login(login: string, password: string): Promise<User> {
    const row = await this.repo.findUserByLogin(login);
    const now = this.now();
    const nowIso = now.toISOString();
    const invalid = () => new AuthError('invalid user name, e-mail or password');
    if (!row) {
      await verifyDummy(password);
      throw invalid();
    }
    const locked = (until: string) => new AuthError(`account locked after ${MAX_FAILED_LOGINS} failed sign-ins; try again after ${until}`, 423);
    if (row.locked_until && row.locked_until > nowIso) throw locked(row.locked_until);
    if (row.locked_until) await this.repo.releaseExpiredLock(row.id, nowIso);
    const system: Actor = { type: 'system', id: null, name: 'auth' };
    const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
    const attempt = await this.repo.reserveLoginAttempt(row.id);
    if (attempt > MAX_FAILED_LOGINS) {
      // Parallel attempts beyond the allowance: lock without trying the password.
      await this.repo.lockUser(row.id, lockUntil);
      throw locked(lockUntil);
    }
    if (!(await verifyPassword(row.password_hash, password))) {
      const lock = attempt === MAX_FAILED_LOGINS;
      if (lock) await this.repo.lockUser(row.id, lockUntil);
      await this.audit.record({ actor: system, action: lock ? 'user.locked' : 'user.login_failed', subjectType: 'user', subjectId: row.id });
      throw invalid();
    }
    if (!(await this.repo.clearLoginFailures(row.id, nowIso))) throw locked(lockUntil);
    if (row.disabled) throw new AuthError('this account is disabled', 403);
    return toUser(row);
  }

  /** `pending`: 'second_factor_enrollment' while a required second factor is not set up yet. */
  async createSession(user: User, pending: string | null = null): Promise<{ sessionId: string; csrfToken: string; expiresAt: string }> {
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.sessionMinutes * 60_000).toISOString();
    await this.repo.insertSession({
      id_hash: sha(sessionId),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      absolute_expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3600_000).toISOString(),
      pending,
    });
    await this.audit.record({ actor: { type: 'user', id: user.id, name: user.username }, action: 'session.created', subjectType: 'user', subjectId: user.id });
    return { sessionId, csrfToken, expiresAt };
  }

  /** Resolves a session cookie; slides its expiry. Null when unknown or expired. */
  async resolveSession(sessionId: string): Promise<{ user: User; csrfToken: string; pending: string | null } | null> {
    const s = await this.repo.findSessionWithUser(sha(sessionId));
    if (!s) return null;
    const now = this.now();
    const iso = now.toISOString();
    if (s.s_expires_at <= iso || s.s_absolute_expires_at <= iso) {
      await this.repo.deleteSession(s.s_id_hash);
      return null;
    }
    if (s.disabled) return null;
    const next = new Date(now.getTime() + this.sessionMinutes * 60_000).toISOString();
    // Write at most once a minute per session to keep reads cheap.
    if (Date.parse(next) - Date.parse(s.s_expires_at) > 60_000) await this.repo.touchSession(s.s_id_hash, next);
    return { user: toUser(s), csrfToken: s.s_csrf_token, pending: s.s_pending ?? null };
  }

  async endSession(sessionId: string): Promise<void> {
    await this.repo.deleteSession(sha(sessionId));
  }

  async createToken(login: string, name: string, actor: Actor, expiresAt: string | null = null): Promise<{ id: string; token: string; user: User }> {
    const user = await this.requireUser(login);
    if (!name.trim()) throw new BadInputError('name: a token needs a name');
    const t = newToken();
    const id = randomUUID();
    await this.repo.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('api_tokens')
        .values({ id, user_id: user.id, name: name.trim(), token_hash: t.hash, prefix: t.prefix, created_at: this.now().toISOString(), last_used_at: null, revoked_at: null, expires_at: expiresAt })
        .execute();
      await this.audit.record({ actor, action: 'token.created', subjectType: 'api_token', subjectId: id, after: { user: user.username, label: name.trim() } }, trx);
    });
    return { id, token: t.token, user };
  }

  async revokeToken(idOrPrefix: string, actor: Actor): Promise<void> {
    const all = await this.repo.listTokens(null);
    const match = all.filter((t) => t.id === idOrPrefix || t.prefix === idOrPrefix);
    if (match.length !== 1) throw new BadInputError(`token: no single token with id or prefix "${idOrPrefix}"`);
    const t = match[0]!;
    await this.repo.db.transaction().execute(async (trx) => {
      await trx.updateTable('api_tokens').set({ revoked_at: this.now().toISOString() }).where('id', '=', t.id).execute();
      await this.audit.record({ actor, action: 'token.revoked', subjectType: 'api_token', subjectId: t.id }, trx);
    });
  }

  async listTokens(userId: string | null) {
    return (await this.repo.listTokens(userId)).map((t) => ({
      id: t.id,
      userId: t.user_id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.created_at,
      lastUsedAt: t.last_used_at,
      revokedAt: t.revoked_at,
    }));
  }

  /** Resolves a bearer token. Throws AuthError with a one-line reason when it cannot be used. */
  async authenticateToken(token: string): Promise<{ user: User; tokenId: string }> {
    const t = await this.repo.findTokenWithUser(hashToken(token));
    if (!t) throw new AuthError('invalid API token');
    const now = this.now().toISOString();
    if (t.t_revoked_at) throw new AuthError('this API token was revoked');
    if (t.t_expires_at && t.t_expires_at <= now) throw new AuthError('this API token has expired');
    if (t.disabled) throw new AuthError('the user of this API token is disabled', 401);
    if (!t.t_last_used_at || Date.parse(now) - Date.parse(t.t_last_used_at) > 60_000) await this.repo.updateToken(t.t_id, { last_used_at: now });
    return { user: toUser(t), tokenId: t.t_id };
  }

  /**
   * First start: with no users, creates `admin` with the configured password or a generated
   * one-time password (returned so the caller can print it once; it must be changed at sign-in).
   */
  async ensureFirstAdmin(email: string, password: string | null): Promise<{ created: boolean; password: string | null }> {
    if ((await this.repo.countUsers()) > 0) return { created: false, password: null };
    const r = await this.createUser(
      // Changed at first sign-in on every path, also when it came from BREACHDESK_ADMIN_PASSWORD
      // (it sits in an environment or a config file): issue 19 §5.
      { email, username: 'admin', displayName: 'Administrator', roles: ['admin'], password, mustChangePassword: true },
      { type: 'system', id: null, name: 'first-start' },
    );
    return { created: true, password: r.password };
  }
}
