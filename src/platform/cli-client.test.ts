import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/server.js';
import { cliClient, localClient, remoteClient } from './cli-client.js';

describe('CLI API client', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(async () => s?.close());

  it('local mode goes through the routes in-process as the CLI operator', async () => {
    const c = localClient(async () => ({ app: s.app, close: async () => {} }));
    const me = await c.json<{ via: string; roles: string[] }>('/api/v1/me');
    expect(me.via).toBe('cli');
    expect(me.roles).toContain('admin');
    await expect(c.json('/api/v1/users', { body: { email: 'bad', roles: [] } })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('the local secret of another process does not authenticate', async () => {
    const r = await s.api('/api/v1/me', { headers: { 'x-breachdesk-local': 'guess' } });
    expect(r.status).toBe(401);
  });

  it('remote mode sends the bearer token and turns problems into one-line errors', async () => {
    const token = await s.tokenFor('viewer');
    const c = remoteClient(s.url, token);
    expect((await c.json<{ roles: string[] }>('/api/v1/me')).roles).toEqual(['viewer']);
    await expect(c.json('/api/v1/users', { body: { email: 'a@b.c', roles: ['viewer'] } })).rejects.toThrow(/needs the role admin/);
    const bad = remoteClient(s.url, 'bd_wrong');
    await expect(bad.json('/api/v1/me')).rejects.toThrow('invalid API token');
  });

  it('chooses by BREACHDESK_URL/BREACHDESK_TOKEN and refuses half a configuration', () => {
    const f = async () => ({ app: s.app, close: async () => {} });
    expect(cliClient(f, {}).mode).toBe('local');
    expect(cliClient(f, { BREACHDESK_URL: s.url, BREACHDESK_TOKEN: 't' }).mode).toBe('remote');
    expect(() => cliClient(f, { BREACHDESK_URL: s.url })).toThrow(/BREACHDESK_TOKEN/);
  });
});

describe('CLI API client streaming', () => {
  it('streams a request body to a remote server without buffering it in fetch', async () => {
    const { createServer } = await import('node:http');
    const { Readable } = await import('node:stream');
    let received = 0;
    const srv = createServer((req, res) => {
      req.on('data', (c: Buffer) => {
        received += c.length;
      });
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ received, auth: req.headers.authorization, type: req.headers['content-type'] }));
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    const chunk = Buffer.alloc(1024 * 1024, 7);
    let n = 0;
    const stream = new Readable({
      read() {
        this.push(n++ < 32 ? chunk : null);
      },
    });
    const c = remoteClient(`http://127.0.0.1:${port}`, 'bd_x');
    const r = await c.json<{ received: number; auth: string; type: string }>('/upload', { stream, query: { name: 'a b.csv' } });
    srv.close();
    expect(r).toEqual({ received: 32 * 1024 * 1024, auth: 'Bearer bd_x', type: 'application/octet-stream' });
  });
});
