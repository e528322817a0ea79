/**
 * The people jobs' bookkeeping in the shard parts (scan-shards.ts), on each dialect: a claim is won
 * once however many race for it, the groups are listed one attempt per seq within their range (not
 * the shard logs, not the claims), and removing below a seq leaves the shard logs.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../test/support/platform.js';
import type { AssessmentDatabase } from './assessment.tables.js';
import { ShardParts } from './shard-parts.js';

for (const dialect of testDialects()) {
  describe(`shard parts: people jobs' groups and claims on ${dialect}`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await openTestPlatform(dialect);
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    it('claims once, lists one attempt per group seq, removes groups and claims only', async () => {
      const parts = new ShardParts(t.platform.store.db as unknown as Kysely<AssessmentDatabase>, t.platform.keyring, null);
      const id = randomUUID();
      const won = await Promise.all([1, 2, 3, 4].map(() => parts.claim(id, -257)));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await parts.claim(id, -257)).toBe(false);
      // Another assessment claims for itself.
      expect(await parts.claim(randomUUID(), -257)).toBe(true);
      const [a, b] = [randomUUID(), randomUUID()];
      await parts.put(id, 0, a, 0, Buffer.from('shard log'));
      await parts.put(id, -1, a, 0, Buffer.from('group 0'));
      await parts.put(id, -1, b, 0, Buffer.from('group 0 again'));
      await parts.put(id, -256, b, 0, Buffer.from('group 255'));
      const seqs = await parts.seqs(id, { from: -256, below: 0 });
      expect(seqs.map((s) => s.seq)).toEqual([-256, -1]);
      expect([a, b]).toContain(seqs[1]!.attempt);
      expect((await parts.get(id, -256, seqs[0]!.attempt, 0)).toString()).toBe('group 255');
      await parts.remove(id, { below: 0 });
      expect(await parts.seqs(id, { from: -1000, below: 1 })).toEqual([{ seq: 0, attempt: a }]);
      // The claim went with the groups: it can be won again (an item read whole re-runs the people jobs).
      expect(await parts.claim(id, -257)).toBe(true);
    }, 60_000);
  });
}
