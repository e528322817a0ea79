/**
 * `breachdesk scan PATH… [--json] [--out FILE] [--workers N] [--customers FILE] [--canaries FILE] [--incident ID]`
 * — the standalone exposure assessment (issue 4). Thin: validates usage, runs the engine, prints.
 * Contract of --json: docs/scan-json.md (ExposureReport v1). Exit codes: 0 ok, 1 failure,
 * 2 bad usage or missing file (DESIGN.md §6).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { progress } from '../platform/cli-progress.js';
import type { Command } from 'commander';
import { withClient } from '../platform/cli-client.js';
import { checkInputFile, inputFileProblem } from '../platform/cli-input-files.js';
import { action } from '../platform/cli-support.js';
import type { CliContext } from '../platform/module.js';
import { BadInputError, FailedError } from '../platform/errors.js';
import type { ExposureReport } from './scan.schema.js';
import { type CanaryRecord, readCanaryFile } from './scanner/engine/canaries.js';
import { defaultRead, type ScanProgress, type ScanResult, scan } from './scanner/engine/scan.js';
import { formatSummary } from './scanner/engine/summary.js';

export interface ScanCliOptions {
  json?: boolean;
  out?: string;
  workers?: string;
  customers?: string;
  /** An exported canary set (`breachdesk canaries export`): the report names the datasets whose canaries the leak holds. */
  canaries?: string;
  incident?: string;
}

export const INCIDENT_UNAVAILABLE = '--incident needs a server/incident workspace (not available yet)';

function parseWorkers(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value) || Number(value) > 256) {
    throw new BadInputError(`--workers must be a whole number from 0 to 256, got "${value}"`);
  }
  return Number(value);
}

function mustExist(path: string, what: string): void {
  const problem = inputFileProblem(path);
  // "not found" as scan has always said it (scan.cli.test.ts); the other causes as every CLI does.
  if (problem === 'no such file') throw new BadInputError(`${what} not found: ${path}`);
  if (problem) throw new BadInputError(`${what} ${path}: ${problem}`);
}

/** Files as given; a directory stands for every regular file below it (sorted, for stable output). */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    checkInputFile(p, { directories: true });
    const st = statSync(p);
    if (st.isDirectory()) {
      const below = (readdirSync(p, { recursive: true }) as string[]).map((f) => join(p, f)).sort();
      out.push(...below.filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile()));
    } else if (st.isFile()) out.push(p);
    else throw new BadInputError(`input is not a file or directory: ${p}`);
  }
  return out;
}

function progressBar(): { update(p: ScanProgress): void; stop(): void } {
  const started = Date.now();
  const bar = progress('scanning', {
    unit: 'bytes',
    barFormat: ' scanning [{bar}] {percentage}% | {mb}/{totalMb} MB | {rps} records/s | ETA {eta_formatted}',
    describe: (p) => `${p.records} records, ${p.rps} records/s`,
  });
  return {
    update(p) {
      const rps = Math.round(p.records / Math.max(0.001, (Date.now() - started) / 1000));
      bar.update(p.bytesRead, p.bytesTotal, { mb: (p.bytesRead / 1e6).toFixed(0), totalMb: (p.bytesTotal / 1e6).toFixed(0), rps, records: p.records });
    },
    stop: () => bar.stop(),
  };
}

/**
 * Stores a finished scan on an incident (the CLI posts it to the API, local or remote); the
 * server keeps it encrypted and re-runs the obligation engine.
 */
export interface IncidentSink {
  check(incidentId: string): Promise<void>;
  store(incidentId: string, report: ExposureReport, rawSamples: Record<string, string[]> | null): Promise<{ id: string }>;
}

