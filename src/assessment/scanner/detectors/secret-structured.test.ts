import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanText } from './text-scan.js';

const found = (text: string) => scanText(text, { people: false }).secrets.map((f) => `${f.suspect ? 'suspect ' : ''}${f.type}/${f.provider}/${f.kind ?? ''}`);
const wrap = (b: Buffer) => b.toString('base64').replace(/(.{64})/g, '$1\n');

describe('structured credentials (issue 14 §1–2)', () => {
  it('reports encrypted and unencrypted private keys apart, and rejects dummy bodies', () => {
    const openssh = (cipher: string) => {
      const name = Buffer.from(cipher);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(name.length);
      return Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), len, name, randomBytes(200)]);
    };
    expect(found(`-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(openssh('none'))}\n-----END OPENSSH PRIVATE KEY-----`)).toEqual(['private_key/openssh/unencrypted']);
    expect(found(`-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(openssh('aes256-ctr'))}\n-----END OPENSSH PRIVATE KEY-----`)).toEqual(['private_key/openssh/encrypted']);
    const epki = Buffer.concat([Buffer.from([0x30, 0x81, 0x90, 0x30, 0x1a]), randomBytes(144)]);
    expect(found(`-----BEGIN ENCRYPTED PRIVATE KEY-----\n${wrap(epki)}\n-----END ENCRYPTED PRIVATE KEY-----`)).toEqual(['private_key/pem/encrypted']);
    expect(found(`-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'B'.repeat(64)}\n-----END PRIVATE KEY-----`)).toEqual([]);
    expect(found('-----BEGIN PRIVATE KEY-----\n...your key here...\n-----END PRIVATE KEY-----')).toEqual([]);
  });

  it('finds Docker config auths, Azure connection strings and connection strings of every engine', () => {
    const auth = Buffer.from('deploy:Qm3x9LpV2sR7tK4w').toString('base64');
    expect(found(`{"auths": {"registry.example.com": {"auth": "${auth}"}}}`)).toEqual(['container_registry_auth/docker/registry_auth']);
    expect(found(`{"auths": {"r.example.com": {"auth": "${Buffer.from('user:password').toString('base64')}"}}}`)).toEqual([]);
    const key = `${randomBytes(64).toString('base64').slice(0, 86)}==`;
    expect(found(`DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${key};EndpointSuffix=core.windows.net`)).toEqual(['cloud_credential/azure/storage_account_key']);
    for (const [url, kind] of [
      ['redis://:Qm3x9LpV2sR7@cache.internal:6379/0', 'redis'],
      ['amqps://svc:Qm3x9LpV2sR7@mq.internal/vhost', 'amqp'],
      ['mysql://root:Qm3x9LpV2sR7@db:3306/app', 'mysql'],
      ['jdbc:sqlserver://db.internal:1433;databaseName=app;user=svc;password=Qm3x9LpV2sR7', 'sqlserver'],
      ['jdbc:postgresql://db.internal:5432/app?user=svc&password=Qm3x9LpV2sR7', 'postgresql'],
    ]) expect(found(`url=${url}`), url).toEqual([`database_url/database/${kind}`]);
    expect(found('url=redis://localhost:6379/0')).toEqual([]);
    expect(found('https://admin:changeme@example.com')).toEqual([]);
  });

  it('rejects fills and sequences, and keeps low-entropy shapes as suspects', () => {
    expect(found('"token2": "xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"')).toEqual([]);
    expect(found(`npm_${'0123456789abcdefghijklmnopqrstuvwxyz'}`)).toEqual([]);
    expect(found('glpat-aaaaaaaaaabbbbbbbbbb')).toEqual(['suspect gitlab_token/gitlab/personal_access_token']);
    // The right shape, a value that is not random: reported apart, not as a secret.
    expect(found('dop_v1_aabbaabbaabbccddaabbaabbccddaabbaabbaabbccddaabbaabbccddaabbccdd')).toEqual(['suspect hosting_token/digitalocean/personal_access_token']);
  });
});
