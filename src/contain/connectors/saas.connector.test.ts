/** The connector contract for the SaaS identity connectors against local HTTP fakes of their documented APIs, and 429 handling. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorContract } from '../../../test/support/connector-contract.js';
import { type SaasFake, startSaasFake } from '../../../test/support/peers/saas-fakes.js';
import { findOperation, PermanentError, TransientError } from '../connector.js';
import { entraConnector } from './entra.connector.js';
import { githubConnector } from './github.connector.js';
import { gitlabConnector } from './gitlab.connector.js';
import { googleConnector } from './google.connector.js';
import { keycloakConnector } from './keycloak.connector.js';
import { slackConnector } from './slack.connector.js';
import { httpApi, retryAfterMs } from './http-api.js';
import { oktaConnector } from './okta.connector.js';

let fake: SaasFake;
beforeAll(async () => {
  fake = await startSaasFake();
  fake.users.set('u1', { id: '00u1', login: 'ann@example.org', status: 'ACTIVE', accountEnabled: true, sessions: 2 });
  fake.users.set('u2', { id: 'b0b-object-id', login: 'bob@example.org', status: 'ACTIVE', accountEnabled: true, sessions: 3 });
  fake.users.set('u3', { id: 'kc-carol', login: 'carol', status: 'ACTIVE', accountEnabled: true, enabled: true, sessions: 1 });
  fake.users.set('u4', { id: '1049', login: 'dan@example.org', status: 'ACTIVE', accountEnabled: true, suspended: false, sessions: 2 });
  fake.users.set('u5', { id: 'U0ERIN', login: 'erin', status: 'ACTIVE', accountEnabled: true, sessions: 4 });
});
afterAll(async () => fake?.stop());

const sessionsOf = (key: string) => async () => ({ alive: async () => (fake.users.get(key)?.sessions ?? 0) > 0, close: async () => {} });

describe('Okta connector contract (HTTP fake)', () => {
  connectorContract({
    kind: oktaConnector,
    config: () => ({ baseUrl: fake.url }),
    secrets: () => ({ apiToken: fake.token }),
    cases: [{ operation: 'suspend-user', target: 'ann@example.org', live: sessionsOf('u1') }],
    unknownTarget: { operation: 'suspend-user', target: 'nobody@example.org' },
    unreachable: () => ({ baseUrl: 'http://127.0.0.1:1' }),
  });
});

describe('Entra ID connector contract (HTTP fake)', () => {
  connectorContract({
    kind: entraConnector,
    config: () => ({ baseUrl: fake.url }),
    secrets: () => ({ accessToken: fake.token }),
    cases: [{ operation: 'disable-user', target: 'b0b-object-id', live: sessionsOf('u2') }],
    unknownTarget: { operation: 'disable-user', target: 'no-such-object' },
    unreachable: () => ({ baseUrl: 'http://127.0.0.1:1' }),
  });
});

describe('Keycloak connector contract (HTTP fake)', () => {
  connectorContract({
    kind: keycloakConnector,
    config: () => ({ baseUrl: fake.url, realm: 'acme', clientId: 'breachdesk', tokenRealm: 'master' }),
    secrets: () => ({ clientSecret: 'kc-secret' }),
    cases: [{ operation: 'disable-user', target: 'kc-carol', live: sessionsOf('u3') }],
    unknownTarget: { operation: 'disable-user', target: 'kc-nobody' },
    unreachable: () => ({ baseUrl: 'http://127.0.0.1:1', realm: 'acme', clientId: 'breachdesk' }),
  });
});

describe('Google Workspace connector contract (HTTP fake)', () => {
  connectorContract({
    kind: googleConnector,
    config: () => ({ baseUrl: fake.url }),
    secrets: () => ({ accessToken: fake.token }),
    cases: [{ operation: 'suspend-user', target: 'dan@example.org', live: sessionsOf('u4') }],
    unknownTarget: { operation: 'suspend-user', target: 'nobody@example.org' },
    unreachable: () => ({ baseUrl: 'http://127.0.0.1:1' }),
  });
});

describe('Slack connector contract (HTTP fake; irreversible)', () => {
  connectorContract({
    kind: slackConnector,
    config: () => ({ baseUrl: fake.url }),
    secrets: () => ({ token: fake.token }),
    cases: [{ operation: 'reset-sessions', target: 'U0ERIN', live: sessionsOf('u5') }],
    unknownTarget: { operation: 'reset-sessions', target: 'U0NOBODY' },
    unreachable: () => ({ baseUrl: 'http://127.0.0.1:1' }),
  });
});

const GH = `ghp_${'A1b2C3d4E5'.repeat(3)}cafe`;
describe('GitHub connector contract (HTTP fake; irreversible)', () => {
  beforeAll(() => void fake.githubTokens.add(GH));
  connectorContract({
    kind: githubConnector,
    config: () => ({ baseUrl: fake.url }),
    secrets: () => ({}),
    cases: [{ operation: 'revoke-token', target: GH, live: async () => ({ alive: async () => fake.githubTokens.has(GH), close: async () => {} }) }],
    unknownTarget: { operation: 'revoke-token', target: 'not-a-token', message: /^target is not a GitHub token/ },
    unreachable: () => ({ baseUrl: 'http://127.0.0.1:1' }),
  });
});

/** A member's own client: alive while GitHub answers their membership of the organisation. */
const orgMemberCalls = (token: string) => async () => ({
  alive: async () => (await fetch(`${fake.url}/user/memberships/orgs/acme`, { headers: { authorization: `Bearer ${token}` } })).status === 200,
  close: async () => {},
});
describe('GitHub connector contract: organisation member removal (HTTP fake; undo re-invites with the saved role)', () => {
  beforeAll(() => {
    for (const u of ['octo-admin', 'octo-dev', 'octo-outside']) fake.githubUsers.add(u);
    fake.githubOrgs.set('acme', new Map([['octo-admin', { role: 'admin', state: 'active' }], ['octo-dev', { role: 'member', state: 'active' }]]));
    fake.githubMemberTokens.set('ghu_octoadmin', 'octo-admin');
    fake.githubMemberTokens.set('ghu_octodev', 'octo-dev');
  });
  connectorContract({
    kind: githubConnector,
    config: () => ({ baseUrl: fake.url, org: 'acme' }),
    secrets: () => ({ token: fake.token }),
    cases: [
      // Undo is an invitation (GitHub's only way back): the role is restored, the person accepts it.
      { operation: 'remove-org-member', target: 'octo-admin', live: orgMemberCalls('ghu_octoadmin'), comparable: (pre) => (pre as { role: string | null }).role },
      { operation: 'remove-org-member', target: 'octo-dev', params: { org: 'acme' }, live: orgMemberCalls('ghu_octodev'), comparable: (pre) => (pre as { role: string | null }).role },
    ],
    unknownTarget: { operation: 'remove-org-member', target: 'octo-nobody' },
    unreachable: () => ({ baseUrl: 'http://127.0.0.1:1', org: 'acme' }),
  });
  it('undo leaves an invitation with the saved role; a non-member, an unknown organisation and a missing token are clear', async () => {
    expect(fake.githubOrgs.get('acme')!.get('octo-admin')).toEqual({ role: 'admin', state: 'pending' });
    const op = findOperation(githubConnector, 'remove-org-member');
    const h = await githubConnector.connect(githubConnector.config.parse({ baseUrl: fake.url, org: 'acme' }), { token: fake.token });
    const pre = await op.capture(h, 'octo-outside', {});
    expect(pre).toEqual({ role: null, state: null });
    expect(op.plan('octo-outside', {}, pre)).toEqual(['octo-outside is not a member: nothing to remove']);
    expect(await op.apply(h, 'octo-outside', {}, pre, { label: 't' })).toBe('not a member of acme');
    await expect(op.capture(h, 'octo-dev', { org: 'evil-corp' })).rejects.toThrow('GitHub organisation "evil-corp" not found');
    await expect(op.capture(h, 'not a login!', {})).rejects.toThrow('"not a login!" is not a GitHub username');
    expect(await githubConnector.check(h)).toBe(`GitHub API at ${fake.url} answers; the token is accepted for acme`);
    const noToken = await githubConnector.connect(githubConnector.config.parse({ baseUrl: fake.url, org: 'acme' }), {});
    const err = await op.capture(noToken, 'octo-dev', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as Error).message).toBe("remove-org-member needs the secret token (an organisation owner's token with admin:org) on the connector");
    const wrong = await githubConnector.connect(githubConnector.config.parse({ baseUrl: fake.url, org: 'acme' }), { token: 'ghp_wrong' });
    await expect(op.capture(wrong, 'octo-dev', {})).rejects.toThrow(`GitHub at ${fake.url} refused the credential (HTTP 401)`);
  });
  it("waits out GitHub's primary rate limit (403, x-ratelimit-remaining: 0) until x-ratelimit-reset, then succeeds", async () => {
    const h = await githubConnector.connect(githubConnector.config.parse({ baseUrl: fake.url, org: 'acme' }), { token: fake.token });
    fake.githubRateLimit(1, 1);
    const before = fake.requests.length;
    const t0 = Date.now();
    expect(await findOperation(githubConnector, 'remove-org-member').capture(h, 'octo-dev', {})).toEqual({ role: 'member', state: 'pending' });
    expect(fake.requests.length - before).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
  });
});

