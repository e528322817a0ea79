#!/usr/bin/env node
/**
 * The `breachdesk` command. `scan` is registered alone when it is the command: the other
 * commands' modules (commands.ts) took ≈ 90 ms to load, ≈ 1 % of a 1 GB scan, which never uses
 * them (bench/README.md, 2026-11-27, fourth session). Everything else sees every command.
 */
import { exitQuietlyOnClosedPipe, failWith } from '../platform/cli-support.js';
import { createProgram } from './program.js';

exitQuietlyOnClosedPipe(process.stdout);
exitQuietlyOnClosedPipe(process.stderr);

const program = await createProgram({ scanOnly: process.argv[2] === 'scan' });
// A command whose action is not wrapped in `action()` still ends in one line and the right exit
// code, never a stack trace (issue 13 §7: `obligations --facts bad.json` printed one).
await program.parseAsync(process.argv).catch(failWith);
