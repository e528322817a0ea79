/**
 * Local HTTP fakes of the SaaS identity APIs the connectors call (DESIGN.md: cloud APIs are the
 * one thing mocked, and only at the HTTP level). Each implements the documented endpoints, status
 * codes and error bodies the connector relies on — Okta Users API (SSWS auth, E0000007 not found,
 * lifecycle suspend/unsuspend, sessions) and Microsoft Graph users (Bearer auth, Request_ResourceNotFound,
 * accountEnabled, revokeSignInSessions), Keycloak Admin REST (client-credentials token, enabled,
 * logout, sessions), Google Workspace Directory (suspended, signOut) and Slack admin (session
 * reset and list, `{"ok": false, "error": …}` bodies), GitLab REST v4 (PRIVATE-TOKEN, personal access
 * tokens by id and `self`, user block/unblock, `{"message": "404 …"}` bodies), GitHub organisation
 * memberships (GET/PUT/DELETE /orgs/{org}/memberships/{username}: a PUT for someone not in the
 * organisation is an invitation, `state: pending`; GET /user/memberships/orgs/{org} with the member's
 * own token) — plus switches to answer 429 with Retry-After and GitHub's primary rate limit (403 with
 * `x-ratelimit-remaining: 0` and `x-ratelimit-reset`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeUser {
  id: string;
  login: string;
  status: string;
  accountEnabled: boolean;
  /** Keycloak `enabled`, Google `suspended` (its inverse). */
  enabled?: boolean;
  suspended?: boolean;
  sessions: number;
}

export interface SaasFake {
  url: string;
  token: string;
  users: Map<string, FakeUser>;
  /** GitHub tokens that still authenticate. */
  githubTokens: Set<string>;
  /** GitLab personal access tokens by id; a user's token answers 403 while the user is blocked. */
  gitlab: { users: Map<number, { id: number; username: string; state: string }>; tokens: Map<number, { id: number; token: string; userId: number; active: boolean; revoked: boolean }> };
  /** GitHub organisations: login → membership; `memberTokens`: a member's own token → login. */
  githubOrgs: Map<string, Map<string, { role: 'admin' | 'member'; state: 'active' | 'pending' }>>;
  githubUsers: Set<string>;
  githubMemberTokens: Map<string, string>;
  /** The next n requests answer 429 with `Retry-After: seconds`. */
  rateLimit(n: number, seconds: number): void;
  /** The next n GitHub organisation requests answer 403 with `x-ratelimit-remaining: 0`, reset in `seconds`. */
  githubRateLimit(n: number, seconds: number): void;
  requests: string[];
  stop(): Promise<void>;
}

