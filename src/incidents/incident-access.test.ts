/** The access guard other incident features build on, on every dialect. */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/dialects.js';
import { type IncidentsTestServer, startIncidentsTestServer } from '../../test/support/incidents.js';
import type { Principal, Role } from '../platform/auth/roles.js';
import type { Database } from '../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../platform/http/problem.js';
import { createIncidentAccess, type IncidentAccess } from './incident-access.js';

const principal = (userId: string, role: Role): Principal => ({ userId, username: userId, email: `${userId}@example.test`, roles: [role], via: 'token' });

for (const dialect of testDialects()) {
  describe(`IncidentAccess on ${dialect}`, () => {
    let s: IncidentsTestServer;
    let access: IncidentAccess;
    let id: string;
    const cmdr = principal('u-cmdr', 'incident_commander');

    beforeAll(async () => {
      s = await startIncidentsTestServer(dialect);
      access = createIncidentAccess(s.platform.store.db as Kysely<Database>);
      id = (await s.service.create(cmdr, { title: 'Guarded' })).id;
      const db = s.service.repo.db;
      const now = new Date().toISOString();
      for (const [user, role] of [
        ['u-viewer', 'member'],
        ['u-dpo', 'dpo'],
        ['u-resp', 'forensics_lead'],
      ]) {
        await db.insertInto('incident_members').values({ incident_id: id, user_id: user!, role: role!, added_by: cmdr.userId, added_at: now }).execute();
      }
    });
    afterAll(async () => s?.close());

    it('the creator is the commander; members read; non-members and missing ids get the same NotFoundError', async () => {
      await expect(access.assertCanRead(cmdr, id)).resolves.toBeUndefined();
      await expect(access.assertCanRead(principal('u-viewer', 'viewer'), id)).resolves.toBeUndefined();
      await expect(access.assertCanRead(principal('u-stranger', 'legal'), id)).rejects.toThrow(NotFoundError);
      await expect(access.assertCanRead(principal('u-stranger', 'legal'), id)).rejects.toThrow('incident not found');
      await expect(access.assertCanRead(cmdr, 'no-such-incident')).rejects.toThrow('incident not found');
      await expect(access.assertCanRead(principal('u-admin', 'admin'), id)).resolves.toBeUndefined();
      await expect(access.assertCanRead(principal('u-admin', 'admin'), 'no-such-incident')).rejects.toThrow(NotFoundError);
    });

    it('writing needs membership and a writing org role', async () => {
      await expect(access.assertCanWrite(principal('u-resp', 'responder'), id)).resolves.toBeUndefined();
      await expect(access.assertCanWrite(principal('u-viewer', 'viewer'), id)).rejects.toThrow(ForbiddenError);
      await expect(access.assertCanWrite(principal('u-stranger', 'responder'), id)).rejects.toThrow(NotFoundError);
    });

    it('privileged material: org legal/admin members, or incident legal_counsel/dpo', async () => {
      expect(await access.canSeePrivileged(principal('u-dpo', 'responder'), id)).toBe(true);
      expect(await access.canSeePrivileged(principal('u-resp', 'legal'), id)).toBe(true);
      expect(await access.canSeePrivileged(principal('u-resp', 'responder'), id)).toBe(false);
      expect(await access.canSeePrivileged(cmdr, id)).toBe(false);
      expect(await access.canSeePrivileged(principal('u-admin', 'admin'), id)).toBe(true);
      expect(await access.canSeePrivileged(principal('u-stranger', 'legal'), id)).toBe(false);
    });
  });
}
