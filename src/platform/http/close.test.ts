/**
 * Closing the server while an answer is still being written (a download). Fastify closes the
 * connections that are idle when close starts; the one still answering stayed open after its
 * answer for the keep-alive timeout (72 s), and everything closing waits behind it — the onClose
 * hooks that drain intake alerts and close the store — so `docker stop` (10 s) or a supervisor's
 * timeout killed the process first (seen as 70 s of every evidence.memory test run, 2026-12-08).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { openTestPlatform } from '../../../test/support/platform.js';
import { buildHttpApp } from './app.js';

it('closes a keep-alive connection as soon as its answer in flight ends, instead of after the keep-alive timeout', async () => {
  const t = await openTestPlatform('sqlite');
  const body = new PassThrough();
  const app = await buildHttpApp(t.platform, {
    version: 'test',
    plugins: [(a) => void a.get('/slow', (_req, reply) => reply.type('text/plain').send(body))],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true });
  try {
    let started = () => {};
    const headers = new Promise<void>((r) => {
      started = r;
    });
    const got = new Promise<string>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/slow', agent }, (res) => {
          started();
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
          });
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    body.write('first ');
    await headers;
    let closed = false;
    const closing = app.close().then(() => {
      closed = true;
    });
    body.end('last');
    expect(await got).toBe('first last');
    // The answer is whole and the client keeps its connection for the next request: closing must
    // not wait the 72 s keep-alive timeout for it.
    await Promise.race([closing, new Promise((r) => setTimeout(r, 10_000))]);
    expect(closed).toBe(true);
  } finally {
    agent.destroy();
    await t.close();
  }
}, 30_000);
