/**
 * GitLab (REST API v4, `PRIVATE-TOKEN` of an administrator):
 *
 * - `revoke-token`: DELETE /personal_access_tokens/:id (https://docs.gitlab.com/api/personal_access_tokens/)
 *   — **irreversible**: a revoked token cannot be reactivated. The target is the token's id, or
 *   the leaked `glpat-` value itself, resolved with GET /personal_access_tokens/self authenticated
 *   by that token (a token that no longer authenticates has nothing left to revoke). Read back
 *   with GET /personal_access_tokens/:id (`revoked`, `active`).
 * - `block-user`: POST /users/:id/block (https://docs.gitlab.com/api/user_moderation/); a
 *   blocked user can neither sign in nor use their tokens, so live API sessions end with it.
 *   Undo: POST /users/:id/unblock when the user was active before.
 *
 * Rate limits answer 429 with Retry-After (https://docs.gitlab.com/security/rate_limits/), which
 * `http-api.ts` honours.
 */
import { z } from 'zod';
import { type ConnectorHandle, type ConnectorKind, type Operation, PermanentError } from '../connector.js';
import { maskTarget } from '../masking.js';
import { type HttpApi, httpApi } from './http-api.js';

const Config = z.object({ baseUrl: z.string().url().default('https://gitlab.com') });
type Config = z.infer<typeof Config>;

export interface GitlabHandle extends ConnectorHandle {
  api: HttpApi;
  /** The same API authenticated by another token (a leaked one, to find its id). */
  as(token: string): HttpApi;
  baseUrl: string;
}

const NoParams = z.object({}).strict();
const TOKEN = /^glpat-[A-Za-z0-9_.-]{20,}$/;
type TokenState = { id: number | null; active: boolean; revoked: boolean };
/** A token value is shown masked; a token id as it is. */
const shown = (t: string) => (TOKEN.test(t) ? maskTarget(t) : t);

async function tokenState(h: GitlabHandle, t: string): Promise<TokenState> {
  let id: number;
  if (/^\d+$/.test(t)) id = Number(t);
  else if (TOKEN.test(t)) {
    const self = await h
      .as(t)<{ id: number }>('GET', '/api/v4/personal_access_tokens/self')
      .catch((e: unknown) => {
        // 401: revoked, expired or never valid — it authenticates nothing.
        if (e instanceof PermanentError && /HTTP 401/.test(e.message)) return null;
        throw e;
      });
    if (!self) return { id: null, active: false, revoked: true };
    id = self.body.id;
  } else throw new PermanentError('target is not a GitLab personal access token id or glpat- token');
  const r = await h.api<{ id: number; active: boolean; revoked: boolean }>('GET', `/api/v4/personal_access_tokens/${id}`, undefined, `GitLab personal access token ${shown(t)} not found`);
  return { id: r.body.id, active: r.body.active, revoked: r.body.revoked };
}

const revokeToken: Operation<GitlabHandle, z.infer<typeof NoParams>, TokenState> = {
  name: 'revoke-token',
  title: 'Revoke a personal access token — cannot be undone',
  target: 'personal access token id, or the glpat- token',
  params: NoParams,
  reversible: false,
  secretTarget: true,
  approval: 'commander',
  capture: (h, t) => tokenState(h, t),
  plan: (t, _p, pre) => [pre.id !== null && pre.active ? `DELETE /personal_access_tokens/${pre.id}: ${shown(t)} stops working for good` : `${shown(t)} no longer authenticates: nothing to revoke`],
  async apply(h, t, _p, pre) {
    const now = pre.id === null ? pre : await tokenState(h, String(pre.id));
    if (now.id !== null && now.active) await h.api('DELETE', `/api/v4/personal_access_tokens/${now.id}`, undefined, `GitLab personal access token ${shown(t)} not found`);
    return `${shown(t)} revoked`;
  },
  async verify(h, t, _p, pre) {
    const now = await tokenState(h, pre.id === null ? t : String(pre.id));
    return { ok: !now.active, observed: now.active ? `${shown(t)} is active` : `${shown(t)}: ${now.revoked ? 'revoked' : 'inactive'}` };
  },
  describeUndo: () => 'nothing: a revoked GitLab token cannot be reactivated',
  async undo() {
    throw new PermanentError('revoked GitLab tokens cannot be reactivated');
  },
};

type UserState = { id: number; state: string };

async function userState(h: GitlabHandle, t: string): Promise<UserState> {
  if (/^\d+$/.test(t)) {
    const r = await h.api<{ id: number; state: string }>('GET', `/api/v4/users/${t}`, undefined, `GitLab user ${t} not found`);
    return { id: r.body.id, state: r.body.state };
  }
  const r = await h.api<Array<{ id: number; state: string; username: string }>>('GET', `/api/v4/users?username=${encodeURIComponent(t)}`);
  const u = r.body.find((x) => x.username.toLowerCase() === t.toLowerCase());
  if (!u) throw new PermanentError(`GitLab user "${t}" not found`);
  return { id: u.id, state: u.state };
}

const blockUser: Operation<GitlabHandle, z.infer<typeof NoParams>, UserState> = {
  name: 'block-user',
  title: 'Block the user (no sign-in, their tokens stop working)',
  target: 'GitLab username or user id',
  params: NoParams,
  reversible: true,
  approval: 'commander',
  capture: (h, t) => userState(h, t),
  plan: (t, _p, pre) => [`${t} (id ${pre.id}): ${pre.state} → blocked; sign-in and their tokens refused`],
  async apply(h, t, _p, pre) {
    if ((await userState(h, String(pre.id))).state !== 'blocked') await h.api('POST', `/api/v4/users/${pre.id}/block`, undefined, `GitLab user ${t} not found`);
    return `${t} blocked`;
  },
  async verify(h, t, _p, pre) {
    const s = await userState(h, String(pre.id));
    return { ok: s.state === 'blocked', observed: `${t}: ${s.state}` };
  },
  describeUndo: (t, _p, pre) => `${t}: ${pre.state} again`,
  async undo(h, t, _p, pre) {
    if (pre.state !== 'blocked' && (await userState(h, String(pre.id))).state === 'blocked') await h.api('POST', `/api/v4/users/${pre.id}/unblock`, undefined, `GitLab user ${t} not found`);
  },
};

export const gitlabConnector: ConnectorKind<GitlabHandle, Config> = {
  kind: 'gitlab',
  title: 'GitLab',
  config: Config,
  secrets: ['token'],
  operations: [revokeToken, blockUser],
  async connect(config, secrets) {
    const baseUrl = config.baseUrl.replace(/\/$/, '');
    const as = (token: string) => httpApi({ baseUrl, headers: { 'private-token': token }, what: `GitLab at ${baseUrl}` });
    return { api: as(secrets.token ?? ''), as, baseUrl, close: async () => {} };
  },
  async check(h) {
    const r = await h.api<{ username: string; is_admin?: boolean }>('GET', '/api/v4/user');
    return `GitLab at ${h.baseUrl}: signed in as ${r.body.username}${r.body.is_admin ? ' (administrator)' : ' (not an administrator: blocking and revoking others’ tokens will be refused)'}`;
  },
};
