/** Members of an incident and their incident roles; an incident always keeps a commander. */
import type { Principal } from '../platform/auth/roles.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { HttpError, NotFoundError } from '../platform/http/problem.js';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { assertCanGrant, type IncidentRole, incidentRoleOf } from './incident-access.js';
import type { IncidentsDatabase } from './incidents.tables.js';
import type { IncidentsStore } from './incidents.store.js';

export class MembersService {
  constructor(private readonly s: IncidentsStore) {}

  async listMembers(incidentId: string, q: { cursor?: string; limit: number }) {
    const after = decodeCursor(q.cursor, z.string());
    const rows = await this.s.repo.listMembers(incidentId, after, q.limit + 1);
    const items = rows.slice(0, q.limit).map((r) => ({
      incidentId: r.incident_id,
      userId: r.user_id,
      username: r.username ?? (r.user_id === 'cli' ? 'cli' : null),
      role: r.role as IncidentRole,
      addedBy: r.added_by,
      addedAt: r.added_at,
    }));
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.userId) : null };
  }

  async addMember(p: Principal, incidentId: string, input: { userId?: string; username?: string; role: IncidentRole }) {
    await this.s.assertCanLead(p, incidentId);
    const user = input.userId ? await this.s.accounts.getUser(input.userId) : await this.s.accounts.findUser(input.username!);
    if (!user || user.disabled) throw new NotFoundError('user');
    assertCanGrant(p, input.role, user);
    const now = this.s.now().toISOString();
    await this.s.trx(async (t) => {
      await this.s.repo.lockIncident(t, incidentId);
      const before = await incidentRoleOf(t as never, { ...p, userId: user.id }, incidentId);
      if (before === 'commander' && input.role !== 'commander') await this.assertAnotherCommander(t, incidentId, user.id);
      await this.s.repo.upsertMember(t, incidentId, user.id, input.role, p.userId, now);
      await this.s.record(t, p, {
        action: 'member.added',
        subjectType: 'incident_member',
        subjectId: user.id,
        incidentId,
        before: before ? { role: before } : undefined,
        after: { userId: user.id, username: user.username, role: input.role },
      });
    });
    return { incidentId, userId: user.id, username: user.username, role: input.role, addedBy: p.userId, addedAt: now };
  }

  /** An incident keeps at least one commander (issue 19 §5): checked inside the change's transaction. */
  private async assertAnotherCommander(t: Transaction<IncidentsDatabase>, incidentId: string, leaving: string): Promise<void> {
    const members = await this.s.repo.listMembers(incidentId, undefined, 500, t);
    if (!members.some((m) => m.role === 'commander' && m.user_id !== leaving)) {
      throw new HttpError(409, 'an incident keeps at least one commander: name another one first');
    }
  }

  async removeMember(p: Principal, incidentId: string, userId: string): Promise<void> {
    await this.s.assertCanLead(p, incidentId);
    await this.s.trx(async (t) => {
      const members = await this.s.repo.listMembers(incidentId, undefined, 500, t);
      const target = members.find((m) => m.user_id === userId);
      if (!target) throw new NotFoundError('member');
      if (target.role === 'commander') await this.assertAnotherCommander(t, incidentId, userId);
      await this.s.repo.removeMember(t, incidentId, userId);
      await this.s.record(t, p, { action: 'member.removed', subjectType: 'incident_member', subjectId: userId, incidentId, before: { userId, username: target.username, role: target.role } });
    });
  }
}
