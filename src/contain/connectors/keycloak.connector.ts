/**
 * Keycloak (Admin REST API): disable the user **and** log out all their sessions —
 * PUT /admin/realms/{realm}/users/{id} {"enabled": false}, POST …/users/{id}/logout; the admin
 * client signs in with client credentials (POST /realms/{realm}/protocol/openid-connect/token).
 * Servers before Keycloak 17 prefix every path with /auth: put it in `baseUrl`.
 */
import { z } from 'zod';
import { type ConnectorHandle, type ConnectorKind, type Operation, PermanentError, TransientError } from '../connector.js';
import { type HttpApi, httpApi } from './http-api.js';

const Config = z.object({ baseUrl: z.string().url(), realm: z.string().min(1), clientId: z.string().min(1), tokenRealm: z.string().min(1).optional() });
type Config = z.infer<typeof Config>;

export interface KeycloakHandle extends ConnectorHandle {
  api: HttpApi;
  realm: string;
}

async function connect(config: Config, secrets: Record<string, string>): Promise<KeycloakHandle> {
  const base = config.baseUrl.replace(/\/$/, '');
  let res: Response;
  try {
    res = await fetch(`${base}/realms/${encodeURIComponent(config.tokenRealm ?? config.realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: secrets.clientSecret ?? '' }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    throw new TransientError(`Keycloak at ${base} is unreachable (${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name})`);
  }
  if (res.status === 401 || res.status === 400) throw new PermanentError(`Keycloak at ${base} refused the client credentials of ${config.clientId}`);
  if (!res.ok) throw new TransientError(`Keycloak at ${base} answered HTTP ${res.status} for a token`);
  const { access_token } = (await res.json()) as { access_token: string };
  return { api: httpApi({ baseUrl: base, headers: { authorization: `Bearer ${access_token}` }, what: `Keycloak at ${base}` }), realm: config.realm, close: async () => {} };
}

const user = (h: KeycloakHandle, t: string) => `/admin/realms/${encodeURIComponent(h.realm)}/users/${encodeURIComponent(t)}`;
const enabled = async (h: KeycloakHandle, t: string) => (await h.api<{ enabled: boolean }>('GET', user(h, t), undefined, `Keycloak user "${t}" not found`)).body.enabled;
const NoParams = z.object({}).strict();

const disable: Operation<KeycloakHandle, z.infer<typeof NoParams>, { enabled: boolean }> = {
  name: 'disable-user',
  title: 'Disable the user and log out all their sessions',
  target: 'Keycloak user id',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  capture: async (h, t) => ({ enabled: await enabled(h, t) }),
  plan: (t, _p, pre) => [`${t}: enabled ${pre.enabled} → false`, `POST …/users/${t}/logout`],
  async apply(h, t) {
    if (await enabled(h, t)) await h.api('PUT', user(h, t), { enabled: false });
    await h.api('POST', `${user(h, t)}/logout`);
    return 'disabled; sessions logged out';
  },
  async verify(h, t) {
    const [on, sessions] = [await enabled(h, t), (await h.api<unknown[]>('GET', `${user(h, t)}/sessions`)).body.length];
    return { ok: !on && sessions === 0, observed: `${t}: enabled ${on}, ${sessions} session(s)` };
  },
  describeUndo: (t, _p, pre) => `${t}: enabled ${pre.enabled} (logged-out sessions do not come back)`,
  async undo(h, t, _p, pre) {
    if ((await enabled(h, t)) !== pre.enabled) await h.api('PUT', user(h, t), { enabled: pre.enabled });
  },
};

export const keycloakConnector: ConnectorKind<KeycloakHandle, Config> = {
  kind: 'keycloak',
  title: 'Keycloak',
  config: Config,
  secrets: ['clientSecret'],
  operations: [disable],
  connect,
  async check(h) {
    await h.api('GET', `/admin/realms/${encodeURIComponent(h.realm)}/users?max=1`);
    return `Keycloak realm ${h.realm}: users readable`;
  },
};
