/**
 * Shared CLI plumbing: one-line errors with DESIGN.md §6 exit codes (0 ok, 1 failure,
 * 2 bad usage/input), JSON output, and no stack traces for users.
 */
import type { Actor } from './audit/audit.service.js';
import { UserError } from './errors.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`breachdesk: ${message}\n`);
  process.exit(code);
}

/** Any error as one clear line and the right exit code (UserError: its own; anything else: 1). */
export function failWith(e: unknown): never {
  if (e instanceof UserError) fail(e.message, e.exitCode);
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (process.env.BREACHDESK_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? msg}\n`);
  fail(`unexpected error: ${msg} (set BREACHDESK_DEBUG=1 for details)`, 1);
}

/** Wraps a commander action so any error becomes one clear line and the right exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      failWith(e);
    }
  };
}

/** Collects a repeatable option (`--role a --role b` or `--role a,b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** Who a command run on the store directly (admin, backup) acts as in the audit trail. */
export const CLI_ACTOR: Actor = { type: 'cli', id: null, name: `cli:${process.env.USER ?? 'local'}` };
