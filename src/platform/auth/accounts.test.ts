import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/dialects.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/platform.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService, MAX_FAILED_LOGINS } from './accounts.service.js';

for (const dialect of testDialects()) {
  describe(`accounts on ${dialect}`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await openTestPlatform(dialect);
    });
    afterAll(async () => t?.close());

    it('creates the first admin once, with a one-time password', async () => {
      const first = await t.platform.accounts.ensureFirstAdmin('root@example.org', null);
      expect(first.created).toBe(true);
      expect(first.password).toMatch(/^[A-Za-z0-9]{20}$/);
      const again = await t.platform.accounts.ensureFirstAdmin('root@example.org', null);
      expect(again.created).toBe(false);
      const admin = await t.platform.accounts.login('admin', first.password!);
      expect(admin.roles).toEqual(['admin']);
      expect(admin.mustChangePassword).toBe(true);
      expect((await t.platform.accounts.login('ROOT@example.org', first.password!)).id).toBe(admin.id);
    });

    it('validates new users and refuses duplicates', async () => {
      const a = t.platform.accounts;
      await a.createUser({ email: 'viewer@example.org', roles: ['viewer'], password: 'correct horse battery' }, SYSTEM_ACTOR);
      await expect(a.createUser({ email: 'viewer@example.org', roles: ['viewer'] }, SYSTEM_ACTOR)).rejects.toThrow(/already exists/);
      await expect(a.createUser({ email: 'x@example.org', roles: ['boss' as never] }, SYSTEM_ACTOR)).rejects.toThrow(/role: "boss"/);
      await expect(a.createUser({ email: 'y@example.org', roles: ['viewer'], password: 'short' }, SYSTEM_ACTOR)).rejects.toThrow(/at least 12/);
      const stored = await a.repo.findUserByLogin('viewer');
      expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('locks an account after repeated failures, even for the right password', async () => {
      let clock = new Date('2026-01-01T00:00:00Z');
      const a = new AccountsService(new AccountsRepository(t.platform.store.db), t.platform.audit, 60, () => clock);
      await a.createUser({ email: 'locky@example.org', roles: ['responder'], password: 'the right password' }, SYSTEM_ACTOR);
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) await expect(a.login('locky', 'wrong password!!')).rejects.toThrow(/invalid/);
      await expect(a.login('locky', 'the right password')).rejects.toMatchObject({ status: 423 });
      clock = new Date('2026-01-01T00:16:00Z');
      expect((await a.login('locky', 'the right password')).username).toBe('locky');
    });

    it('disabled users cannot sign in or use tokens; revoked tokens stop working', async () => {
      const a = t.platform.accounts;
      await a.createUser({ email: 'temp@example.org', roles: ['responder'], password: 'temporary password' }, SYSTEM_ACTOR);
      const tok = await a.createToken('temp@example.org', 'script', SYSTEM_ACTOR);
      expect(tok.token.startsWith('bd_')).toBe(true);
      expect((await a.authenticateToken(tok.token)).user.username).toBe('temp');
      const stored = await a.repo.findToken(tok.id);
      expect(stored?.token_hash).not.toContain(tok.token);
      await a.setDisabled('temp', true, SYSTEM_ACTOR);
      await expect(a.login('temp', 'temporary password')).rejects.toThrow(/disabled/);
      await expect(a.authenticateToken(tok.token)).rejects.toThrow(/disabled/);
      await a.setDisabled('temp', false, SYSTEM_ACTOR);
      await a.revokeToken(tok.id, SYSTEM_ACTOR);
      await expect(a.authenticateToken(tok.token)).rejects.toThrow(/revoked/);
      await expect(a.authenticateToken('bd_nonsense')).rejects.toThrow(/invalid API token/);
    });

    it('sessions expire and are ended on sign-out', async () => {
      let clock = new Date('2026-02-01T00:00:00Z');
      const a = new AccountsService(new AccountsRepository(t.platform.store.db), t.platform.audit, 30, () => clock);
      const u = await a.createUser({ email: 'sess@example.org', roles: ['legal'], password: 'session password' }, SYSTEM_ACTOR);
      const s = await a.createSession(u.user);
      expect((await a.resolveSession(s.sessionId))?.user.username).toBe('sess');
      clock = new Date('2026-02-01T00:31:00Z');
      expect(await a.resolveSession(s.sessionId)).toBeNull();
      const s2 = await a.createSession(u.user);
      await a.endSession(s2.sessionId);
      expect(await a.resolveSession(s2.sessionId)).toBeNull();
    });
  });
}
