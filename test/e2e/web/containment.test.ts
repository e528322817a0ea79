/**
 * The containment board in Chromium: an incident commander plans a suggested action (the account
 * among the observables → end its sessions in Redis), sees it planned with what undo would
 * restore, approves it (the connector asks a commander's approval for it), runs it (the job
 * revokes the sessions on a real Redis), verifies it and undoes it from the incident page; the
 * session keys come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import { type RedisPeer, startRedis } from '../../support/peers/redis-peer.js';
import { PASSWORD, screenshot, seriousA11yViolations, signIn, startWeb, type WebHarness } from './browser.js';

describe('containment board', () => {
  let h: WebHarness;
  let redis: RedisPeer;
  let incident: string;

  beforeAll(async () => {
    redis = await startRedis();
    const r = redis.client();
    await r.connect();
    for (const s of ['s1', 's2']) {
      await r.hset(`session:${s}`, { user: 'alice' });
      await r.sadd('user_sessions:alice', s);
    }
    r.disconnect();
    h = await startWeb();
    const u = await h.user('commander-web', ['incident_commander']);
    const token = (await h.server.platform.accounts.createToken(u.username, 'web test', SYSTEM_ACTOR)).token;
    incident = (await h.server.api('/api/v1/incidents', { token, body: { title: 'Hijacked sessions' } })).body.id;
    await h.server.api('/api/v1/connectors', { token, body: { name: 'sessions', kind: 'redis', config: { port: redis.port }, secrets: { password: '' }, approvals: { 'revoke-sessions': 'commander' } } });
    expect((await h.server.api(`/api/v1/incidents/${incident}/observables`, { token, body: { kind: 'account', value: 'alice' } })).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await redis?.stop();
  });

  it('shows each action’s state and what undo would restore; run, verify and undo from the page', async () => {
    const { page } = await h.newPage();
    await signIn(page, 'commander-web@example.test', PASSWORD, `/incidents/${incident}`);
    await page.getByRole('button', { name: 'Plan: End their application sessions in Redis: 1 account(s) from the observables' }).click();
    const board = page.getByRole('table', { name: 'Containment actions' });
    const row = board.getByRole('row').filter({ hasText: 'alice' });
    await expect.poll(() => row.textContent()).toContain('planned');
    expect(await row.textContent()).toContain('3 key(s) from their saved DUMP: session:s1, session:s2, user_sessions:alice');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Needs a commander's approval here: no Run button until it is approved.
    expect(await page.getByRole('button', { name: 'Run revoke-sessions alice' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Approve revoke-sessions alice' }).click();
    await expect.poll(() => row.textContent()).toContain('approved by commander-web');
    await page.getByRole('button', { name: 'Run revoke-sessions alice' }).click();
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('3 key(s) deleted');
    await page.getByRole('button', { name: 'Verify revoke-sessions alice' }).click();
    await expect.poll(() => row.textContent()).toContain('verified');
    expect(await row.textContent()).toContain('0 of 3 key(s) still exist');
    await screenshot(page, 'containment-board');
    await page.getByRole('button', { name: 'Undo revoke-sessions alice' }).click();
    await expect.poll(() => row.textContent()).toContain('undone');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'alice:' }).textContent()).toContain('alice: ok');

    const r = redis.client();
    await r.connect();
    expect(await r.smembers('user_sessions:alice')).toEqual(expect.arrayContaining(['s1', 's2']));
    r.disconnect();
  }, 60_000);
});
