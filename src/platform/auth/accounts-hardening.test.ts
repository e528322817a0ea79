/**
 * Regression tests for the account findings of the red-team test (issue 19 §3 and §5): lock-out
 * counted atomically, the same work for unknown users, sessions ended by a password change, the
 * password policy and the bootstrap password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const dialect of testDialects()) {
  describe(`account hardening on ${dialect}`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await openTestPlatform(dialect);
    });
    afterAll(async () => t?.close());

    it('§3 locks the account when wrong passwords arrive all at once (counted atomically)', async () => {
      const a = t.platform.accounts;
      await a.createUser({ email: 'parallel@example.org', roles: ['responder'], password: 'the right password' }, SYSTEM_ACTOR);
      const results = await Promise.allSettled(Array.from({ length: 19 }, () => a.login('parallel', 'wrong password!!')));
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      await expect(a.login('parallel', 'the right password')).rejects.toMatchObject({ status: 423 });
      const row = await a.repo.findUserByLogin('parallel');
      expect(row?.locked_until).not.toBeNull();
    });

    it('§5 signing in as an unknown user costs a password hash like a known one (no timing oracle)', async () => {
      const a = t.platform.accounts;
      await a.createUser({ email: 'timed@example.org', roles: ['viewer'], password: 'the right password' }, SYSTEM_ACTOR);
      const known: number[] = [];
      const unknown: number[] = [];
      // Interleaved and compared with each other (not with a fixed time), so a busy machine slows both alike.
      for (let i = 0; i < 4; i++) {
        let s = performance.now();
        await a.login('timed', 'wrong password!!').catch(() => {});
        known.push(performance.now() - s);
        s = performance.now();
        await a.login(`nobody-${i}@example.org`, 'wrong password!!').catch(() => {});
        unknown.push(performance.now() - s);
      }
      // Before the fix an unknown user answered in ≈ 0.1 ms against ≈ 30 ms for a known one.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
      // and the two answers are the same words.
      const e1 = await a.login('timed', 'wrong password!!').catch((e: Error) => e.message);
      const e2 = await a.login('nobody@example.org', 'wrong password!!').catch((e: Error) => e.message);
      expect(e1).toBe(e2);
    });

    it("§5 a password change ends the user's other sessions but keeps the one that made it", async () => {
      const a = t.platform.accounts;
      const u = (await a.createUser({ email: 'sessions@example.org', roles: ['responder'], password: 'the right password' }, SYSTEM_ACTOR)).user;
      const here = await a.createSession(u);
      const elsewhere = await a.createSession(u);
      const tok = await a.createToken('sessions', 'script', SYSTEM_ACTOR);
      await a.setPassword(u.id, 'a brand new passphrase', SYSTEM_ACTOR, { keepSessionId: here.sessionId });
      expect(await a.resolveSession(elsewhere.sessionId)).toBeNull();
      expect((await a.resolveSession(here.sessionId))?.user.id).toBe(u.id);
      // Tokens are separate credentials for scripts and keep working unless asked (docs/security.md).
      expect((await a.authenticateToken(tok.token)).user.id).toBe(u.id);
      await a.setPassword(u.id, 'another new passphrase', SYSTEM_ACTOR, { keepSessionId: here.sessionId, revokeTokens: true });
      await expect(a.authenticateToken(tok.token)).rejects.toThrow(/revoked/);
      await a.setPassword(u.id, 'a third new passphrase', SYSTEM_ACTOR);
      expect(await a.resolveSession(here.sessionId)).toBeNull();
    });

    it('§5 password policy: length, the breached-password list shipped with the product, and the account’s own names', async () => {
      const a = t.platform.accounts;
      const u = (await a.createUser({ email: 'policy@example.org', roles: ['responder'], password: 'the right password' }, SYSTEM_ACTOR)).user;
      await expect(a.setPassword(u.id, 'short', SYSTEM_ACTOR)).rejects.toThrow(/at least 12/);
      // In the breach corpora list as they are, and with a year or counter added.
      for (const bad of ['qwerty123456', '1q2w3e4r5t6y', 'QAZWSXEDCRFV', 'password2024!', 'iloveyou12345']) {
        await expect(a.setPassword(u.id, bad, SYSTEM_ACTOR), bad).rejects.toThrow(/breached|common/);
      }
      await expect(a.setPassword(u.id, 'aaaaaaaaaaaaaaaa', SYSTEM_ACTOR)).rejects.toThrow(/repeat/);
      await expect(a.setPassword(u.id, 'policy-example-2026', SYSTEM_ACTOR)).rejects.toThrow(/user name/);
      await expect(a.setPassword(u.id, 'breachdesk breachdesk', SYSTEM_ACTOR)).rejects.toThrow(/Breachdesk/);
      await expect(a.createUser({ email: 'new@example.org', roles: ['viewer'], password: '123qweasdzxc' }, SYSTEM_ACTOR)).rejects.toThrow(/breached|common/);
      await a.setPassword(u.id, 'violet tram under 7 bridges', SYSTEM_ACTOR);
      expect((await a.login('policy', 'violet tram under 7 bridges')).id).toBe(u.id);
    });

    it('§5 the bootstrap password must be changed even when it came from BREACHDESK_ADMIN_PASSWORD', async () => {
      const fresh = await openTestPlatform(dialect);
      try {
        const first = await fresh.platform.accounts.ensureFirstAdmin('root@example.org', 'configured admin password');
        expect(first.created).toBe(true);
        const admin = await fresh.platform.accounts.login('admin', 'configured admin password');
        expect(admin.mustChangePassword).toBe(true);
      } finally {
        await fresh.close();
      }
    });

    it('a fresh service over the same store sees the lock (the count lives in the database, not in memory)', async () => {
      const other = new AccountsService(new AccountsRepository(t.platform.store.db), t.platform.audit, 60);
      await expect(other.login('parallel', 'the right password')).rejects.toMatchObject({ status: 423 });
    });
  });
}
