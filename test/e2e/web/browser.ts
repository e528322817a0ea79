/**
 * Browser harness: Debian's Chromium (never a downloaded browser) through playwright-core,
 * a real Breachdesk server on SQLite, screenshots under test-results/screenshots, axe-core.
 * The Chromium is the run's one browser (launched by global-setup.ts); each test gets its own
 * context in it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/platform/audit/audit.service.js';
import type { Role } from '../../../src/platform/auth/roles.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const PASSWORD = 'correct horse battery staple';

/**
 * A connection to the run's Chromium (global-setup.ts); closing it closes this file's contexts
 * and leaves the browser to the other files. Outside vitest.web.config.ts (no shared browser),
 * a browser of its own.
 */
export function launchChromium(): Promise<Browser> {
  const ws = inject('chromiumWsEndpoint');
  return ws ? chromium.connect(ws) : chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const defaultServer = (env: Record<string, string>): Promise<TestServer> => startTestServer('sqlite', env);

export interface WebHarness {
  server: TestServer;
  browser: Browser;
  /** A fresh browser context (own cookies) with one page at 1280×800. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** Creates a user with a known password (idempotent per user name). */
  user(username: string, roles: Role[], opts?: { oneTime?: boolean }): Promise<{ username: string; email: string; password: string }>;
  close(): Promise<void>;
}

export async function startWeb(extraEnv: Record<string, string> = {}, makeServer: (env: Record<string, string>) => Promise<TestServer> = defaultServer): Promise<WebHarness> {
  const server = await makeServer(extraEnv);
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const made = new Map<string, { username: string; email: string; password: string }>();
  return {
    server,
    browser,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ baseURL: server.url, viewport });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return { context, page };
    },
    async user(username, roles, opts = {}) {
      const known = made.get(username);
      if (known) return known;
      const email = `${username}@example.test`;
      const r = await server.platform.accounts.createUser({ email, username, displayName: username, roles, password: opts.oneTime ? undefined : PASSWORD }, SYSTEM_ACTOR);
      const u = { username, email, password: r.password ?? PASSWORD };
      made.set(username, u);
      return u;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

export async function signIn(page: Page, login: string, password: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page; returns serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Injected through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses inline <script>.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate("axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })")) as { violations: AxeViolation[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
}

/** Paths of the OpenAPI document: the incident flow runs only for routes the server has. */
export async function apiPaths(server: TestServer): Promise<Set<string>> {
  const r = await server.api('/api/openapi.json');
  return new Set(Object.keys((r.body as { paths: Record<string, unknown> }).paths ?? {}));
}
