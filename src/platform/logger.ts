/**
 * JSON logs (pino). Personal data and secrets never reach a log line: known sensitive keys are
 * redacted wherever they appear, and callers log ids, never values found in leaked data.
 */
import { type Logger, pino } from 'pino';

export type { Logger };

/** Keys censored at any depth up to 3 (pino redact paths are explicit; these cover our shapes). */
const SENSITIVE = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'authorization',
  'cookie',
  'masterKey',
  'email',
  'value',
  'values',
  'samples',
  'name',
  'phone',
  'address',
];

export function redactPaths(): string[] {
  const paths: string[] = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];
  for (const k of SENSITIVE) paths.push(k, `*.${k}`, `*.*.${k}`);
  return paths;
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: redactPaths(), censor: '[redacted]' }, base: { app: 'breachdesk' } },
    destination ?? process.stderr,
  );
}
