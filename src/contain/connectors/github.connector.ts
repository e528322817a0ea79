/**
 * GitHub: revoke leaked personal access tokens through the credential revocation API —
 * POST /credentials/revoke {"credentials": [...]}, unauthenticated, at most 1,000 tokens a call,
 * 60 requests an hour (https://docs.github.com/en/rest/credentials/revoke). Irreversible: a revoked
 * token cannot be reactivated. Read-back: GET /user with the token answers 401 once it is revoked.
 * The target is the token itself; Breachdesk seals targets in the store and masks them elsewhere.
 */
import { z } from 'zod';
import { type ConnectorHandle, type ConnectorKind, type Operation, PermanentError, TransientError } from '../connector.js';
import { type HttpApi, httpApi } from './http-api.js';

const Config = z.object({ baseUrl: z.string().url().default('https://api.github.com') });
type Config = z.infer<typeof Config>;

export interface GithubHandle extends ConnectorHandle {
  api: HttpApi;
  baseUrl: string;
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

export const githubConnector: ConnectorKind<GithubHandle, Config> = {
  kind: 'github',
  title: 'GitHub',
  config: Config,
  secrets: [],
  operations: [revoke],
  connect: async (config) => ({ api: httpApi({ baseUrl: config.baseUrl, headers: { accept: 'application/vnd.github+json' }, what: `GitHub at ${config.baseUrl}` }), baseUrl: config.baseUrl.replace(/\/$/, ''), close: async () => {} }),
  async check(h) {
    await h.api('GET', '/meta');
    return `GitHub API at ${h.baseUrl} answers`;
  },
};
