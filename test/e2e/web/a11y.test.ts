/**
 * Keyboard-only use (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7) and an automated axe-core check (WCAG 2.1
 * A/AA rules) on the main pages, at desktop (1280×800) and tablet (768×1024) widths.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, screenshot, seriousA11yViolations, signIn, startWeb, type WebHarness } from './browser.js';

interface Focused {
  tag: string;
  text: string;
  label: string | null;
  id: string;
  outline: string;
}

// Browser-side code as strings: the Node type check (lib ES2023) has no DOM globals.
const FOCUSED_JS = `(() => {
  const el = document.activeElement;
  const style = el ? getComputedStyle(el) : null;
  const label = el && el.getAttribute('aria-label') ? el.getAttribute('aria-label') : el && el.id ? (document.querySelector('label[for="' + el.id + '"]')?.textContent ?? null) : null;
  return { tag: el ? el.tagName.toLowerCase() : '', text: (el?.textContent ?? '').trim(), label, id: el?.id ?? '', outline: style ? style.outlineStyle + ' ' + style.outlineWidth : '' };
})()`;
const BLUR_JS = 'document.activeElement && document.activeElement.blur()';

function focused(page: Page): Promise<Focused> {
  return page.evaluate(FOCUSED_JS) as Promise<Focused>;
}

/** Presses Tab until the focused element matches, at most `max` times. */
async function tabTo(page: Page, match: (f: Focused) => boolean, max = 30): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error(`no element reached by ${max} Tab presses (last: ${JSON.stringify(await focused(page))})`);
}

describe('web: keyboard and accessibility', () => {
  let h: WebHarness;
  let paths: Set<string>;
  beforeAll(async () => {
    h = await startWeb();
    paths = await apiPaths(h.server);
  });
  afterAll(async () => h?.close());

  it('signs in, navigates and creates a token with the keyboard alone, with a visible focus ring', async () => {
    const u = await h.user('kim.keyboard', ['admin']);
    const { page } = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Breachdesk' }).waitFor();
    const email = await tabTo(page, (f) => f.id === 'login');
    expect(email.label).toBe('Email');
    expect(email.outline).not.toMatch(/^none/);
    await page.keyboard.type(u.email);
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Password');
    await page.keyboard.type(u.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    // Focus moved to the new page's heading (WCAG 2.4.3).
    await expect.poll(async () => focused(page)).toMatchObject({ tag: 'h1', text: 'Incidents' });

    // Reload: the first Tab reaches the skip link, which moves focus into the main content.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await page.evaluate(BLUR_JS);
    const skip = await tabTo(page, (f) => f.text === 'Skip to content', 3);
    expect(skip.tag).toBe('a');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('main');

    // Through the navigation to API tokens, then create one, all by keys.
    await page.evaluate(BLUR_JS);
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'API tokens');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await expect.poll(async () => focused(page)).toMatchObject({ tag: 'h1', text: 'API tokens' });
    await tabTo(page, (f) => f.label === 'Token name');
    await page.keyboard.type('keyboard token');
    await page.keyboard.press('Enter');
    await page.locator('.notice code.secret').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'keyboard token' });
    await row.waitFor();
    const revoke = await tabTo(page, (f) => f.label === 'Revoke token keyboard token', 40);
    expect(revoke.tag).toBe('button');
    await page.keyboard.press('Enter');
    await row.getByText(/^Revoked/).waitFor();

    // Sign out by keyboard too.
    await page.evaluate(BLUR_JS);
    await tabTo(page, (f) => f.text === 'Sign out');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sign in to Breachdesk' }).waitFor();
  });

  it('axe-core finds no serious or critical violations on the main pages', async () => {
    const u = await h.user('axel.admin', ['admin']);
    const { page } = await h.newPage();
    // Control: the checker does report a known violation (an unlabelled field, axe rule "label").
    await page.setContent('<!doctype html><html lang="en"><head><title>control</title></head><body><main><input type="text"></main></body></html>');
    expect((await seriousA11yViolations(page)).map((v) => v.id)).toContain('label');
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in to Breachdesk' }).waitFor();
    const report: Record<string, unknown> = { 'sign-in': await seriousA11yViolations(page) };
    await signIn(page, u.email, u.password);
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' });
    report.incidents = await seriousA11yViolations(page);
    for (const [path, title] of [
      ['/admin/users', 'Users'],
      ['/admin/tokens', 'API tokens'],
      ['/admin/organisation', 'Organisation profile'],
      ['/admin/plan', 'Response plan'],
      ['/admin/experts', 'Expert directory'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      report[path] = await seriousA11yViolations(page);
    }
    // The incident pages, once the incidents API is served.
    if (paths.has('/api/v1/incidents')) {
      const token = await h.server.tokenFor('incident_commander');
      const created = await h.server.api('/api/v1/incidents', { token, body: { title: 'Accessibility check incident', summary: 'axe' } });
      expect(created.status).toBe(201);
      const base = `/incidents/${created.body.id}`;
      for (const sub of ['', '/assessment', '/obligations', '/notices']) {
        await page.goto(base + sub);
        await page.locator('main h1').waitFor();
        await page.locator('.loading').first().waitFor({ state: 'detached' });
        report[base + sub] = await seriousA11yViolations(page);
      }
    }
    const failing = Object.fromEntries(Object.entries(report).filter(([, v]) => (v as unknown[]).length > 0));
    expect(failing).toEqual({});
    expect(Object.keys(report).length).toBeGreaterThanOrEqual(7);
  });

  it('is usable at tablet width: navigation and tables stay reachable without sideways scrolling of the page', async () => {
    const u = await h.user('tara.tablet', ['admin']);
    const { page } = await h.newPage({ width: 768, height: 1024 });
    await signIn(page, u.email, u.password, '/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('link', { name: 'Experts' }).waitFor({ state: 'visible' });
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'tablet-users');
  });
});
