/** JSON requests to a test server: bearer token, JSON body, parsed answer (text kept too). */
export interface ApiInit {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: tests inspect JSON answers field by field
export type ApiResult = { status: number; body: any; headers: Headers; text: string };

export function jsonApi(baseUrl: string): (path: string, init?: ApiInit) => Promise<ApiResult> {
  return async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(baseUrl + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
}

/**
 * Closes a test's Fastify app and drops the test's connections at once. The product's close lets
 * an answer in flight finish and closes its connection when it falls idle (src/platform/http/app.ts,
 * close.test.ts); a test has no client to wait for, and one that left a request unfinished would
 * hold its close open (src/incidents/evidence/testing.ts does the same in src).
 */
export async function closeApp(app: { close(): Promise<unknown>; server: { closeAllConnections(): void } }): Promise<void> {
  const closing = app.close();
  app.server.closeAllConnections();
  await closing;
}
