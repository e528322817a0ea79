/**
 * Streaming HTTP for the CLI against a remote server. The platform ApiClient reads bodies as
 * text and sends streams through fetch, and Node 20's fetch (undici) keeps a streamed request
 * body in memory (measured: +200 MB RSS for a 200 MB upload), so evidence uploads and downloads
 * to a remote server use node:http(s) directly, with the same BREACHDESK_URL/TOKEN.
 */
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadInputError, FailedError, type UserError } from '../../platform/errors.js';

export interface RemoteTarget {
  base: string;
  token: string;
}

/** The server the CLI talks to, when BREACHDESK_URL and BREACHDESK_TOKEN are set. */
export function remoteTarget(env: NodeJS.ProcessEnv = process.env): RemoteTarget | null {
  return env.BREACHDESK_URL && env.BREACHDESK_TOKEN ? { base: env.BREACHDESK_URL.replace(/\/+$/, ''), token: env.BREACHDESK_TOKEN } : null;
}

function problem(status: number, text: string): UserError {
  let detail = text.slice(0, 500);
  try {
    const p = JSON.parse(text) as { detail?: string };
    if (p.detail) detail = p.detail;
  } catch {}
  return [400, 413, 415, 422].includes(status) ? new BadInputError(detail) : new FailedError(detail);
}

async function readText(res: IncomingMessage): Promise<string> {
  let t = '';
  res.setEncoding('utf8');
  for await (const c of res) t += c;
  return t;
}

function send(t: RemoteTarget, method: string, path: string, headers: Record<string, string>, body?: Readable): Promise<IncomingMessage> {
  const url = new URL(t.base + path);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { authorization: `Bearer ${t.token}`, ...headers } }, resolve);
    req.on('error', (e) => reject(new FailedError(`cannot reach ${t.base}: ${e.message}`)));
    if (body) pipeline(body, req).catch(reject);
    else req.end();
  });
}

/** POSTs a stream as application/octet-stream; returns the parsed JSON answer. */
export async function uploadStream<T>(t: RemoteTarget, path: string, body: Readable): Promise<T> {
  const res = await send(t, 'POST', path, { 'content-type': 'application/octet-stream' }, body);
  const text = await readText(res);
  if ((res.statusCode ?? 500) >= 400) throw problem(res.statusCode ?? 500, text);
  return JSON.parse(text) as T;
}

/** GETs a binary body as a stream. */
export async function downloadStream(t: RemoteTarget, path: string): Promise<IncomingMessage> {
  const res = await send(t, 'GET', path, {});
  if ((res.statusCode ?? 500) >= 400) throw problem(res.statusCode ?? 500, await readText(res));
  return res;
}
