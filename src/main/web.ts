/**
 * Serves the built web UI (web/dist) with an SPA fallback for non-API paths. Without a build
 * the root explains how to make one instead of answering 404.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../platform/http/problem.js';

export function webRoot(): string {
  return fileURLToPath(new URL('../../web/dist/', import.meta.url));
}

export function webPlugin() {
  return async (app: FastifyInstance) => {
    const root = webRoot();
    const built = existsSync(`${root}index.html`);
    if (built) await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path.startsWith('/api')) return sendProblem(reply, 404, `no route ${request.method} ${path}`);
      if (request.method !== 'GET') return sendProblem(reply, 404, `no route ${request.method} ${path}`);
      if (built) return reply.type('text/html').sendFile('index.html');
      return reply.type('text/plain').send('Breachdesk API is running. The web UI is not built: run `npm run build:web`.\nAPI docs: /api/docs\n');
    });
  };
}
