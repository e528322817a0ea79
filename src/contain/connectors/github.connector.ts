/**
 * GitHub: revoke leaked personal access tokens through the credential revocation API —
 * POST /credentials/revoke {"credentials": [...]}, unauthenticated, at most 1,000 tokens a call,
 * 60 requests an hour (https://docs.github.com/en/rest/credentials/revoke). Irreversible: a revoked
 * token cannot be reactivated. Read-back: GET /user with the token answers 401 once it is revoked.
 * The target is the token itself; Breachdesk seals targets in the store and masks them elsewhere.
 *
 * And remove a member from the organisation (https://docs.github.com/en/rest/orgs/members):
 * DELETE /orgs/{org}/memberships/{username} with an owner's token (secret `token`, `admin:org`),
 * which also cancels a pending invitation. The pre-state is the membership's role; undo invites the
 * person back with that role (PUT …/memberships/{username}) — GitHub makes that an invitation they
 * accept, and reinstates their former privileges when it is within three months. Read-back:
 * GET …/memberships/{username} answers 404. Rate limits: GitHub says them with 403 and
 * `x-ratelimit-remaining: 0` as well as 429 (http-api.ts waits for both).
 */
import { z } from 'zod';
import { type ConnectorHandle, type ConnectorKind, type Operation, PermanentError, TransientError } from '../connector.js';
import { type HttpApi, httpApi } from './http-api.js';

const Config = z.object({ baseUrl: z.string().url().default('https://api.github.com'), org: z.string().min(1).optional().describe('organisation for remove-org-member') });
type Config = z.infer<typeof Config>;

export interface GithubHandle extends ConnectorHandle {
  api: HttpApi;
  /** Authenticated with the owner's token; null when the connector has none. */
  orgApi: HttpApi | null;
  baseUrl: string;
  org?: string;
}

const TOKEN = /^(ghp_|github_pat_|gho_|ghu_|ghr_|ghs_)[A-Za-z0-9_]{20,255}$/;

