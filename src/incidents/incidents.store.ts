/**
 * What the parts of the incident workspace share: the repository, the audit trail (every change
 * is audited with `incidentId` set, in the same transaction as the change), the clock, and the
 * access helpers of an incident.
 */
import type { AuditService } from '../platform/audit/audit.service.js';
import { type AccountsService, actorOf } from '../platform/auth/accounts.service.js';
import { canLead, type Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import type { Database } from '../platform/db/schema.js';
import { ForbiddenError } from '../platform/http/problem.js';
import type { Transaction } from 'kysely';
import { type IncidentRole, incidentRoleOf } from './incident-access.js';
import type {
  Incident } from './incidents.schema.js';
import type { IncidentsRepository } from './incidents.repository.js';
import type { IncidentsDatabase } from './incidents.tables.js';
import type { Notifier } from './notifier.js';
import type { Anchors } from './response-plan.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface IncidentsServiceOptions {
  publicUrl: string;
  notifier?: Notifier | null;
  now?: () => Date;
}

export const iso = (s: string) => new Date(s).toISOString();
export function anchorsOf(i: Pick<Incident, 'awareAt' | 'detectedAt' | 'containedAt' | 'closedAt'>): Anchors {
  return { awareAt: i.awareAt, detectedAt: i.detectedAt, containedAt: i.containedAt, closedAt: i.closedAt };
}

export class IncidentsStore {
  readonly now: () => Date;
  /**
   * The next open legal deadline per incident; the composition root sets it to the
   * obligation tracker's answer (the workspace itself knows no law).
   */
  nextDeadlines: (incidentIds: string[]) => Promise<Map<string, string>> = async () => new Map();
  /** Practice incidents (drills) among these; the composition root sets it from the learn feature. The register leaves them out. */
  practiceIncidents: (incidentIds: string[]) => Promise<Set<string>> = async () => new Set();
  /** Notifications made per incident (one line each), for the breach register; set like nextDeadlines. */
  notifications: (incidentIds: string[]) => Promise<Map<string, string[]>> = async () => new Map();

  constructor(
    readonly repo: IncidentsRepository,
    readonly audit: AuditService,
    readonly keyring: Keyring,
    readonly accounts: AccountsService,
    readonly opts: IncidentsServiceOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  trx<T>(fn: (t: Transaction<IncidentsDatabase>) => Promise<T>): Promise<T> {
    return this.repo.transaction(fn);
  }

  record(t: Transaction<IncidentsDatabase>, p: Principal | null, e: { action: string; subjectType: string; subjectId: string; incidentId: string; before?: unknown; after?: unknown }) {
    const actor = p ? actorOf(p) : { type: 'system' as const, id: null, name: 'system' };
    return this.audit.record({ ...e, actor }, t as unknown as Transaction<Database>);
  }

  async roleOf(p: Principal, incidentId: string): Promise<IncidentRole | null> {
    return incidentRoleOf(this.repo.db, p, incidentId);
  }

  /** Leading an incident: admins, org incident commanders, or the incident's own commander. */
  async assertCanLead(p: Principal, incidentId: string): Promise<void> {
    if (canLead(p)) return;
    if ((await this.roleOf(p, incidentId)) === 'commander') return;
    throw new ForbiddenError('this needs the incident commander (org role incident_commander or incident role commander)');
  }
}
