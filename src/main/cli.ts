#!/usr/bin/env node
/**
 * The `breachdesk` command. `scan` is registered alone when it is the command: the other
 * commands' modules (commands.ts) took ≈ 90 ms to load, ≈ 1 % of a 1 GB scan, which never uses
 * them (bench/README.md, 2026-11-27, fourth session). So is `flows`: the others' modules (the
 * scanner's included) were ≈ 0.4 of 0.5 CPU-s of its start-up, ≈ 12 % of analysing 1.75 M
 * records (bench/README.md, flows, branch zeek15). Everything else sees every command.
 *
 * A standalone `scan` runs from the build's one-file bundle of cli-run.ts while it is fresh
 * (bundle-cache.ts): every scan paid Node's ES module loader for its ≈ 90 files (bench/README.md,
 * section fixed23). Not `scan --incident`: it loads the whole application for its local API, whose
 * modules share state with the CLI's API client (local-principal.ts's per-process secret), so both
 * must be the same compiled modules; its start-up is the application's anyway.
 */
import { fileURLToPath } from 'node:url';
import { freshBundle, loadBundle } from '../assessment/scanner/engine/bundle-cache.js';

type Run = typeof import('./cli-run.js');

const argv = process.argv;
const standaloneScan = argv[2] === 'scan' && !argv.some((a) => a === '--incident' || a.startsWith('--incident='));
const bundle = standaloneScan ? freshBundle(new URL('./cli-run.bundle.cjs', import.meta.url)) : null;
const { runCli } = (bundle ? loadBundle<Run>(fileURLToPath(bundle))?.entries : undefined) ?? (await import('./cli-run.js'));
await runCli(argv);
