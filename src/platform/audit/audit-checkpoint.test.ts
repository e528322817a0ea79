/**
 * The audit chain's head anchored outside the database it protects (issue 19 §5): removing the
 * newest events and rewriting `audit_head` to match is still caught, because a checkpoint file
 * MAC'd with a key the database alone does not give records a later head.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { SYSTEM_ACTOR } from './audit.service.js';

for (const dialect of testDialects()) {
  describe(`audit checkpoint on ${dialect}`, () => {
    let t: TestPlatform;
    beforeEach(async () => {
      t = await openTestPlatform(dialect);
      for (let i = 0; i < 6; i++) await t.platform.audit.record({ actor: SYSTEM_ACTOR, action: 'test.event', subjectType: 'thing', subjectId: `t${i}` });
      await t.platform.audit.flushCheckpoint();
    });
    afterEach(async () => t?.close());

    /** The attacker with database access only: drop the last events and make the head agree. */
    async function truncateTailAndRewriteHead(keep: number) {
      const db = t.platform.store.db;
      await sql`delete from audit_events where seq > ${keep}`.execute(db);
      const last = await db.selectFrom('audit_events').select(['seq', 'hash']).where('seq', '=', keep).executeTakeFirstOrThrow();
      await db.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
    }

    it('catches a truncated tail even when audit_head was rewritten to match', async () => {
      await truncateTailAndRewriteHead(3);
      const r = await t.platform.audit.verify();
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/checkpoint.*#6/);
    });

    it('a checkpoint edited by hand (without the key) is refused, not trusted', async () => {
      const file = t.platform.audit.checkpointFile!;
      const cp = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...cp, seq: 2 }));
      const r = await t.platform.audit.verify();
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/checkpoint.*(signature|MAC)/i);
    });

    it('an intact chain verifies against its checkpoint; a new store without one still verifies', async () => {
      expect(await t.platform.audit.verify()).toMatchObject({ ok: true, count: 6 });
      const file = t.platform.audit.checkpointFile!;
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/"seq":6/);
      unlinkSync(file);
      expect(await t.platform.audit.verify()).toMatchObject({ ok: true, count: 6 });
    });
  });
}
