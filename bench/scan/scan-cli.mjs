#!/usr/bin/env node
/**
 * Runs `breachdesk scan` from a build: `bin/breachdesk.js` once the scan command is wired into
 * dist/main/cli.js, otherwise the compiled `registerScanCommands` from DIST (default dist/).
 *   node bench/scan/scan-cli.mjs scan --workers 2 --json FILE
 */
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';

const root = new URL('../../', import.meta.url);
const main = new URL('dist/main/cli.js', root);
if (existsSync(main) && readFileSync(main, 'utf8').includes('registerScanCommands')) {
  await import(new URL('bin/breachdesk.js', root).href);
} else {
  const dist = new URL(`${process.env.DIST ?? 'dist'}/`, root);
  const { registerScanCommands } = await import(new URL('assessment/scan.cli.js', dist).href);
  const program = new Command('breachdesk').exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2));
  registerScanCommands(program);
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
}
