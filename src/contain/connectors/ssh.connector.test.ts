/** The connector contract against an sshd started once for this suite: the key is removed, a live session is ended, undo puts the key back. */
import { afterAll, beforeAll, describe } from 'vitest';
import { connectorContract } from '../../../test/support/connector-contract.js';
import { type SshdPeer, startSshd } from '../../../test/support/peers/sshd-peer.js';
import { sshConnector } from './ssh.connector.js';

let peer: SshdPeer;
const USER = `bdssh${process.pid % 100000}`;

describe('SSH connector contract', () => {
  beforeAll(async () => {
    peer = await startSshd();
  }, 30_000);
  afterAll(async () => peer?.stop());

  connectorContract({
    kind: sshConnector,
    config: () => ({ host: '127.0.0.1', port: peer.port, username: 'root', authorizedKeysFile: peer.keysFile.replace(USER, '%u') }),
    secrets: () => ({ privateKey: peer.rootKey }),
    cases: [{ operation: 'revoke-key', target: USER, params: { get publicKey() { return peer.userKey.public; } }, live: () => peer.session() }],
    unknownTarget: { operation: 'revoke-key', target: 'nosuchuser', params: { publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb x' } },
    unreachable: () => ({ host: '127.0.0.1', port: 1 }),
  });
});
