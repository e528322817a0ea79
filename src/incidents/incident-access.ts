/**
 * Who may see and change an incident. Visibility: org `admin` sees every incident; anyone
 * else only the incidents they are a member of (the creator joins as `commander`). A
 * non-visible incident answers exactly like a missing one, so ids do not leak existence.
 * Evidence, experts and every other incident-scoped feature guard their routes with this.
 */
import type { Kysely } from 'kysely';
import { canWrite, isAdmin, isLegal, type Principal } from '../platform/auth/roles.js';
import type { Database } from '../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../platform/http/problem.js';
import type { IncidentsDatabase } from './incidents.tables.js';

export const INCIDENT_ROLES = ['commander', 'scribe', 'legal_counsel', 'dpo', 'communications', 'forensics_lead', 'executive_sponsor', 'member'] as const;
export type IncidentRole = 'commander' | 'scribe' | 'legal_counsel' | 'dpo' | 'communications' | 'forensics_lead' | 'executive_sponsor' | 'member';

export interface IncidentAccess {
  /** throws NotFoundError('incident') when the incident does not exist OR the principal may not see it (no existence leak) */
  assertCanRead(p: Principal, incidentId: string): Promise<void>;
  /** read + org role allows writes (policies canWrite) — throws ForbiddenError */
  assertCanWrite(p: Principal, incidentId: string): Promise<void>;
  /** privileged (attorney–client) material: org role legal/admin, or incident role legal_counsel/dpo */
  canSeePrivileged(p: Principal, incidentId: string): Promise<boolean>;
  /** The principal's own role on the incident (commander, legal_counsel, …), or null when not a member. */
  incidentRole(p: Principal, incidentId: string): Promise<IncidentRole | null>;
}

/** The incident role of a principal, or null when not a member (or the incident is missing). */
export async function incidentRoleOf(db: Kysely<IncidentsDatabase>, p: Principal, incidentId: string): Promise<IncidentRole | null> {
  const row = await db
    .selectFrom('incident_members')
    .select('role')
    .where('incident_id', '=', incidentId)
    .where('user_id', '=', p.userId)
    .executeTakeFirst();
  return (row?.role as IncidentRole | undefined) ?? null;
}

/** Legal roles of an incident (privileged material, GDPR decisions). */
export const LEGAL_INCIDENT_ROLES: readonly IncidentRole[] = ['legal_counsel', 'dpo'];

/**
 * Legal incident roles open privileged (attorney–client) material, so they are granted only by the
 * organisation's legal staff or an admin, or to someone who already is (their org role `legal`
 * shows them that material anyway). Issue 19 §2: a commander once made themselves counsel.
 */
export function assertCanGrant(p: Principal, role: IncidentRole, grantee: Pick<Principal, 'roles'>): void {
  if (LEGAL_INCIDENT_ROLES.includes(role) && !isLegal(p) && !grantee.roles.some((r) => r === 'legal' || r === 'admin')) {
    throw new ForbiddenError(`granting the incident role ${role} to someone outside legal needs the organisation role legal or admin`);
  }
}

export function createIncidentAccess(db: Kysely<Database>): IncidentAccess {
  const idb = db as unknown as Kysely<IncidentsDatabase>;
  const exists = async (id: string) => !!(await idb.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst());
  const assertCanRead = async (p: Principal, incidentId: string) => {
    if (isAdmin(p)) {
      if (!(await exists(incidentId))) throw new NotFoundError('incident');
      return;
    }
    // Membership alone (one round trip on every incident request): a member row exists only for
    // an existing incident, and a missing incident answers like an invisible one anyway.
    if (!(await incidentRoleOf(idb, p, incidentId))) throw new NotFoundError('incident');
  };
  return {
    assertCanRead,
    async assertCanWrite(p, incidentId) {
      await assertCanRead(p, incidentId);
      if (!canWrite(p)) throw new ForbiddenError(`changing an incident needs the role ${canWrite.description}`);
    },
    async canSeePrivileged(p, incidentId) {
      if (isAdmin(p)) return exists(incidentId);
      const role = await incidentRoleOf(idb, p, incidentId);
      if (!role) return false;
      // Attorney–client privilege: legal staff of the organisation, or those acting as counsel/DPO on this incident.
      return isLegal(p) || LEGAL_INCIDENT_ROLES.includes(role);
    },
    incidentRole: (p, incidentId) => incidentRoleOf(idb, p, incidentId),
  };
}
