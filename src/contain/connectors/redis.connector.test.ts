/** The connector contract against a redis-server this suite starts on its own port. */
import { afterAll, beforeAll, describe } from 'vitest';
import { connectorContract } from '../../../test/support/connector-contract.js';
import { type RedisPeer, startRedis } from '../../../test/support/peers/redis-peer.js';
import { redisConnector } from './redis.connector.js';

let peer: RedisPeer;

describe('Redis connector contract', () => {
  beforeAll(async () => {
    peer = await startRedis();
    const r = peer.client();
    await r.connect();
    await r.call('ACL', 'SETUSER', 'svc_etl', 'on', '>s3cret', '~*', '+@read', '+@connection');
    for (const s of ['s1', 's2', 's3']) {
      await r.hset(`session:${s}`, { user: 'alice', ip: '203.0.113.9' });
      await r.sadd('user_sessions:alice', s);
    }
    await r.hset('session:s9', { user: 'bob' });
    await r.sadd('user_sessions:bob', 's9');
    r.disconnect();
  });
  afterAll(async () => peer?.stop());

  connectorContract({
    kind: redisConnector,
    config: () => ({ host: '127.0.0.1', port: peer.port }),
    secrets: () => ({ password: '' }),
    cases: [
      {
        operation: 'disable-user',
        target: 'svc_etl',
        live: async () => {
          const c = peer.client({ username: 'svc_etl', password: 's3cret' });
          await c.connect();
          return { alive: () => c.ping().then(() => true, () => false), close: async () => void c.disconnect() };
        },
      },
      // Compared by content: a RESTOREd set may DUMP its members in another order.
      { operation: 'revoke-sessions', target: 'alice', comparable: (pre) => (pre as { keys: Array<{ key: string; content: unknown }> }).keys.map(({ key, content }) => ({ key, content })) },
    ],
    unknownTarget: { operation: 'disable-user', target: 'nobody_here' },
    unreachable: () => ({ host: '127.0.0.1', port: 1 }),
  });
});
