/**
 * How feature CLIs reach the API: a running server named by BREACHDESK_URL (with
 * BREACHDESK_TOKEN), or — when none is set — the local store through the same routes
 * in-process (see http/local-principal.ts). Commands are thin: they call the API and print.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { BadInputError, FailedError, type UserError } from './errors.js';
import { LOCAL_HEADER, localSecret } from './http/local-principal.js';

export interface ApiRequest {
  method?: string;
  body?: unknown;
  /** Streamed request body (uploads); sent as application/octet-stream unless contentType is set. */
  stream?: Readable;
  contentType?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as UTF-8 text (JSON, CSV, Markdown…). */
  text: string;
  /** The body's bytes, for binary answers (PDF letters): `text` would mangle them. */
  body: Buffer;
}

export interface ApiClient {
  readonly mode: 'remote' | 'local';
  /** JSON request; throws UserError with the problem's detail on 4xx/5xx. */
  json<T>(path: string, req?: ApiRequest): Promise<T>;
  /** Raw request (exports: CSV, Markdown…). Throws like json(). */
  raw(path: string, req?: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
}

export type LocalAppFactory = () => Promise<{ app: FastifyInstance; close(): Promise<void> }>;

function withQuery(path: string, query?: ApiRequest['query']): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

function problemToError(status: number, text: string): UserError {
  let detail = text.slice(0, 500);
  try {
    const p = JSON.parse(text) as { detail?: string };
    if (p.detail) detail = p.detail;
  } catch {}
  // 4xx that mean "your input is wrong" are usage errors (exit 2); the rest are failures.
  return [400, 413, 415, 422].includes(status) ? new BadInputError(detail) : new FailedError(detail);
}

function check(r: ApiResponse): ApiResponse {
  if (r.status >= 400) throw problemToError(r.status, r.text);
  return r;
}

function parse<T>(r: ApiResponse): T {
  return (r.text ? JSON.parse(r.text) : null) as T;
}

/**
 * Streams a request body with node:http(s): Node 20's fetch buffers a stream body in memory,
 * which a multi-gigabyte evidence upload cannot afford. node:http(s) are imported here, on the
 * first upload, not with this module: `breachdesk scan` imports it (for --incident) and loading
 * http, https, tls and net cost its start-up ≈ 20 ms of CPU (bench/README.md, issue 21, start21b).
 */
async function streamRequest(url: string, method: string, headers: Record<string, string>, body: Readable): Promise<ApiResponse> {
  const u = new URL(url);
  const { request: send } = u.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = send(u, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: out, text: body.toString('utf8'), body });
      });
      res.on('error', reject);
    });
    req.on('error', (e) => reject(new FailedError(`cannot reach ${u.origin}: ${e.message}`)));
    body.on('error', (e) => req.destroy(e));
    body.pipe(req);
  });
}

export function remoteClient(baseUrl: string, token: string): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  const raw = async (path: string, req: ApiRequest = {}): Promise<ApiResponse> => {
    if (req.stream) {
      const headers = { authorization: `Bearer ${token}`, 'content-type': req.contentType ?? 'application/octet-stream', ...(req.headers ?? {}) };
      return streamRequest(base + withQuery(path, req.query), req.method ?? 'POST', headers, req.stream);
    }
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(req.headers ?? {}) };
    let body: unknown;
    if (req.stream) {
      headers['content-type'] = req.contentType ?? 'application/octet-stream';
      body = req.stream;
    } else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    let res: Response;
    try {
      res = await fetch(base + withQuery(path, req.query), {
        method: req.method ?? (body ? 'POST' : 'GET'),
        headers,
        body,
        ...(req.stream ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (e) {
      throw new FailedError(`cannot reach ${base}: ${(e as Error).cause ? String((e as { cause: Error }).cause.message) : (e as Error).message}`);
    }
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      out[k] = v;
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: out, text: bytes.toString('utf8'), body: bytes };
  };
  return {
    mode: 'remote',
    raw: async (p, r) => check(await raw(p, r)),
    json: async <T>(p: string, r?: ApiRequest) => parse<T>(check(await raw(p, r))),
    close: async () => {},
  };
}

export function localClient(factory: LocalAppFactory): ApiClient {
  let opened: Promise<{ app: FastifyInstance; close(): Promise<void> }> | null = null;
  const get = () => {
    opened ??= factory();
    return opened;
  };
  const raw = async (path: string, req: ApiRequest = {}): Promise<ApiResponse> => {
    const { app } = await get();
    const headers: Record<string, string> = { [LOCAL_HEADER]: localSecret(), ...(req.headers ?? {}) };
    let payload: string | Readable | undefined;
    if (req.stream) {
      headers['content-type'] = req.contentType ?? 'application/octet-stream';
      payload = req.stream;
    } else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(req.body);
    }
    const res = await app.inject({
      method: (req.method ?? (payload ? 'POST' : 'GET')) as 'GET',
      url: withQuery(path, req.query),
      headers,
      payload,
    });
    return { status: res.statusCode, headers: res.headers as Record<string, string>, text: res.body, body: res.rawPayload };
  };
  return {
    mode: 'local',
    raw: async (p, r) => check(await raw(p, r)),
    json: async <T>(p: string, r?: ApiRequest) => parse<T>(check(await raw(p, r))),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}

/** BREACHDESK_URL + BREACHDESK_TOKEN → remote; neither → local; one without the other → error. */
export function cliClient(factory: LocalAppFactory, env: NodeJS.ProcessEnv = process.env): ApiClient {
  const url = env.BREACHDESK_URL;
  const token = env.BREACHDESK_TOKEN;
  if (url && !token) throw new BadInputError('BREACHDESK_URL is set but BREACHDESK_TOKEN is not: create one with `breachdesk admin token create`');
  if (url && token) return remoteClient(url, token);
  return localClient(factory);
}

/** Runs fn with a client and always closes it. */
export async function withClient<T>(make: () => ApiClient, fn: (c: ApiClient) => Promise<T>): Promise<T> {
  const c = make();
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}
