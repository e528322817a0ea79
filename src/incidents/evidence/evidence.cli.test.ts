import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/dialects.js';
import { testConfig } from '../../../test/support/platform.js';
import { type ApiClient, localClient, remoteClient } from '../../platform/cli-client.js';
import { registerEvidenceCommands } from './evidence.cli.js';
import type { EvidenceDatabase } from './evidence.tables.js';
import { type Harness, startHarness } from './testing.js';

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Runs `breachdesk evidence …` in-process, capturing stdout, stderr and the exit code. */
async function run(makeClient: () => ApiClient, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  const exit = vi.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => {
    throw new Exit(Number(code ?? 0));
  });
  let code = 0;
  try {
    const program = new Command('breachdesk').exitOverride();
    registerEvidenceCommands(program, { client: makeClient });
    await program.parseAsync(['node', 'breachdesk', ...args]);
  } catch (e) {
    if (e instanceof Exit) code = e.code;
    else throw e;
  } finally {
    out.mockRestore();
    err.mockRestore();
    exit.mockRestore();
  }
  return { code, stdout, stderr };
}

for (const dialect of testDialects()) {
  describe(`breachdesk evidence CLI on ${dialect}`, () => {
    let db: TestDatabase;
    let h: Harness;
    let incidentId: string;
    let token: string;
    const local = () => localClient(async () => ({ app: h.app, close: async () => {} }));
    const remote = () => remoteClient(h.url, token);

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      h = await startHarness(testConfig(db));
      token = (await h.user('ic', 'incident_commander')).token;
      incidentId = await h.incident({ ic: 'commander' });
    });
    afterEach(() => {
      delete process.env.BREACHDESK_URL;
      delete process.env.BREACHDESK_TOKEN;
    });
    afterAll(async () => {
      await h?.close();
      await db?.drop();
    });

    it('local store: add --json prints id and sha256; verify exits 0; get --out writes the same bytes; tampering exits 1 naming the file', async () => {
      const data = randomBytes(2 * 1024 * 1024 + 11);
      const file = join(db.dataDir, 'capture.pcap');
      writeFileSync(file, data);
      const add = await run(local, ['evidence', 'add', file, '--incident', incidentId, '--description', 'firewall capture', '--json']);
      expect(add.code).toBe(0);
      const item = JSON.parse(add.stdout) as { id: string; sha256: string; name: string; size: number };
      expect(item).toMatchObject({ sha256: sha(data), name: 'capture.pcap', size: data.length });

      const ok = await run(local, ['evidence', 'verify', item.id]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/intact/);

      const list = await run(local, ['evidence', 'list', '--incident', incidentId, '--json']);
      expect(JSON.parse(list.stdout).items.map((i: { id: string }) => i.id)).toContain(item.id);

      const out = join(db.dataDir, 'copy.pcap');
      const get = await run(local, ['evidence', 'get', item.id, '--out', out]);
      expect(get.code).toBe(0);
      expect(readFileSync(out).equals(data)).toBe(true);

      const hand = await run(local, ['evidence', 'handover', item.id, '--to', 'Outside counsel', '--reason', 'privilege review', '--json']);
      expect(JSON.parse(hand.stdout).custodian).toBe('Outside counsel');
      const custody = await run(local, ['evidence', 'custody', item.id, '--json']);
      expect(JSON.parse(custody.stdout).items.map((r: { action: string }) => r.action)).toEqual(['upload', 'verify', 'access', 'download', 'handover']);

      const path = join(db.dataDir, 'evidence', `${item.id}.bdev`);
      const b = readFileSync(path);
      b[20] ^= 0x10;
      writeFileSync(path, b);
      const bad = await run(local, ['evidence', 'verify', item.id]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^breachdesk: evidence .* does not verify: file hash differs/);
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    });

    it('remote server (BREACHDESK_URL/TOKEN): add, get --out and verify; an altered custody row exits 1 naming the row', async () => {
      process.env.BREACHDESK_URL = h.url;
      process.env.BREACHDESK_TOKEN = token;
      const data = randomBytes(1024 * 1024 + 3);
      const file = join(db.dataDir, 'mail.eml');
      writeFileSync(file, data);
      const add = await run(remote, ['evidence', 'add', file, '--incident', incidentId, '--json']);
      expect(add.code).toBe(0);
      const item = JSON.parse(add.stdout) as { id: string; sha256: string; uploadedBy: string };
      expect(item.sha256).toBe(sha(data));
      expect(item.uploadedBy).toBe('ic');
      const out = join(db.dataDir, 'mail-copy.eml');
      expect((await run(remote, ['evidence', 'get', item.id, '--out', out])).code).toBe(0);
      expect(readFileSync(out).equals(data)).toBe(true);
      const json = await run(remote, ['evidence', 'verify', item.id, '--json']);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, problems: [] });

      const edb = h.platform.store.db as unknown as Kysely<EvidenceDatabase>;
      await edb.updateTable('evidence_custody').set({ actor_name: 'someone else' }).where('item_id', '=', item.id).where('seq', '=', 2).execute();
      const bad = await run(remote, ['evidence', 'verify', item.id, '--json']);
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.stdout).problems).toEqual(['custody row 2 altered']);
      expect(bad.stderr).toMatch(/custody row 2 altered/);
    });

    it('legal hold blocks `evidence delete` (exit 1); after release it deletes', async () => {
      const file = join(db.dataDir, 'note.txt');
      writeFileSync(file, 'hold me');
      const item = JSON.parse((await run(local, ['evidence', 'add', file, '--incident', incidentId, '--json'])).stdout) as { id: string };
      expect(JSON.parse((await run(local, ['evidence', 'hold', item.id, '--reason', 'litigation', '--json'])).stdout).legalHold).toBe(true);
      const blocked = await run(local, ['evidence', 'delete', item.id]);
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toMatch(/legal hold/);
      expect((await run(local, ['evidence', 'hold', item.id, '--release'])).code).toBe(0);
      const del = await run(local, ['evidence', 'delete', item.id, '--reason', 'duplicate', '--json']);
      expect(del.code).toBe(0);
      expect(JSON.parse(del.stdout).deletedAt).toBeTruthy();
    });

    it('a missing file is a usage error (exit 2); an unknown incident a failure (exit 1)', async () => {
      expect((await run(local, ['evidence', 'add', join(db.dataDir, 'nope'), '--incident', incidentId])).code).toBe(2);
      const file = join(db.dataDir, 'x.txt');
      writeFileSync(file, 'x');
      const r = await run(local, ['evidence', 'add', file, '--incident', 'no-such-incident']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/incident not found/);
    });
  });
}