/** Whether the token still authenticates (200) or not (401). */
async function valid(h: GithubHandle, token: string): Promise<boolean> {
  if (!TOKEN.test(token)) throw new PermanentError('target is not a GitHub token (ghp_, github_pat_, gho_, ghu_, ghr_, ghs_)');
  let res: Response;
  try {
    res = await fetch(`${h.baseUrl}/user`, { headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' }, signal: AbortSignal.timeout(15_000) });
  } catch {
    throw new TransientError(`GitHub at ${h.baseUrl} is unreachable`);
  }
  if (res.status === 401) return false;
  if (res.ok) return true;
  throw new TransientError(`GitHub at ${h.baseUrl} answered HTTP ${res.status}`);
}

const NoParams = z.object({}).strict();

const revoke: Operation<GithubHandle, z.infer<typeof NoParams>, { valid: boolean }> = {
  name: 'revoke-token',
  title: 'Revoke a leaked GitHub token (credential revocation API)',
  target: 'GitHub token',
  params: NoParams,
  reversible: false,
  secretTarget: true,
  approval: 'commander',
  capture: async (h, t) => ({ valid: await valid(h, t) }),
  plan: (_t, _p, pre) => [pre.valid ? 'POST /credentials/revoke: the token stops working for good' : 'the token no longer authenticates: nothing to revoke'],
  async apply(h, t) {
    if (await valid(h, t)) await h.api('POST', '/credentials/revoke', { credentials: [t] });
    return 'token revoked';
  },
  async verify(h, t) {
    const v = await valid(h, t);
    return { ok: !v, observed: v ? 'the token still authenticates' : 'the token is refused (401)' };
  },
  describeUndo: () => 'nothing: revoked tokens cannot be reactivated',
  async undo() {
    throw new PermanentError('revoked GitHub tokens cannot be reactivated');
  },
};

const MemberParams = z.object({ org: z.string().min(1).optional() }).strict();
type MemberParams = z.infer<typeof MemberParams>;
type Membership = { role: 'admin' | 'member' | null; state: 'active' | 'pending' | null };
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

function orgOf(h: GithubHandle, p: MemberParams): { api: HttpApi; org: string } {
  if (!h.orgApi) throw new PermanentError('remove-org-member needs the secret token (an organisation owner\'s token with admin:org) on the connector');
  const org = p.org ?? h.org;
  if (!org) throw new PermanentError('no organisation: set org on the connector or the action');
  return { api: h.orgApi, org };
}

async function membership(h: GithubHandle, login: string, p: MemberParams): Promise<Membership> {
  if (!LOGIN.test(login)) throw new PermanentError(`"${login}" is not a GitHub username`);
  const { api, org } = orgOf(h, p);
  try {
    const m = await api<{ role: 'admin' | 'member'; state: 'active' | 'pending' }>('GET', `/orgs/${encodeURIComponent(org)}/memberships/${encodeURIComponent(login)}`, undefined, 'not-a-member');
    return { role: m.body.role, state: m.body.state };
  } catch (e) {
    if (!(e instanceof PermanentError) || e.message !== 'not-a-member') throw e;
  }
  // 404: not a member — or no such organisation or user: say which.
  await api('GET', `/orgs/${encodeURIComponent(org)}`, undefined, `GitHub organisation "${org}" not found`);
  await api('GET', `/users/${encodeURIComponent(login)}`, undefined, `GitHub user "${login}" not found`);
  return { role: null, state: null };
}

const removeMember: Operation<GithubHandle, MemberParams, Membership> = {
  name: 'remove-org-member',
  title: 'Remove a member from the GitHub organisation',
  target: 'GitHub username',
  params: MemberParams,
  reversible: true,
  approval: 'commander',
  capture: (h, login, p) => membership(h, login, p),
  plan: (login, p, pre) => [pre.role ? `DELETE /orgs/${p.org ?? '(connector org)'}/memberships/${login}: ${pre.state} ${pre.role} → not a member; their access to the organisation's repositories ends` : `${login} is not a member: nothing to remove`],
  async apply(h, login, p) {
    const { api, org } = orgOf(h, p);
    const now = await membership(h, login, p);
    if (now.role) await api('DELETE', `/orgs/${encodeURIComponent(org)}/memberships/${encodeURIComponent(login)}`, undefined, `GitHub organisation "${org}" not found`);
    return now.role ? `removed from ${org} (was ${now.state} ${now.role})` : `not a member of ${org}`;
  },
  async verify(h, login, p) {
    const m = await membership(h, login, p);
    return { ok: !m.role, observed: m.role ? `still a ${m.state} ${m.role}` : 'not a member' };
  },
  describeUndo: (login, _p, pre) => (pre.role ? `an invitation for ${login} back as ${pre.role} (they accept it; GitHub reinstates former privileges within three months)` : 'nothing: they were not a member'),
  async undo(h, login, p, pre) {
    if (!pre.role) return;
    const { api, org } = orgOf(h, p);
    const now = await membership(h, login, p);
    if (now.role === pre.role) return;
    await api('PUT', `/orgs/${encodeURIComponent(org)}/memberships/${encodeURIComponent(login)}`, { role: pre.role });
  },
};

export const githubConnector: ConnectorKind<GithubHandle, Config> = {
  kind: 'github',
  title: 'GitHub',
  config: Config,
  secrets: [],
  optionalSecrets: ['token'],
  operations: [revoke, removeMember],
  connect: async (config, secrets) => {
    const headers = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
    const what = `GitHub at ${config.baseUrl}`;
    return {
      api: httpApi({ baseUrl: config.baseUrl, headers, what }),
      orgApi: secrets.token ? httpApi({ baseUrl: config.baseUrl, headers: { ...headers, authorization: `Bearer ${secrets.token}` }, what }) : null,
      baseUrl: config.baseUrl.replace(/\/$/, ''),
      org: config.org,
      close: async () => {},
    };
  },
  async check(h) {
    await h.api('GET', '/meta');
    if (!h.orgApi || !h.org) return `GitHub API at ${h.baseUrl} answers`;
    await h.orgApi('GET', `/orgs/${encodeURIComponent(h.org)}`, undefined, `GitHub organisation "${h.org}" not found`);
    return `GitHub API at ${h.baseUrl} answers; the token is accepted for ${h.org}`;
  },
};
