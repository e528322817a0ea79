/**
 * Slack (Enterprise Grid admin API): reset a user's sessions — admin.users.session.reset signs the
 * user out of every client and revokes their session tokens; admin.users.session.list reads back.
 * Irreversible (ended sessions cannot be restored), so it always needs an approval. Slack answers
 * errors as HTTP 200 with {"ok": false, "error": "…"}; rate limits as 429 with Retry-After.
 */
import { z } from 'zod';
import { type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';
import { type HttpApi, httpApi } from './http-api.js';

const Config = z.object({ baseUrl: z.string().url().default('https://slack.com') });
type Config = z.infer<typeof Config>;

export interface SlackHandle extends ConnectorHandle {
  call<T>(method: string, body: Record<string, unknown>): Promise<T>;
}

const NoParams = z.object({}).strict();

function connect(config: Config, secrets: Record<string, string>): Promise<SlackHandle> {
  const api: HttpApi = httpApi({ baseUrl: config.baseUrl, headers: { authorization: `Bearer ${secrets.token}` }, what: `Slack at ${config.baseUrl}` });
  return Promise.resolve({
    async call<T>(method: string, body: Record<string, unknown>) {
      const r = await api<{ ok: boolean; error?: string } & T>('POST', `/api/${method}`, body);
      if (!r.body.ok) {
        if (r.body.error === 'user_not_found') throw new PermanentError(`Slack user "${String(body.user ?? body.user_id)}" not found`);
        throw new PermanentError(`Slack ${method}: ${r.body.error}`);
      }
      return r.body;
    },
    close: async () => {},
  });
}

const sessions = async (h: SlackHandle, t: string) => (await h.call<{ active_sessions: unknown[] }>('admin.users.session.list', { user_id: t })).active_sessions.length;

const reset: Operation<SlackHandle, z.infer<typeof NoParams>, { sessions: number }> = {
  name: 'reset-sessions',
  title: 'Sign the user out of every Slack client and revoke their session tokens',
  target: 'Slack user id',
  params: NoParams,
  reversible: false,
  approval: 'none',
  async capture(h, t) {
    await h.call('users.info', { user: t });
    return { sessions: await sessions(h, t) };
  },
  plan: (t, _p, pre) => [`admin.users.session.reset ${t}: ends ${pre.sessions} session(s); cannot be undone`],
  async apply(h, t) {
    await h.call('admin.users.session.reset', { user_id: t });
    return 'sessions reset';
  },
  async verify(h, t) {
    const n = await sessions(h, t);
    return { ok: n === 0, observed: `${t}: ${n} active session(s)` };
  },
  describeUndo: () => 'nothing: ended sessions cannot be restored',
  async undo() {
    throw new PermanentError('Slack sessions cannot be restored');
  },
};

export const slackConnector: ConnectorKind<SlackHandle, Config> = {
  kind: 'slack',
  title: 'Slack (Enterprise Grid)',
  config: Config,
  secrets: ['token'],
  operations: [reset],
  connect,
  async check(h) {
    const r = await h.call<{ team: string }>('auth.test', {});
    return `Slack workspace ${r.team}`;
  },
};
