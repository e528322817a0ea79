/**
 * A real OpenID Connect provider on loopback for single sign-on tests (the `oidc-provider`
 * package, with its development login and consent pages: any user name of ACCOUNTS, any password).
 */
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

export const OIDC_CLIENT = { id: 'breachdesk-test', secret: 'test-client-secret-not-for-production' };

export const ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string; groups: string[] }> = {
  alice: { email: 'alice@idp.test', email_verified: true, name: 'Alice Responder', groups: ['staff', 'ir-team'] },
  carol: { email: 'carol@idp.test', email_verified: true, name: 'Carol Counsel', groups: ['legal-dept', 'ir-team'] },
  mallory: { email: 'mallory@idp.test', email_verified: true, name: 'Mallory Outsider', groups: ['staff'] },
};

/** group=role mapping the tests configure (BREACHDESK_OIDC_ROLE_MAP). */
export const ROLE_MAP = 'ir-team=responder,legal-dept=legal';

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startOidcProvider(redirectUris: string[]): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const issuer = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: OIDC_CLIENT.id, client_secret: OIDC_CLIENT.secret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    async findAccount(_ctx: unknown, id: string) {
      const a = ACCOUNTS[id];
      return a ? { accountId: id, claims: async () => ({ sub: `sub-${id}`, preferred_username: id, ...a }) } : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'groups'] },
    // Claims in the ID token too (not only at the userinfo endpoint).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['oidc-test-cookie-key'] },
    // biome-ignore lint/suspicious/noExplicitAny: oidc-provider's configuration typing is loose
  } as any);
  server.on('request', provider.callback());
  return { issuer, close: () => new Promise((r) => server.close(() => r())) };
}

/** The settings that point Breachdesk (served at `publicUrl`) at the test provider. */
export function oidcEnv(idp: TestProvider, publicUrl: string): Record<string, string> {
  return {
    BREACHDESK_PUBLIC_URL: publicUrl,
    BREACHDESK_OIDC_ISSUER: idp.issuer,
    BREACHDESK_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    BREACHDESK_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    BREACHDESK_OIDC_ROLE_MAP: ROLE_MAP,
    BREACHDESK_OIDC_LABEL: 'Example IdP',
  };
}
