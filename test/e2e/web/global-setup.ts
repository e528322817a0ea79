/**
 * Builds the web UI before the browser tests when web/dist is missing or older than its
 * sources, so `npx vitest run --config vitest.web.config.ts` works from a fresh checkout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export function setup(): void {
  if (!webBuildIsStale()) return;
  // NODE_ENV=production: Vitest sets it to "test", which would make Vite bundle React's development build.
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error('building the web UI failed (npx vite build --config web/vite.config.ts)');
}
