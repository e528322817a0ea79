/**
 * Okta: suspend a user **and** clear their sessions and OAuth tokens — suspending alone leaves
 * issued sessions valid (reference §7.2). Endpoints of the Okta Users API:
 * POST /api/v1/users/{id}/lifecycle/suspend and /unsuspend, DELETE /api/v1/users/{id}/sessions?oauthTokens=true,
 * GET /api/v1/users/{id} (login or id); auth header `SSWS <token>`. Ended sessions cannot be restored.
 */
import { z } from 'zod';
import type { ConnectorHandle, ConnectorKind, Operation } from '../connector.js';
import { type HttpApi, httpApi } from './http-api.js';

const Config = z.object({ baseUrl: z.string().url() });
type Config = z.infer<typeof Config>;

export interface OktaHandle extends ConnectorHandle {
  api: HttpApi;
}

const user = (t: string) => `/api/v1/users/${encodeURIComponent(t)}`;
const NoParams = z.object({}).strict();

async function status(h: OktaHandle, t: string): Promise<{ id: string; status: string }> {
  const r = await h.api<{ id: string; status: string }>('GET', user(t), undefined, `Okta user "${t}" not found`);
  return { id: r.body.id, status: r.body.status };
}

const suspend: Operation<OktaHandle, z.infer<typeof NoParams>, { id: string; status: string }> = {
  name: 'suspend-user',
  title: 'Suspend the user and clear their sessions and OAuth tokens',
  target: 'Okta login or user id',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  capture: (h, t) => status(h, t),
  plan: (t, _p, pre) => [`${t}: ${pre.status} → ${pre.status === 'ACTIVE' ? 'SUSPENDED' : `${pre.status} (only ACTIVE users can be suspended)`}`, `DELETE ${user(pre.id)}/sessions?oauthTokens=true`],
  async apply(h, t, _p, pre) {
    if ((await status(h, t)).status === 'ACTIVE') await h.api('POST', `${user(pre.id)}/lifecycle/suspend`);
    await h.api('DELETE', `${user(pre.id)}/sessions?oauthTokens=true`);
    return 'suspended; sessions and OAuth tokens cleared';
  },
  async verify(h, t, _p, pre) {
    const s = await status(h, t);
    return { ok: s.status === 'SUSPENDED' || (pre.status !== 'ACTIVE' && s.status === pre.status), observed: `${t}: ${s.status}` };
  },
  describeUndo: (t, _p, pre) => `${t}: ${pre.status} (cleared sessions do not come back)`,
  async undo(h, t, _p, pre) {
    if (pre.status === 'ACTIVE' && (await status(h, t)).status === 'SUSPENDED') await h.api('POST', `${user(pre.id)}/lifecycle/unsuspend`);
  },
};

export const oktaConnector: ConnectorKind<OktaHandle, Config> = {
  kind: 'okta',
  title: 'Okta',
  config: Config,
  secrets: ['apiToken'],
  operations: [suspend],
  connect: async (config, secrets) => ({ api: httpApi({ baseUrl: config.baseUrl, headers: { authorization: `SSWS ${secrets.apiToken}` }, what: `Okta at ${config.baseUrl}` }), close: async () => {} }),
  async check(h) {
    await h.api('GET', '/api/v1/users/me');
    return 'Okta API token accepted';
  },
};