export async function startSaasFake(): Promise<SaasFake> {
  const token = 'fake-token-123';
  const users = new Map<string, FakeUser>();
  const requests: string[] = [];
  const githubTokens = new Set<string>();
  const gitlab: SaasFake['gitlab'] = { users: new Map(), tokens: new Map() };
  const githubOrgs: SaasFake['githubOrgs'] = new Map();
  const githubUsers = new Set<string>();
  const githubMemberTokens = new Map<string, string>();
  let ghLimited = 0;
  let ghReset = 1;
  let limited = 0;
  let retryAfter = 1;
  const find = (key: string) => [...users.values()].find((u) => u.id === key || u.login === key);
  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const read = (req: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let b = '';
      req.on('data', (d) => (b += d));
      req.on('end', () => resolve(b ? JSON.parse(b) : {}));
    });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    requests.push(`${req.method} ${path}`);
    if (limited > 0) {
      limited--;
      return send(res, 429, { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' }, { 'retry-after': String(retryAfter) });
    }
    const okta = path.startsWith('/api/v1/');
    const auth = req.headers.authorization ?? '';
    // GitHub: GET /user authenticates a token; POST /credentials/revoke needs no authentication.
    if (path === '/meta') return send(res, 200, { verifiable_password_authentication: false });
    if (path === '/user') return githubTokens.has(auth.replace(/^Bearer /, '')) ? send(res, 200, { login: 'octocat' }) : send(res, 401, { message: 'Bad credentials', status: '401' });
    if (path === '/credentials/revoke' && req.method === 'POST') {
      const b = (await read(req)) as { credentials?: string[] };
      if (!Array.isArray(b.credentials) || b.credentials.length > 1000) return send(res, 422, { message: 'Validation Failed', status: '422' });
      for (const c of b.credentials) githubTokens.delete(c);
      return send(res, 202, {});
    }
    const ghOwn = /^\/user\/memberships\/orgs\/([^/]+)$/.exec(path);
    if (ghOwn) {
      const login = githubMemberTokens.get(auth.replace(/^Bearer /, ''));
      if (!login) return send(res, 401, { message: 'Bad credentials', status: '401' });
      const m = githubOrgs.get(ghOwn[1]!)?.get(login);
      return m?.state === 'active' ? send(res, 200, { state: m.state, role: m.role }) : send(res, 404, { message: 'Not Found', status: '404' });
    }
    const ghm = /^\/orgs\/([^/]+)\/memberships\/([^/]+)$/.exec(path);
    if (ghm || /^\/users\/[^/]+$/.test(path) || /^\/orgs\/[^/]+$/.test(path)) {
      if (ghLimited > 0) {
        ghLimited--;
        return send(res, 403, { message: 'API rate limit exceeded for user ID 1.', status: '403' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + ghReset) });
      }
      if (auth !== `Bearer ${token}`) return send(res, 401, { message: 'Bad credentials', status: '401' });
      if (path.startsWith('/orgs/') && !ghm) return githubOrgs.has(path.slice('/orgs/'.length)) ? send(res, 200, { login: path.slice('/orgs/'.length) }) : send(res, 404, { message: 'Not Found', status: '404' });
      if (!ghm) return githubUsers.has(path.slice('/users/'.length)) ? send(res, 200, { login: path.slice('/users/'.length) }) : send(res, 404, { message: 'Not Found', status: '404' });
      const [, org, login] = ghm as unknown as [string, string, string];
      const members = githubOrgs.get(org);
      if (!members) return send(res, 404, { message: 'Not Found', status: '404' });
      const m = members.get(login);
      if (req.method === 'GET') return m ? send(res, 200, { state: m.state, role: m.role, user: { login } }) : send(res, 404, { message: 'Not Found', status: '404' });
      if (req.method === 'DELETE') {
        if (!m) return send(res, 404, { message: 'Not Found', status: '404' });
        members.delete(login);
        return send(res, 204);
      }
      if (req.method === 'PUT') {
        const b = (await read(req)) as { role?: string };
        if (!githubUsers.has(login)) return send(res, 404, { message: 'Not Found', status: '404' });
        const role = b.role === 'admin' ? 'admin' : 'member';
        members.set(login, { role, state: m?.state ?? 'pending' });
        return send(res, 200, { state: members.get(login)!.state, role, user: { login } });
      }
      return send(res, 404, { message: 'Not Found', status: '404' });
    }
    // Keycloak: the admin client signs in with client credentials first.
    if (req.method === 'POST' && /^\/realms\/[^/]+\/protocol\/openid-connect\/token$/.test(path)) {
      let form = '';
      for await (const d of req) form += d;
      const f = new URLSearchParams(form);
      if (f.get('grant_type') !== 'client_credentials' || f.get('client_secret') !== 'kc-secret') return send(res, 401, { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' });
      return send(res, 200, { access_token: token, expires_in: 300, token_type: 'Bearer' });
    }
    if (path.startsWith('/api/v4/')) {
      // GitLab: an administrator's PRIVATE-TOKEN is fake.token; users' own tokens authenticate as them.
      const pt = String(req.headers['private-token'] ?? '');
      const own = [...gitlab.tokens.values()].find((t) => t.token === pt && t.active);
      if (pt !== token && !own) return send(res, 401, { message: '401 Unauthorized' });
      if (own && gitlab.users.get(own.userId)?.state === 'blocked') return send(res, 403, { message: '403 Forbidden - Your account has been blocked.' });
      if (path === '/api/v4/user') return send(res, 200, own ? { id: own.userId, username: gitlab.users.get(own.userId)?.username } : { id: 1, username: 'root', is_admin: true });
      if (path === '/api/v4/personal_access_tokens/self' && own) return send(res, 200, { id: own.id, user_id: own.userId, active: own.active, revoked: own.revoked });
      if (own) return send(res, 403, { message: '403 Forbidden' });
      const pat = /^\/api\/v4\/personal_access_tokens\/(\d+)$/.exec(path);
      if (pat) {
        const t = gitlab.tokens.get(Number(pat[1]));
        if (!t) return send(res, 404, { message: '404 Not found' });
        if (req.method === 'GET') return send(res, 200, { id: t.id, user_id: t.userId, name: 'ci', active: t.active, revoked: t.revoked });
        if (req.method === 'DELETE') {
          if (t.revoked) return send(res, 400, { message: '400 Bad request - Token already revoked' });
          t.revoked = true;
          t.active = false;
          return send(res, 204);
        }
      }
      if (path === '/api/v4/users') return send(res, 200, [...gitlab.users.values()].filter((u) => u.username === url.searchParams.get('username')));
      const um = /^\/api\/v4\/users\/(\d+)(\/block|\/unblock)?$/.exec(path);
      const u = um ? gitlab.users.get(Number(um[1])) : undefined;
      if (um && !u) return send(res, 404, { message: '404 User Not Found' });
      if (u && req.method === 'GET' && !um![2]) return send(res, 200, { id: u.id, username: u.username, state: u.state });
      if (u && req.method === 'POST' && um![2] === '/block') {
        u.state = 'blocked';
        return send(res, 201, true);
      }
      if (u && req.method === 'POST' && um![2] === '/unblock') {
        if (u.state !== 'blocked') return send(res, 403, { message: '403 Forbidden - Unblocking a non-blocked user is not allowed' });
        u.state = 'active';
        return send(res, 201, true);
      }
      return send(res, 404, { message: '404 Not Found' });
    }
    if (path.startsWith('/api/') && !okta) {
      // Slack Web API: errors are HTTP 200 with ok: false.
      if (auth !== `Bearer ${token}`) return send(res, 200, { ok: false, error: 'invalid_auth' });
      const b = req.method === 'POST' ? await read(req) : Object.fromEntries(url.searchParams);
      if (path === '/api/auth.test') return send(res, 200, { ok: true, team: 'Example', user: 'admin' });
      const u = find(String(b.user ?? b.user_id ?? ''));
      if (!u) return send(res, 200, { ok: false, error: 'user_not_found' });
      if (path === '/api/users.info') return send(res, 200, { ok: true, user: { id: u.id, deleted: false } });
      if (path === '/api/admin.users.session.list') return send(res, 200, { ok: true, active_sessions: Array.from({ length: u.sessions }, (_, i) => ({ session_id: i + 1, user_id: u.id })) });
      if (path === '/api/admin.users.session.reset') {
        u.sessions = 0;
        return send(res, 200, { ok: true });
      }
      return send(res, 200, { ok: false, error: 'unknown_method' });
    }
    if (auth !== (okta ? `SSWS ${token}` : `Bearer ${token}`)) {
      return okta ? send(res, 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided' }) : send(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    }
    if (okta) {
      if (path === '/api/v1/users/me') return send(res, 200, { id: 'admin' });
      const m = /^\/api\/v1\/users\/([^/]+)(\/.*)?$/.exec(path);
      const u = m ? find(m[1]!) : undefined;
      if (!u) return send(res, 404, { errorCode: 'E0000007', errorSummary: `Not found: Resource not found: ${m?.[1]} (User)` });
      const rest = m![2] ?? '';
      if (req.method === 'GET' && !rest) return send(res, 200, { id: u.id, status: u.status, profile: { login: u.login } });
      if (req.method === 'POST' && rest === '/lifecycle/suspend') {
        if (u.status !== 'ACTIVE') return send(res, 400, { errorCode: 'E0000001', errorSummary: 'Api validation failed: Cannot suspend a user that is not active' });
        u.status = 'SUSPENDED';
        return send(res, 200, {});
      }
      if (req.method === 'POST' && rest === '/lifecycle/unsuspend') {
        if (u.status !== 'SUSPENDED') return send(res, 400, { errorCode: 'E0000001', errorSummary: 'Api validation failed: Cannot unsuspend a user that is not suspended' });
        u.status = 'ACTIVE';
        return send(res, 200, {});
      }
      if (req.method === 'DELETE' && rest === '/sessions') {
        u.sessions = 0;
        return send(res, 204);
      }
      return send(res, 404, { errorCode: 'E0000022', errorSummary: 'The endpoint does not support the provided HTTP method' });
    }
    const kc = /^\/admin\/realms\/([^/]+)\/users\/([^/]+)(\/.*)?$/.exec(path);
    if (kc || path.startsWith('/admin/realms/')) {
      if (path.endsWith('/users') || !kc) return send(res, 200, []);
      const u = find(kc[2]!);
      if (!u) return send(res, 404, { error: 'User not found' });
      const rest = kc[3] ?? '';
      if (req.method === 'GET' && !rest) return send(res, 200, { id: u.id, username: u.login, enabled: u.enabled ?? true });
      if (req.method === 'PUT' && !rest) {
        const b = await read(req);
        if (typeof b.enabled === 'boolean') u.enabled = b.enabled;
        return send(res, 204);
      }
      if (req.method === 'POST' && rest === '/logout') {
        u.sessions = 0;
        return send(res, 204);
      }
      if (req.method === 'GET' && rest === '/sessions') return send(res, 200, Array.from({ length: u.sessions }, (_, i) => ({ id: `s${i}`, userId: u.id })));
      return send(res, 405, { error: 'Method not allowed' });
    }
    const gw = /^\/admin\/directory\/v1\/users\/([^/]+)(\/.*)?$/.exec(path);
    if (gw || path.startsWith('/admin/directory/')) {
      if (!gw) return send(res, 200, { users: [] });
      const u = find(gw[1]!);
      if (!u) return send(res, 404, { error: { code: 404, message: 'Resource Not Found: userKey', errors: [{ reason: 'notFound' }] } });
      const rest = gw[2] ?? '';
      if (req.method === 'GET' && !rest) return send(res, 200, { id: u.id, primaryEmail: u.login, suspended: u.suspended ?? false });
      if (req.method === 'PATCH' && !rest) {
        const b = await read(req);
        if (typeof b.suspended === 'boolean') u.suspended = b.suspended;
        return send(res, 200, { id: u.id, suspended: u.suspended });
      }
      if (req.method === 'POST' && rest === '/signOut') {
        u.sessions = 0;
        return send(res, 204);
      }
      return send(res, 405, { error: { code: 405, message: 'Method not allowed' } });
    }
    if (path === '/v1.0/organization') return send(res, 200, { value: [{ id: 'org' }] });
    const g = /^\/v1\.0\/users\/([^/]+)(\/.*)?$/.exec(path);
    const u = g ? find(g[1]!) : undefined;
    if (!u) return send(res, 404, { error: { code: 'Request_ResourceNotFound', message: `Resource '${g?.[1]}' does not exist or one of its queried reference-property objects are not present.` } });
    const rest = g![2] ?? '';
    if (req.method === 'GET' && !rest) return send(res, 200, { id: u.id, accountEnabled: u.accountEnabled });
    if (req.method === 'PATCH' && !rest) {
      const b = await read(req);
      if (typeof b.accountEnabled === 'boolean') u.accountEnabled = b.accountEnabled;
      return send(res, 204);
    }
    if (req.method === 'POST' && rest === '/revokeSignInSessions') {
      u.sessions = 0;
      return send(res, 200, { value: true });
    }
    return send(res, 405, { error: { code: 'Request_BadRequest', message: 'Unsupported' } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return {
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    token,
    users,
    githubTokens,
    githubOrgs,
    githubUsers,
    githubMemberTokens,
    githubRateLimit: (n, s) => {
      ghLimited = n;
      ghReset = s;
    },
    gitlab,
    requests,
    rateLimit: (n, s) => {
      limited = n;
      retryAfter = s;
    },
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
