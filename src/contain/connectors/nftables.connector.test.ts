/** The connector contract against nftables inside a network namespace (root), with a live TCP connection to cut. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorContract } from '../../../test/support/connector-contract.js';
import { NETNS_ADDRS, type NetnsPeer, startNetns } from '../../../test/support/peers/netns-peer.js';
import { nftablesConnector } from './nftables.connector.js';

let ns: NetnsPeer;

describe('nftables connector contract', () => {
  beforeAll(async () => {
    ns = await startNetns();
  }, 30_000);
  afterAll(async () => ns?.stop());

  connectorContract({
    kind: nftablesConnector,
    config: () => ({ netns: ns.fw }),
    secrets: () => ({}),
    cases: [
      { operation: 'block-ip', target: NETNS_ADDRS.peer, params: { timeout: '1h' }, live: () => ns.connect() },
      { operation: 'block-ip', target: '198.51.100.0/24', params: { timeout: '30m', comment: 'INC-7 exfil range' } },
      { operation: 'block-ip', target: '2001:db8::/32' },
    ],
    unknownTarget: { operation: 'block-ip', target: 'not-an-address' },
  });

  it('an element carries its timeout and comment', async () => {
    const h = await nftablesConnector.connect(nftablesConnector.config.parse({ netns: ns.fw }), {});
    const op = nftablesConnector.operations[0]!;
    const p = op.params.parse({ timeout: '2h', comment: 'INC-9 action A-1' });
    await op.apply(h, '203.0.113.0/28', p, { present: null }, { label: 'x' });
    const c = await op.capture(h, '203.0.113.0/28', p);
    expect(c).toEqual({ present: { key: '203.0.113.0/28', timeout: 7200, comment: 'INC-9 action A-1' } });
    await op.undo(h, '203.0.113.0/28', p, { present: null });
  });
});
