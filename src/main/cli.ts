#!/usr/bin/env node
/**
 * The `breachdesk` command. `scan` is registered alone when it is the command: the other
 * commands' modules (commands.ts) took ≈ 90 ms to load, ≈ 1 % of a 1 GB scan, which never uses
 * them (bench/README.md, 2026-11-27, fourth session). Everything else sees every command.
 */
import { Command } from 'commander';
import { registerScanCommands } from '../assessment/scan.cli.js';
import { cliClient } from '../platform/cli-client.js';
import { exitQuietlyOnClosedPipe, failWith } from '../platform/cli-support.js';
import type { CliContext } from '../platform/module.js';
import { VERSION } from './version.js';

exitQuietlyOnClosedPipe(process.stdout);
exitQuietlyOnClosedPipe(process.stderr);

const program = new Command('breachdesk')
  .description('Self-hosted data-breach response: from the first alert to the last regulator letter.')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (str, write) => write(str.startsWith('error:') ? `breachdesk: ${str.slice(7)}` : str) })
  .exitOverride((err) => {
    // commander: help/version exit 0; usage errors are exit 2 (DESIGN.md §6).
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
// Workspace commands go through the API: BREACHDESK_URL/TOKEN, or the local store in-process.
const ctx: CliContext = { client: () => cliClient(async () => (await import('./commands.js')).localApp()) };
if (process.argv[2] !== 'scan') (await import('./commands.js')).registerCommands(program, ctx);
registerScanCommands(program, ctx);
// A command whose action is not wrapped in `action()` still ends in one line and the right exit
// code, never a stack trace (issue 13 §7: `obligations --facts bad.json` printed one).
await program.parseAsync(process.argv).catch(failWith);
