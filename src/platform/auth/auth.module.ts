/**
 * The auth room's routes, built over the platform: local accounts, second factors, single sign-on
 * (when BREACHDESK_OIDC_ISSUER is set). The composition root adds them to the API.
 */
import type { RoutePlugin } from '../http/app.js';
import type { Platform } from '../platform.js';
import { accountsRoutes } from './accounts.routes.js';
import { SecondFactorRepository } from './second-factor.repository.js';
import { secondFactorRoutes } from './second-factor.routes.js';
import { SecondFactorService } from './second-factor.service.js';
import { SsoRepository } from './sso.repository.js';
import { ssoRoutes } from './sso.routes.js';
import { SsoService } from './sso.service.js';

export function createAuthRoutes(platform: Platform): RoutePlugin[] {
  const c = platform.config;
  const opts = { cookieSecure: c.cookieSecure, sessionMinutes: c.sessionMinutes, publicUrl: c.publicUrl, mailConfigured: c.smtpUrl !== null };
  const factors = new SecondFactorService(new SecondFactorRepository(platform.store.db), platform.keyring, platform.audit, { requiredRoles: c.secondFactorRoles, publicUrl: c.publicUrl });
  const sso = c.oidc ? new SsoService(c.oidc, new SsoRepository(platform.store.db), platform.accounts, platform.keyring, platform.audit, c.publicUrl) : null;
  return [
    accountsRoutes(platform.accounts, { ...opts, secondFactors: factors }),
    secondFactorRoutes(platform.accounts, factors, opts),
    ssoRoutes(platform.accounts, sso, factors, opts),
  ];
}
