#!/usr/bin/env node
// `npm start`: build if needed, then `breachdesk serve` on the embedded default (SQLite
// under ./data unless BREACHDESK_DATABASE_URL is set). Prints the URL and first-run password.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const cli = join(root, 'dist/main/cli.js');
if (!existsSync(cli) || newest(join(root, 'src')) > statSync(cli).mtimeMs) {
  process.stderr.write('building…\n');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const webIndex = join(root, 'web/dist/index.html');
if (existsSync(join(root, 'web/index.html')) && (!existsSync(webIndex) || newest(join(root, 'web/src')) > statSync(webIndex).mtimeMs)) {
  process.stderr.write('building the web UI…\n');
  const r = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, [join(root, 'bin/breachdesk.js'), 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 0);
