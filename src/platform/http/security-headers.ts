/**
 * Security headers (helmet's set: CSP, HSTS when cookies are secure, frame, referrer, sniffing…),
 * computed once at start and set on every response. @fastify/helmet built helmet's whole
 * middleware chain anew for each request (parsing the CSP directives each time): ≈ 2–3 % of the
 * alert-intake CPU (bench/README.md, issue 15). The headers themselves are the same.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for `options` (name as helmet writes it, value), and those it removes. */
export function helmetHeaders(options: HelmetOptions): { set: Array<[string, string]>; remove: string[] } {
  const set = new Map<string, [string, string]>();
  const remove: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name.toLowerCase(), [name, String(value)]);
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
      remove.push(name);
    },
  };
  helmet(options)({} as never, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return { set: [...set.values()], remove };
}

/** Sets the headers on every response, before any route or hook runs (as @fastify/helmet did). */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const { set, remove } = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of remove) res.removeHeader(name);
    done();
  });
}
