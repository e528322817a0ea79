import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { afterEach, describe, expect, it } from 'vitest';
import { helmetHeaders } from './security-headers.js';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"], upgradeInsecureRequests: null } },
  hsts: true,
  crossOriginEmbedderPolicy: false,
};

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

/** The headers helmet's own middleware writes on a real response, per request. */
async function perRequest(options: HelmetOptions): Promise<Record<string, string>> {
  const mw = helmet(options);
  server = createServer((req, res) => {
    res.setHeader('X-Powered-By', 'test');
    mw(req, res, () => res.end('ok'));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const r = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const out: Record<string, string> = {};
  for (const [k, v] of r.headers) if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k)) out[k] = v;
  return out;
}

describe('security headers computed once', () => {
  it('are exactly the headers helmet writes on each response, X-Powered-By removed', async () => {
    const once = helmetHeaders(OPTIONS);
    const expected = await perRequest(OPTIONS);
    expect(Object.fromEntries(once.set.map(([k, v]) => [k.toLowerCase(), v]))).toEqual(expected);
    expect(expected['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(expected['strict-transport-security']).toBeTruthy();
    expect(once.remove).toEqual(['X-Powered-By']);
  });
});
