/**
 * Issue 20 §8: a fresh `breachdesk serve` listens on loopback unless told otherwise, and warns
 * loudly on stderr when told to listen on every interface (docs/configuration.md, BREACHDESK_HOST).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/dialects.js';
import { type ServeProcess, spawnServe } from '../../support/spawn-server.js';

/** Whether something answers HTTP at this URL. 127.0.0.2 is loopback too, but a socket bound to
 * 127.0.0.1 does not accept it; one bound to 0.0.0.0 does. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

describe('serve: listen address', () => {
  let serve: ServeProcess | undefined;
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await serve?.stop();
    await db?.drop();
    serve = undefined;
  });

  it('listens on 127.0.0.1 only when BREACHDESK_HOST is not set, with no warning', async () => {
    db = await createTestDatabase('sqlite');
    // An empty value counts as unset, so this is the default.
    serve = await spawnServe({ BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_HOST: '', BREACHDESK_ADMIN_PASSWORD: 'a first admin password' });
    const port = new URL(serve.url).port;
    expect(await answers(`http://127.0.0.1:${port}/api/health`)).toBe(true);
    expect(await answers(`http://127.0.0.2:${port}/api/health`)).toBe(false);
    expect(serve.stderr()).not.toMatch(/WARNING/);
  });

  it('warns on stderr when told to listen on all interfaces', async () => {
    db = await createTestDatabase('sqlite');
    serve = await spawnServe({ BREACHDESK_DATA_DIR: db.dataDir, BREACHDESK_HOST: '0.0.0.0', BREACHDESK_ADMIN_PASSWORD: 'a first admin password' });
    const port = new URL(serve.url).port;
    expect(await answers(`http://127.0.0.2:${port}/api/health`)).toBe(true);
    expect(serve.stderr()).toMatch(/^WARNING: listening on all network interfaces \(BREACHDESK_HOST=0\.0\.0\.0\)/m);
    expect(serve.stdout()).not.toMatch(/WARNING/);
  });
});
