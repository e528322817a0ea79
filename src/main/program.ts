/**
 * The `breachdesk` commander program, built fresh per call: cli.ts parses process.argv with it,
 * and the test suite runs commands in-process with it (test/support/cli.ts), so both go through
 * the same argument parsing, actions and API routes.
 */
import { Command } from 'commander';
import { cliClient } from '../platform/cli-client.js';
import type { CliContext } from '../platform/module.js';
import { VERSION } from './version.js';

/** Commands registered alone when they are the command: standalone, they need no other module. */
export type OnlyCommand = 'scan' | 'flows';
export const onlyCommand = (first: string | undefined): OnlyCommand | undefined => (first === 'scan' || first === 'flows' ? first : undefined);

/** `only`: register that command alone (cli.ts, when it is the command: see there). */
export async function createProgram(opts: { only?: OnlyCommand } = {}): Promise<Command> {
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
  if (opts.only === 'flows') {
    (await import('../confirm/flows/flows.cli.js')).registerFlowsCommands(program);
    return program;
  }
  if (!opts.only) (await import('./commands.js')).registerCommands(program, ctx);
  (await import('../assessment/scan.cli.js')).registerScanCommands(program, ctx);
  return program;
}
