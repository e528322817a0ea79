/**
 * The UI as a user gets it: `breachdesk serve` (the built binary) serves web/dist with an SPA
 * fallback and its security headers, and the first admin signs in from a deep link.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';
import { launchChromium, screenshot } from './browser.js';

// `npm test` builds the server before the web tests; a checkout without a build skips (visibly).
const built = existsSync(new URL('../dist/main/cli.js', `file://${BIN}`));

describe.skipIf(!built)('web: served by breachdesk serve', () => {
  let db: TestDatabase;
  let serve: ServeProcess;
  let browser: Browser;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    serve = await spawnServe({ BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_ADMIN_PASSWORD: 'first admin password' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await db?.drop();
  });

  it('answers deep links with the app, assets with long-lived files and a strict CSP, unknown API paths with 404', async () => {
    const deep = await fetch(`${serve.url}/incidents/some-id/obligations`);
    expect(deep.status).toBe(200);
    const html = await deep.text();
    expect(html).toContain('<div id="root"></div>');
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    expect(deep.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const js = await fetch(serve.url + script);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${serve.url}/api/v1/no-such-thing`)).status).toBe(401);
    const unknownApi = await fetch(`${serve.url}/api/nope`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('the first admin signs in from a deep link and lands there, with no console errors', async () => {
    const context = await browser.newContext({ baseURL: serve.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/401|Unauthorized/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/admin/users');
    await page.getByLabel('Email').fill('admin');
    await page.getByLabel('Password', { exact: true }).fill('first admin password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // Even a configured bootstrap password is changed before anything else (issue 19 §5).
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current password').fill('first admin password');
    await page.getByLabel('New password', { exact: true }).fill('the admin own passphrase');
    await page.getByLabel('Repeat new password').fill('the admin own passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('cell', { name: 'admin', exact: true }).waitFor();
    await screenshot(page, 'serve-admin-users');
    expect(errors).toEqual([]);
    await context.close();
  });
});
