/**
 * One run of the `breachdesk` command over `argv`. cli.ts runs it; for `scan`, from the one-file
 * bundle of this module's graph the build makes (scripts/bundle-scan-worker.mjs), compiled with a
 * V8 code cache, when the bundle is fresh: the reading thread's ≈ 90 files cost ≈ 90 CPU-ms to
 * resolve, read and compile through Node 20's ES module loader (bench/README.md, section fixed23).
 */
import { exitQuietlyOnClosedPipe, failWith } from '../platform/cli-support.js';
import { createProgram, onlyCommand } from './program.js';

export async function runCli(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  const program = await createProgram({ only: onlyCommand(argv[2]) });
  // A command whose action is not wrapped in `action()` still ends in one line and the right exit
  // code, never a stack trace (issue 13 §7: `obligations --facts bad.json` printed one).
  await program.parseAsync(argv).catch(failWith);
}
