/**
 * Google Workspace (Admin SDK Directory API): suspend the user **and** sign them out of every
 * session — PATCH admin/directory/v1/users/{userKey} {"suspended": true} and POST
 * …/users/{userKey}/signOut (scope admin.directory.user.security). Undo restores `suspended`.
 */
import { z } from 'zod';
import type { ConnectorHandle, ConnectorKind, Operation } from '../connector.js';
import { type HttpApi, httpApi } from './http-api.js';

const Config = z.object({ baseUrl: z.string().url().default('https://admin.googleapis.com'), customer: z.string().default('my_customer') });
type Config = z.infer<typeof Config>;

export interface GoogleHandle extends ConnectorHandle {
  api: HttpApi;
  customer: string;
}

const user = (t: string) => `/admin/directory/v1/users/${encodeURIComponent(t)}`;
const suspended = async (h: GoogleHandle, t: string) => (await h.api<{ suspended: boolean }>('GET', user(t), undefined, `Google Workspace user "${t}" not found`)).body.suspended;
const NoParams = z.object({}).strict();

const suspend: Operation<GoogleHandle, z.infer<typeof NoParams>, { suspended: boolean }> = {
  name: 'suspend-user',
  title: 'Suspend the user and sign them out of every session',
  target: 'primary e-mail or user id',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  capture: async (h, t) => ({ suspended: await suspended(h, t) }),
  plan: (t, _p, pre) => [`${t}: suspended ${pre.suspended} → true`, `POST ${user(t)}/signOut`],
  async apply(h, t) {
    if (!(await suspended(h, t))) await h.api('PATCH', user(t), { suspended: true });
    await h.api('POST', `${user(t)}/signOut`);
    return 'suspended; signed out';
  },
  async verify(h, t) {
    const s = await suspended(h, t);
    return { ok: s, observed: `${t}: suspended ${s}` };
  },
  describeUndo: (t, _p, pre) => `${t}: suspended ${pre.suspended} (ended sessions do not come back)`,
  async undo(h, t, _p, pre) {
    if ((await suspended(h, t)) !== pre.suspended) await h.api('PATCH', user(t), { suspended: pre.suspended });
  },
};

export const googleConnector: ConnectorKind<GoogleHandle, Config> = {
  kind: 'google-workspace',
  title: 'Google Workspace',
  config: Config,
  secrets: ['accessToken'],
  operations: [suspend],
  connect: async (config, secrets) => ({ api: httpApi({ baseUrl: config.baseUrl, headers: { authorization: `Bearer ${secrets.accessToken}` }, what: `Google Admin SDK at ${config.baseUrl}` }), customer: config.customer, close: async () => {} }),
  async check(h) {
    await h.api('GET', `/admin/directory/v1/users?customer=${encodeURIComponent(h.customer)}&maxResults=1`);
    return 'Google Admin SDK token accepted';
  },
};
