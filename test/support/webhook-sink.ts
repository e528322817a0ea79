/** A real HTTP server on loopback that keeps every webhook POST it receives (a Slack/Teams stand-in). */
import { createServer } from 'node:http';

export interface Hook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface WebhookSink {
  url: string;
  hooks: Hook[];
  close(): Promise<void>;
}

/** `status(path)` picks the answer per call (default 200 "ok", as Slack answers). */
export async function startWebhookSink(status: (path: string) => number = () => 200): Promise<WebhookSink> {
  const hooks: Hook[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (d: Buffer) => (data += d.toString('utf8')));
    req.on('end', () => {
      const code = status(req.url ?? '/');
      if (code < 300) hooks.push({ path: req.url ?? '/', headers: req.headers, body: JSON.parse(data) });
      res.writeHead(code, { 'content-type': 'text/plain' }).end(code < 300 ? 'ok' : 'unavailable');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, hooks, close: () => new Promise<void>((r) => server.close(() => r())) };
}
