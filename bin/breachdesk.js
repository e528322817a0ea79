#!/usr/bin/env node
// Runs the compiled CLI. `npm ci` builds it (the `prepare` script); from a source checkout
// without a build, say how to make one instead of failing with a module error.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('breachdesk: not built yet; run `npm run build` (or `npm ci`) in the package folder\n');
  process.exit(1);
}
await import(cli.href);
