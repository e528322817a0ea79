/**
 * Microsoft Entra ID (Graph v1.0): disable the account **and** revoke its sign-in sessions
 * (refresh tokens and session cookies): PATCH /v1.0/users/{id} {"accountEnabled": false} and
 * POST /v1.0/users/{id}/revokeSignInSessions (Microsoft Graph "user: revokeSignInSessions"; the
 * Cortex MSEntraID responder does the same). Undo sets accountEnabled back to its saved value.
 */
import { z } from 'zod';
import type { ConnectorHandle, ConnectorKind, Operation } from '../connector.js';
import { type HttpApi, httpApi } from './http-api.js';

const Config = z.object({ baseUrl: z.string().url().default('https://graph.microsoft.com') });
type Config = z.infer<typeof Config>;

export interface EntraHandle extends ConnectorHandle {
  api: HttpApi;
}

const user = (t: string) => `/v1.0/users/${encodeURIComponent(t)}`;
const NoParams = z.object({}).strict();

async function enabled(h: EntraHandle, t: string): Promise<boolean> {
  const r = await h.api<{ accountEnabled: boolean }>('GET', `${user(t)}?$select=id,accountEnabled`, undefined, `Entra ID user "${t}" not found`);
  return r.body.accountEnabled;
}

const disable: Operation<EntraHandle, z.infer<typeof NoParams>, { accountEnabled: boolean }> = {
  name: 'disable-user',
  title: 'Disable the account and revoke its sign-in sessions',
  target: 'user principal name or object id',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  capture: async (h, t) => ({ accountEnabled: await enabled(h, t) }),
  plan: (t, _p, pre) => [`${t}: accountEnabled ${pre.accountEnabled} → false`, `POST ${user(t)}/revokeSignInSessions`],
  async apply(h, t) {
    if (await enabled(h, t)) await h.api('PATCH', user(t), { accountEnabled: false });
    await h.api('POST', `${user(t)}/revokeSignInSessions`);
    return 'disabled; sign-in sessions revoked';
  },
  async verify(h, t) {
    const on = await enabled(h, t);
    return { ok: !on, observed: `${t}: accountEnabled ${on}` };
  },
  describeUndo: (t, _p, pre) => `${t}: accountEnabled ${pre.accountEnabled} (revoked sessions do not come back)`,
  async undo(h, t, _p, pre) {
    if ((await enabled(h, t)) !== pre.accountEnabled) await h.api('PATCH', user(t), { accountEnabled: pre.accountEnabled });
  },
};

export const entraConnector: ConnectorKind<EntraHandle, Config> = {
  kind: 'entra',
  title: 'Microsoft Entra ID (Graph)',
  config: Config,
  secrets: ['accessToken'],
  operations: [disable],
  connect: async (config, secrets) => ({ api: httpApi({ baseUrl: config.baseUrl, headers: { authorization: `Bearer ${secrets.accessToken}` }, what: `Microsoft Graph at ${config.baseUrl}` }), close: async () => {} }),
  async check(h) {
    await h.api('GET', '/v1.0/organization');
    return 'Graph access token accepted';
  },
};
