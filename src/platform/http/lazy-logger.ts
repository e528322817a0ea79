/**
 * Request loggers made only when a request logs. Fastify gives every request a child of the app's
 * logger (`logger.child({ reqId })`); with our redaction paths (logger.ts) pino runs the redaction
 * over the bindings of each child it makes, ≈ 1.5 % of serve's CPU under the intake bench, where
 * at the `warn` level hardly a request logs anything (bench/README.md, pgi15). This stands in for
 * the child: a call at a level the app's logger would drop returns at once; the first one it would
 * write makes the real child (same bindings, same options), which every later call then uses, so a
 * line written is exactly what the eager child would have written.
 */
import type { FastifyBaseLogger } from 'fastify';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type Bindings = Record<string, unknown>;

class LazyChildLogger {
  #real: FastifyBaseLogger | null = null;
  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly opts: object,
  ) {}

  private get real(): FastifyBaseLogger {
    this.#real ??= this.parent.child(this.bindings, this.opts);
    return this.#real;
  }

  get level(): string {
    return (this.#real ?? this.parent).level;
  }
  set level(level: string) {
    this.real.level = level;
  }

  private write(level: Level, args: unknown[]): void {
    if (!this.#real && !(this.parent as { isLevelEnabled?: (l: string) => boolean }).isLevelEnabled?.(level)) return;
    (this.real[level] as (...a: unknown[]) => void)(...args);
  }
  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}
  child(bindings: Bindings, opts?: object): FastifyBaseLogger {
    return this.real.child(bindings, opts);
  }
}

/** Fastify's `childLoggerFactory`: the request's logger, made on its first line written. */
export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, opts: object): FastifyBaseLogger {
  return new LazyChildLogger(logger, bindings, opts) as unknown as FastifyBaseLogger;
}
