/**
 * The one place the UI talks HTTP. Browser sessions ride on the HttpOnly SameSite=Strict
 * cookie; unsafe methods carry the session's CSRF token (OWASP CSRF cheat sheet, double
 * defence with SameSite). Errors are RFC 9457 problem+json: their `detail` is shown as is.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** The route does not exist on this server yet (feature not installed or not wired). */
  get notAvailable(): boolean {
    return this.status === 404 && /^no route /.test(this.message);
  }
}

let csrfToken: string | null = null;
const expiryListeners = new Set<(message: string) => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401: the session ended (expired, revoked, signed out elsewhere). */
export function onSessionExpired(listener: (message: string) => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

export function notifySessionExpired(message: string): void {
  for (const l of expiryListeners) l(message);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfHeaders(method: string): Record<string, string> {
  return UNSAFE.has(method) && csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Do not treat 401 as "session expired" (sign-in itself, the first /me probe). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function problemMessage(res: Response): Promise<{ message: string; body: unknown }> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { detail?: string; title?: string };
    return { message: body.detail ?? body.title ?? `${res.status} ${res.statusText}`, body };
  } catch {
    return { message: text.trim().slice(0, 300) || `${res.status} ${res.statusText}`, body: text };
  }
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json', ...csrfHeaders(method) };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  if (!res.ok) {
    const { message, body: problem } = await problemMessage(res);
    if (res.status === 401 && !opts.quiet401) notifySessionExpired(message);
    throw new ApiError(res.status, message, problem);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Raw-body upload through XMLHttpRequest: fetch() has no upload progress events, XHR's
 * `upload.onprogress` does (XMLHttpRequest Living Standard §3.6.3).
 */
export function uploadFile<T>(path: string, file: Blob, headers: Record<string, string>, onProgress: (p: UploadProgress) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    for (const [k, v] of Object.entries({ ...headers, ...csrfHeaders('POST') })) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onerror = () => reject(new ApiError(0, 'the upload was interrupted (network error)'));
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const detail = (body as { detail?: string } | null)?.detail ?? `${xhr.status} ${xhr.statusText}`;
      if (xhr.status === 401) notifySessionExpired(detail);
      reject(new ApiError(xhr.status, detail, body));
    };
    xhr.send(file);
  });
}