const GL = { frank: `glpat-${'Fr4nk'.repeat(5)}`, ci: `glpat-${'C1tok'.repeat(5)}`, gina: `glpat-${'G1na_'.repeat(5)}` };
/** A client using `token` against GitLab: alive while GET /api/v4/user answers 200. */
const gitlabCalls = (token: string) => async () => ({
  alive: async () => (await fetch(`${fake.url}/api/v4/user`, { headers: { 'private-token': token } })).status === 200,
  close: async () => {},
});
describe('GitLab connector contract (HTTP fake; token revocation irreversible, block undone)', () => {
  beforeAll(() => {
    fake.gitlab.users.set(7, { id: 7, username: 'frank', state: 'active' });
    fake.gitlab.users.set(8, { id: 8, username: 'gina', state: 'active' });
    fake.gitlab.tokens.set(41, { id: 41, token: GL.frank, userId: 7, active: true, revoked: false });
    fake.gitlab.tokens.set(42, { id: 42, token: GL.ci, userId: 7, active: true, revoked: false });
    fake.gitlab.tokens.set(43, { id: 43, token: GL.gina, userId: 8, active: true, revoked: false });
  });
  connectorContract({
    kind: gitlabConnector,
    config: () => ({ baseUrl: fake.url }),
    secrets: () => ({ token: fake.token }),
    cases: [
      { operation: 'block-user', target: 'gina', live: gitlabCalls(GL.gina) },
      { operation: 'revoke-token', target: GL.ci, live: gitlabCalls(GL.ci) },
      { operation: 'revoke-token', target: '41', live: gitlabCalls(GL.frank) },
    ],
    unknownTarget: { operation: 'revoke-token', target: '999' },
    unreachable: () => ({ baseUrl: 'http://127.0.0.1:1' }),
  });
  it('an unknown user and a value that is not a token are clear errors; a non-admin check says so', async () => {
    const h = await gitlabConnector.connect({ baseUrl: fake.url }, { token: fake.token });
    await expect(findOperation(gitlabConnector, 'block-user').capture(h, 'nobody', {})).rejects.toThrow('GitLab user "nobody" not found');
    await expect(findOperation(gitlabConnector, 'revoke-token').capture(h, 'hunter2', {})).rejects.toThrow('target is not a GitLab personal access token id or glpat- token');
    expect(await gitlabConnector.check(h)).toBe(`GitLab at ${fake.url}: signed in as root (administrator)`);
  });
});

describe('rate limits and refused credentials', () => {
  it('waits for Retry-After on 429 and then succeeds; too long a wait is a transient error', async () => {
    const api = httpApi({ baseUrl: fake.url, headers: { authorization: `SSWS ${fake.token}` }, what: 'Okta' });
    fake.rateLimit(2, 1);
    const before = fake.requests.length;
    expect((await api('GET', '/api/v1/users/00u1')).status).toBe(200);
    expect(fake.requests.length - before).toBe(3);
    fake.rateLimit(1, 3600);
    const err = await api('GET', '/api/v1/users/00u1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).message).toBe('Okta is rate limiting (HTTP 429); retry after 3600 s');
    expect((err as TransientError).retryAfterMs).toBe(3_600_000);
  });

  it('a wrong token is a permanent error; Retry-After as an HTTP date', async () => {
    const h = await oktaConnector.connect({ baseUrl: fake.url }, { apiToken: 'wrong' });
    const err = await oktaConnector.check(h).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as Error).message).toBe(`Okta at ${fake.url} refused the credential (HTTP 401)`);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
  });
});
