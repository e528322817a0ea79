#!/usr/bin/env node
/**
 * The `breachdesk` command. `scan` is registered alone when it is the command: the other
 * commands' modules (commands.ts) took ≈ 90 ms to load, ≈ 1 % of a 1 GB scan, which never uses
 * them (bench/README.md, 2026-11-27, fourth session). So is `flows`: the others' modules (the
 * scanner's included) were ≈ 0.4 of 0.5 CPU-s of its start-up, ≈ 12 % of analysing 1.75 M
 * records (bench/README.md, flows, branch zeek15). Everything else sees every command.
 */
import { exitQuietlyOnClosedPipe, failWith } from '../platform/cli-support.js';
import { createProgram, onlyCommand } from './program.js';

exitQuietlyOnClosedPipe(process.stdout);
exitQuietlyOnClosedPipe(process.stderr);

const program = await createProgram({ only: onlyCommand(process.argv[2]) });
// A command whose action is not wrapped in `action()` still ends in one line and the right exit
// code, never a stack trace (issue 13 §7: `obligations --facts bad.json` printed one).
await program.parseAsync(process.argv).catch(failWith);
