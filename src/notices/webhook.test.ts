import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookSink, type WebhookSink } from '../../test/support/webhook-sink.js';
import { classifyFailure } from './delivery.js';
import { createHttpWebhook, WebhookError } from './webhook.js';

describe('chat webhooks (RFC 9110 outcomes)', () => {
  let sink: WebhookSink;
  beforeAll(async () => {
    sink = await startWebhookSink((path) => (path === '/busy' ? 503 : path === '/gone' ? 404 : path === '/slow-down' ? 429 : 200));
  });
  afterAll(async () => sink.close());

  it('POSTs the JSON body with the message id as Idempotency-Key', async () => {
    const r = await createHttpWebhook().post({ url: `${sink.url}/ok`, body: { text: 'hello' }, idempotencyKey: '<abc@example.test>' });
    expect(r.code).toBe(200);
    expect(sink.hooks[0]).toMatchObject({ path: '/ok', body: { text: 'hello' }, headers: { 'idempotency-key': '<abc@example.test>', 'content-type': 'application/json' } });
  });

  it('retries 429, 5xx and network failures; a 4xx is permanent; the URL (a secret) stays out of the error', async () => {
    const hook = createHttpWebhook({ timeoutMs: 2000 });
    const fail = (path: string) => hook.post({ url: `${sink.url}${path}`, body: {}, idempotencyKey: 'k' }).catch((e: unknown) => e);
    const busy = await fail('/busy');
    expect(busy).toBeInstanceOf(WebhookError);
    expect(classifyFailure(busy)).toMatchObject({ kind: 'retry', code: 503 });
    expect(classifyFailure(await fail('/slow-down'))).toMatchObject({ kind: 'retry', code: 429 });
    const gone = classifyFailure(await fail('/gone'));
    expect(gone).toMatchObject({ kind: 'failed', code: 404 });
    expect(gone.error).not.toMatch(/gone/);
    const down = classifyFailure(await hook.post({ url: 'http://127.0.0.1:1/secret-path', body: {}, idempotencyKey: 'k' }).catch((e: unknown) => e));
    expect(down).toMatchObject({ kind: 'retry', code: null });
    expect(down.error).not.toMatch(/secret-path/);
  });
});
