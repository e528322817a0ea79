/**
 * Once per browser-test run (vitest.web.config.ts): builds the web UI when web/dist is missing or
 * older than its sources, so `npx vitest run --config vitest.web.config.ts` works from a fresh
 * checkout, and launches the one Chromium that every test file connects to (browser.ts). A launch
 * costs ≈ 1 CPU-s and seconds of waiting on a loaded machine; each test still gets its own browser
 * context (own cookies, storage and pages), so files share the process, not state.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's Playwright endpoint (ws://…), for chromium.connect. */
    chromiumWsEndpoint: string;
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'web');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

export function webBuildIsStale(): boolean {
  const built = join(WEB, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(WEB, 'src')), newest(join(WEB, 'index.html')), newest(join(WEB, 'vite.config.ts')));
  return sources > statSync(built).mtimeMs;
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (webBuildIsStale()) {
    // NODE_ENV=production: Vitest sets it to "test", which would make Vite bundle React's development build.
    const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error('building the web UI failed (npx vite build --config web/vite.config.ts)');
  }
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, host: '127.0.0.1' });
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
