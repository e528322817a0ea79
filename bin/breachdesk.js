#!/usr/bin/env node
// Runs the compiled CLI. `npm ci` builds it (the `prepare` script); from a source checkout
// without a build, say how to make one instead of failing with a module error.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SCAN_NODE_FLAGS } from './scan-flags.js';

const cli = new URL('../dist/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('breachdesk: not built yet; run `npm run build` (or `npm ci`) in the package folder\n');
  process.exit(1);
}

const capped = process.execArgv.some((a) => a.startsWith('--max-old-space-size'));
if (process.argv[2] === 'scan' && !capped && !process.env.BREACHDESK_SCAN_UNCAPPED) {
  const child = spawn(process.execPath, [...SCAN_NODE_FLAGS, ...process.execArgv, new URL(import.meta.url).pathname, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await import(cli.href);
}
