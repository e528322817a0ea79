/**
 * Runs `breachdesk` commands in tests, two ways:
 * - `runCli`/`runCliAsync`: the built binary in its own process, as a user would (npm test builds
 *   before running tests). Each costs a Node start and the whole module graph (1–15 s on a loaded
 *   2-core machine): keep them for what only a process shows (exit codes of the binary, signals,
 *   pipes, the `scan` heap cap, a smoke check per area).
 * - `cli`: the same commander program (src/main/program.ts) in this process, with stdout, stderr,
 *   stdin, the environment, the working directory and process.exit captured for the call. Same
 *   parsing, actions, API routes and store; no process start. Calls are serialised (they swap
 *   process-wide state), so a test may fire several without awaiting each.
 */
import { spawn, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/breachdesk.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}, input?: string, cwd?: string): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, BREACHDESK_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function runCliAsync(args: string[], env: Record<string, string | undefined> = {}, cwd?: string, input?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, BREACHDESK_LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Thrown by the stubbed process.exit to end the command where the real process would. */
class CliExit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

export interface InProcessOptions {
  /** stdin of the command (default: empty, as `runCli` without input). */
  input?: string;
  cwd?: string;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * `breachdesk ARGS` in this process; env entries override process.env for the call (undefined or
 * '' as a spawned run would see them: undefined removes the variable). Not for `serve`/`worker`
 * (they keep running): spawn those (spawn-server.ts).
 */
export function cli(args: string[], env: Record<string, string | undefined> = {}, opts: InProcessOptions = {}): Promise<CliResult> {
  const run = queue.then(() => runInProcess(args, env, opts));
  queue = run.catch(() => {});
  return run;
}

type Write = typeof process.stdout.write;

async function runInProcess(args: string[], env: Record<string, string | undefined>, opts: InProcessOptions): Promise<CliResult> {
  const [{ createProgram, onlyCommand }, { failWith }] = await Promise.all([import('../../src/main/program.js'), import('../../src/platform/cli-support.js')]);
  const out: string[] = [];
  const err: string[] = [];
  const capture =
    (into: string[]): Write =>
    ((chunk: string | Uint8Array, enc?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof enc === 'string' ? enc : 'utf8'));
      const done = typeof enc === 'function' ? enc : cb;
      if (done) queueMicrotask(() => done(null));
      return true;
    }) as Write;

  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const saved = {
    outWrite: process.stdout.write,
    errWrite: process.stderr.write,
    outTty: Object.getOwnPropertyDescriptor(process.stdout, 'isTTY'),
    errTty: Object.getOwnPropertyDescriptor(process.stderr, 'isTTY'),
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin'),
    exit: process.exit,
  };
  const setEnv = { BREACHDESK_LOG_LEVEL: 'silent', ...env };
  for (const [k, v] of Object.entries(setEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (opts.cwd) process.chdir(opts.cwd);
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  // As through a pipe: no terminal progress bar, no colours.
  Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true, writable: true });
  Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true, writable: true });
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(opts.input ?? '')]), configurable: true, writable: true });
  process.exit = ((code?: number | string | null) => {
    throw new CliExit(Number(code ?? 0));
  }) as typeof process.exit;

  let code = 0;
  try {
    const program = await createProgram({ only: onlyCommand(args[0]) });
    await program.parseAsync(['node', 'breachdesk', ...args]).catch((e: unknown) => {
      if (e instanceof CliExit) throw e;
      failWith(e);
    });
  } catch (e) {
    if (!(e instanceof CliExit)) throw e;
    code = e.code;
  } finally {
    process.stdout.write = saved.outWrite;
    process.stderr.write = saved.errWrite;
    restore(process.stdout, 'isTTY', saved.outTty);
    restore(process.stderr, 'isTTY', saved.errTty);
    restore(process, 'stdin', saved.stdin);
    process.exit = saved.exit;
    if (opts.cwd) process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function restore(target: object, key: string, d: PropertyDescriptor | undefined): void {
  if (d) Object.defineProperty(target, key, d);
  else delete (target as Record<string, unknown>)[key];
}