/** Runs the command; returns the result so callers (tests, the incident job later) can reuse it. */
export async function runScanCommand(paths: string[], opts: ScanCliOptions, sink?: IncidentSink): Promise<ScanResult> {
  if (opts.incident !== undefined && !sink) throw new BadInputError(INCIDENT_UNAVAILABLE);
  // Fail before a long scan, not after it, when the incident does not exist or is not visible.
  if (opts.incident !== undefined) await sink!.check(opts.incident);
  if (paths.length === 0) throw new BadInputError('scan needs at least one PATH');
  const files = expandPaths(paths);
  if (files.length === 0) throw new BadInputError(`no files to scan in ${paths.join(', ')}`);
  if (opts.customers) mustExist(opts.customers, 'customers file');
  const canaries = opts.canaries ? await loadCanaries(opts.canaries) : undefined;
  const workers = parseWorkers(opts.workers);
  const bar = progressBar();
  // Ctrl-C / SIGTERM: abort cleanly so worker threads stop and temp spill files are removed.
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let result: ScanResult;
  try {
    result = await scan({
      paths: files,
      workers,
      customers: opts.customers,
      canaries,
      rawSamples: opts.incident !== undefined,
      signal: abort.signal,
      onProgress: (p) => bar.update(p),
    });
  } catch (err) {
    if (abort.signal.aborted) throw new FailedError('scan interrupted; nothing was written');
    throw err;
  } finally {
    bar.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  const report: ExposureReport = result.report;
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (opts.out) {
    try {
      writeFileSync(opts.out, json, { mode: 0o600 });
    } catch (err) {
      throw new FailedError(`cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  process.stdout.write(opts.json ? json : formatSummary(report));
  if (opts.incident !== undefined) {
    const stored = await sink!.store(opts.incident, report, result.rawSamples ?? null);
    process.stderr.write(`stored on incident ${opts.incident} as assessment ${stored.id}; its obligations are being recomputed\n`);
  }
  const allFailed = report.totals.records === 0 && report.files.length > 0 && report.files.every((f) => f.errors.length > 0);
  if (allFailed) throw new FailedError('no input could be read (see the problems listed for each file)');
  return result;
}

/** The canary set file, checked before the scan: unreadable or without a dataset column is bad input (exit 2). */
async function loadCanaries(path: string): Promise<CanaryRecord[]> {
  mustExist(path, 'canaries file');
  const { canaries, problems } = await readCanaryFile(path, await defaultRead());
  if (canaries.length === 0) throw new BadInputError(problems[0] ?? `${path}: no canary records (export them with \`breachdesk canaries export\`)`);
  for (const p of problems) process.stderr.write(`warning: ${p}\n`);
  return canaries;
}

/** The sink over the API: `ctx` gives a client for BREACHDESK_URL or the local store. */
export function apiIncidentSink(ctx: CliContext): IncidentSink {
  return {
    check: (id) => withClient(ctx.client, async (c) => void (await c.json(`/api/v1/incidents/${encodeURIComponent(id)}`))),
    store: (id, report, rawSamples) =>
      withClient(ctx.client, (c) => c.json<{ id: string }>(`/api/v1/incidents/${encodeURIComponent(id)}/assessments/import`, { body: { report, rawSamples } })),
  };
}

/** `ctx` enables --incident (the CLI wires it); without it, --incident is refused. */
export function registerScanCommands(program: Command, ctx?: CliContext): void {
  program
    .command('scan')
    .description('Assess leaked files: personal data, secrets, individuals, jurisdictions (ExposureReport v1)')
    .argument('<paths...>', 'files, archives or directories to scan')
    .option('--json', 'print the ExposureReport v1 JSON on stdout (docs/scan-json.md)')
    .option('--out <file>', 'also write the JSON report to FILE (mode 0600)')
    .option('--workers <n>', 'detection worker threads (0 = in-process; default: CPU count)')
    .option('--customers <file>', "CSV/XLSX of the organisation's customers to match leaked people against")
    .option('--canaries <file>', 'an exported canary set (`breachdesk canaries export`): name the datasets whose canaries the leak holds')
    .option('--incident <id>', 'store the results (encrypted) on an incident and re-run its obligations')
    .action(
      action(async (paths: string[], opts: ScanCliOptions) => {
        await runScanCommand(paths, opts, ctx ? apiIncidentSink(ctx) : undefined);
      }),
    );
}
