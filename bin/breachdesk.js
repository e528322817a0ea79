#!/usr/bin/env node
// Runs the compiled CLI. `npm ci` builds it (the `prepare` script); from a source checkout
// without a build, say how to make one instead of failing with a module error.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = new URL('../dist/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('breachdesk: not built yet; run `npm run build` (or `npm ci`) in the package folder\n');
  process.exit(1);
}

// `scan` keeps its whole process under 512 MB RSS (issue 4): V8 lets an uncapped main-thread
// heap grow long before it collects, so the scan runs with a capped old generation. Its large
// structures (people, spill buffers) are typed arrays outside the V8 heap.
const SCAN_HEAP_MB = 256;
// Under that cap V8 grows the old generation in small steps: the main thread ran a full
// mark-compact every ≈8 MB of promoted garbage (30 per 100 MB of dense CSV, ≈1 CPU-s). Starting
// the old generation at 64 MB cuts that to ≈10 for ≈20 MB more RSS (bench/README.md, 2026-11-27).
const SCAN_INITIAL_OLD_MB = 64;
const capped = process.execArgv.some((a) => a.startsWith('--max-old-space-size'));
if (process.argv[2] === 'scan' && !capped && !process.env.BREACHDESK_SCAN_UNCAPPED) {
  const child = spawn(process.execPath, [`--max-old-space-size=${SCAN_HEAP_MB}`, `--initial-old-space-size=${SCAN_INITIAL_OLD_MB}`, ...process.execArgv, new URL(import.meta.url).pathname, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await import(cli.href);
}
