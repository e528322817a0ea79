/**
 * The `breachdesk` commander program, built fresh per call: cli.ts parses process.argv with it,
 * and the test suite runs commands in-process with it (test/support/cli.ts), so both go through
 * the same argument parsing, actions and API routes.
 */
import { Command } from 'commander';
import { registerScanCommands } from '../assessment/scan.cli.js';
import { cliClient } from '../platform/cli-client.js';
import type { CliContext } from '../platform/module.js';
import { VERSION } from './version.js';

/** `scanOnly`: register `scan` alone (cli.ts, when it is the command: see there). */
export async function createProgram(opts: { scanOnly?: boolean } = {}): Promise<Command> {
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
  if (!opts.scanOnly) (await import('./commands.js')).registerCommands(program, ctx);
  registerScanCommands(program, ctx);
  return program;
}
