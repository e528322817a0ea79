/**
 * OpenID Connect single sign-on (OpenID Connect Core 1.0, authorization code flow with PKCE,
 * RFC 7636), with openid-client. The provider's groups claim decides the organisation roles
 * (`BREACHDESK_OIDC_ROLE_MAP`). State, nonce and PKCE verifier travel in an encrypted, short-lived
 * cookie, so no server state is kept between the redirect and the callback.
 */
import * as oidc from 'openid-client';
import type { AuditService } from '../audit/audit.service.js';
import type { Config } from '../config.js';
import type { Keyring } from '../crypto/keyring.js';
import { AuthError, type AccountsService, type User } from './accounts.service.js';
import { generatePassword } from './passwords.js';
import { rolesFromGroups } from './sso.schema.js';
import type { SsoRepository } from './sso.repository.js';

type OidcConfig = NonNullable<Config['oidc']>;
export const OIDC_STATE_COOKIE = 'bd_oidc';
const STATE_MINUTES = 10;

interface PendingState {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  exp: number;
}

export class SsoService {
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly cfg: OidcConfig,
    private readonly repo: SsoRepository,
    private readonly accounts: AccountsService,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly publicUrl: string,
  ) {}

  get label(): string {
    return this.cfg.label;
  }

  get redirectUri(): string {
    return new URL('/api/v1/auth/oidc/callback', this.publicUrl).href;
  }

  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(new URL(this.cfg.issuer), this.cfg.clientId, this.cfg.clientSecret ?? undefined, undefined, {
        // A provider on plain http is accepted only on loopback (development and tests).
        execute: /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(this.cfg.issuer) ? [oidc.allowInsecureRequests] : [],
      })
      .catch((e: unknown) => {
        this.discovered = null;
        throw new AuthError(`the single sign-on provider cannot be reached: ${(e as Error).message.split('\n')[0]}`, 403);
      });
    return this.discovered;
  }

  /** The provider's authorisation URL and the encrypted cookie that the callback needs. */
  async start(next: string): Promise<{ url: string; cookie: string }> {
    const config = await this.configuration();
    const p: PendingState = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), next, exp: Date.now() + STATE_MINUTES * 60_000 };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(p.verifier),
      code_challenge_method: 'S256',
      state: p.state,
      nonce: p.nonce,
    });
    return { url: url.href, cookie: this.keyring.encryptJson(p, 'oidc-state') };
  }

  /** Completes the code flow; returns the local user (created or updated from the provider's claims) and where to go. */
  async callback(currentUrl: URL, cookie: string | undefined): Promise<{ user: User; next: string }> {
    let p: PendingState;
    try {
      p = this.keyring.decryptJson<PendingState>(cookie ?? '', 'oidc-state');
    } catch {
      throw new AuthError('single sign-on: this answer does not belong to a sign-in started here (or it expired); try again');
    }
    if (p.exp < Date.now()) throw new AuthError('single sign-on: the sign-in took too long; try again');
    const config = await this.configuration();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: p.verifier, expectedState: p.state, expectedNonce: p.nonce, idTokenExpected: true });
      claims = { ...(tokens.claims() ?? {}) };
      if (!(this.cfg.groupsClaim in claims) && tokens.access_token) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims };
      }
    } catch (e) {
      throw new AuthError(`single sign-on failed: ${(e as Error).message.split('\n')[0]}`);
    }
    return { user: await this.userFor(claims), next: p.next };
  }

  private async userFor(claims: Record<string, unknown>): Promise<User> {
    const issuer = this.cfg.issuer;
    const subject = String(claims.sub ?? '');
    if (!subject) throw new AuthError('single sign-on: the provider sent no subject');
    const roles = rolesFromGroups(claims[this.cfg.groupsClaim], this.cfg.roleMap);
    if (roles.length === 0) throw new AuthError(`single sign-on: none of your groups at the provider grants a Breachdesk role (claim "${this.cfg.groupsClaim}")`, 403);
    const now = new Date().toISOString();
    const actor = { type: 'system' as const, id: null, name: 'sso' };
    let userId = await this.repo.findUserIdOf(issuer, subject);
    const isNew = !userId;
    if (!userId) {
      const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
      if (!email) throw new AuthError('single sign-on: the provider sent no e-mail address (scope "email")');
      const existing = await this.accounts.findUser(email);
      if (existing) {
        // Linking an existing local account by e-mail is safe only when the provider vouches for it.
        if (claims.email_verified !== true) throw new AuthError(`single sign-on: an account with ${email} exists and the provider did not verify that address; ask an admin`, 403);
        userId = existing.id;
      } else {
        const base = (typeof claims.preferred_username === 'string' ? claims.preferred_username : email.split('@')[0]!).toLowerCase().replace(/[^a-z0-9._-]/g, '-').slice(0, 56) || 'user';
        const username = (await this.accounts.findUser(base)) ? `${base}-${subject.replace(/[^a-z0-9]/gi, '').slice(0, 6).toLowerCase()}` : base;
        const created = await this.accounts.createUser(
          { email, username, displayName: typeof claims.name === 'string' ? claims.name.slice(0, 200) : username, roles, password: `${generatePassword()}${generatePassword()}` },
          actor,
        );
        userId = created.user.id;
      }
    }
    // The link, the roles the provider grants and their audit event together: roles never change
    // without `user.sso_login` saying to what.
    const linked = userId;
    await this.repo.transaction(async (repo, trx) => {
      if (isNew) await repo.link(issuer, subject, linked, now);
      else await repo.touch(issuer, subject, now);
      await repo.setRoles(linked, roles, now);
      await this.audit.record({ actor, action: 'user.sso_login', subjectType: 'user', subjectId: linked, after: { issuer, roles } }, trx);
    });
    const user = await this.accounts.getUser(userId);
    if (!user || user.disabled) throw new AuthError('this account is disabled', 403);
    return user;
  }
}
