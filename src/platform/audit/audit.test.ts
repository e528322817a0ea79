import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { SYSTEM_ACTOR } from './audit.service.js';

for (const dialect of testDialects()) {
  describe(`audit chain on ${dialect}`, () => {
    let t: TestPlatform;
    beforeEach(async () => {
      t = await openTestPlatform(dialect);
      for (let i = 0; i < 5; i++) {
        await t.platform.audit.record({ actor: SYSTEM_ACTOR, action: 'test.event', subjectType: 'thing', subjectId: `t${i}`, after: { n: i, password: 'hunter2-secret' } });
      }
    });
    afterEach(async () => t?.close());

    it('verifies an intact chain and redacts secrets in payloads', async () => {
      expect(await t.platform.audit.verify()).toEqual({ ok: true, count: 5 });
      const events = await t.platform.audit.list({ subjectType: 'thing' });
      expect(events).toHaveLength(5);
      expect(JSON.stringify(events)).not.toContain('hunter2');
      expect(events[2]!.after).toEqual({ n: 2, password: '[redacted]' });
    });

    it('names the altered event', async () => {
      await sql`update audit_events set action = 'test.forged' where seq = 3`.execute(t.platform.store.db);
      const r = await t.platform.audit.verify();
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.seq).toBe(3);
        expect(r.reason).toMatch(/altered/);
      }
    });

    it('detects a removed event', async () => {
      await sql`delete from audit_events where seq = 2`.execute(t.platform.store.db);
      const r = await t.platform.audit.verify();
      expect(r).toMatchObject({ ok: false, seq: 3 });
    });

    it('detects reordered events', async () => {
      // Swap the contents of #2 and #4 by exchanging their sequence numbers.
      await sql`update audit_events set seq = -2 where seq = 2`.execute(t.platform.store.db);
      await sql`update audit_events set seq = 2 where seq = 4`.execute(t.platform.store.db);
      await sql`update audit_events set seq = 4 where seq = -2`.execute(t.platform.store.db);
      const r = await t.platform.audit.verify();
      expect(r).toMatchObject({ ok: false, seq: 2 });
    });

    it('detects events removed from the end', async () => {
      await sql`delete from audit_events where seq = 5`.execute(t.platform.store.db);
      const r = await t.platform.audit.verify();
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/removed from the end/);
    });

    it('serialises concurrent appends into one chain', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => t.platform.audit.record({ actor: SYSTEM_ACTOR, action: 'test.parallel', subjectType: 'thing', subjectId: `p${i}` })));
      expect(await t.platform.audit.verify()).toEqual({ ok: true, count: 25 });
    });
  });
}
