/**
 * The organisation's directory of outside experts (counsel, forensics, cyber insurer, PR,
 * law enforcement, notice vendors) and their engagement on incidents. Directory changes are
 * for admin, incident commanders and legal; engaging needs the same role plus write access to
 * the incident. Every change is audited (engagements with the incident id, for the timeline).
 */
import { randomUUID } from 'node:crypto';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { actorOf } from '../../platform/auth/accounts.service.js';
import { hasRole, type Principal } from '../../platform/auth/roles.js';
import { BadInputError } from '../../platform/errors.js';
import { ForbiddenError, HttpError, NotFoundError } from '../../platform/http/problem.js';
import { encodeCursor } from '../evidence/evidence.repository.js';
import type { IncidentAccess } from '../incident-access.js';
import type { ExpertsRepository } from './experts.repository.js';
import type { EngageInput, Engagement, EngagementPatch, Expert, ExpertInput, ExpertKind, ExpertPatch } from './experts.schema.js';
import type { ExpertEngagementsTable, ExpertsTable } from './experts.tables.js';

/** Who maintains the directory and engages experts. */
export const canManageExperts = hasRole('incident_commander', 'legal');

export function toExpert(r: ExpertsTable): Expert {
  return {
    id: r.id,
    kind: r.kind as ExpertKind,
    name: r.name,
    contactName: r.contact_name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    website: r.website,
    notes: r.notes,
    policyNumber: r.policy_number,
    claimHotline: r.claim_hotline,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toEngagement(e: ExpertEngagementsTable, x: ExpertsTable): Engagement {
  return {
    id: e.id,
    incidentId: e.incident_id,
    expert: toExpert(x),
    role: e.role,
    terms: e.terms,
    status: e.status as Engagement['status'],
    notes: e.notes,
    engagedBy: e.engaged_by_name,
    engagedAt: e.engaged_at,
    endedAt: e.ended_at,
  };
}

const FIELDS: Array<[keyof ExpertInput, keyof ExpertsTable]> = [
  ['kind', 'kind'],
  ['name', 'name'],
  ['contactName', 'contact_name'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['address', 'address'],
  ['website', 'website'],
  ['notes', 'notes'],
  ['policyNumber', 'policy_number'],
  ['claimHotline', 'claim_hotline'],
];

function toColumns(input: ExpertPatch): Partial<ExpertsTable> {
  const out: Record<string, string | null> = {};
  for (const [k, col] of FIELDS) if (input[k] !== undefined) out[col] = input[k] ?? null;
  return out as Partial<ExpertsTable>;
}

/** Policy number and claim hotline describe a cyber-insurance policy: insurers only. */
function checkInsurerFields(kind: string, row: Partial<ExpertsTable>): void {
  if (kind !== 'insurer' && (row.policy_number || row.claim_hotline)) {
    throw new BadInputError('policyNumber/claimHotline: only an insurer has a policy number and claim hotline');
  }
}

export class ExpertsService {
  private readonly now: () => Date;

  constructor(private readonly d: { repo: ExpertsRepository; audit: AuditService; access: IncidentAccess; now?: () => Date }) {
    this.now = d.now ?? (() => new Date());
  }

  private assertManager(p: Principal): void {
    if (!canManageExperts(p)) throw new ForbiddenError(`this needs the role ${canManageExperts.description}`);
  }

  private async live(id: string): Promise<ExpertsTable> {
    const r = await this.d.repo.get(id);
    if (!r || r.deleted_at) throw new NotFoundError('expert');
    return r;
  }

  async create(p: Principal, input: ExpertInput): Promise<Expert> {
    this.assertManager(p);
    const at = this.now().toISOString();
    const cols = toColumns(input);
    checkInsurerFields(input.kind, cols);
    const row: ExpertsTable = {
      id: randomUUID(),
      kind: input.kind,
      name: input.name,
      contact_name: null,
      email: null,
      phone: null,
      address: null,
      website: null,
      notes: null,
      policy_number: null,
      claim_hotline: null,
      ...cols,
      created_by: p.username,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insert(row);
      await this.d.audit.record({ actor: actorOf(p), action: 'expert.created', subjectType: 'expert', subjectId: row.id, after: toExpert(row) }, trx);
    });
    return toExpert(row);
  }

  async get(_p: Principal, id: string): Promise<Expert> {
    return toExpert(await this.live(id));
  }

  async list(_p: Principal, q: { kind?: string; cursor: string | null; limit: number }): Promise<{ items: Expert[]; nextCursor: string | null }> {
    const rows = await this.d.repo.list({ ...q, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items: items.map(toExpert), nextCursor: rows.length > q.limit && last ? encodeCursor(last.name, last.id) : null };
  }

  async update(p: Principal, id: string, patch: ExpertPatch): Promise<Expert> {
    this.assertManager(p);
    const before = await this.live(id);
    const cols = toColumns(patch);
    const after: ExpertsTable = { ...before, ...cols, updated_at: this.now().toISOString() };
    checkInsurerFields(after.kind, after);
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.update(id, { ...cols, updated_at: after.updated_at });
      await this.d.audit.record({ actor: actorOf(p), action: 'expert.updated', subjectType: 'expert', subjectId: id, before: toExpert(before), after: toExpert(after) }, trx);
    });
    return toExpert(after);
  }

  /** Removes the expert from the directory; past engagements keep pointing at the record. */
  async remove(p: Principal, id: string): Promise<void> {
    this.assertManager(p);
    const before = await this.live(id);
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.update(id, { deleted_at: this.now().toISOString() });
      await this.d.audit.record({ actor: actorOf(p), action: 'expert.deleted', subjectType: 'expert', subjectId: id, before: toExpert(before) }, trx);
    });
  }

  async engage(p: Principal, incidentId: string, input: EngageInput): Promise<Engagement> {
    await this.d.access.assertCanWrite(p, incidentId);
    this.assertManager(p);
    const x = await this.d.repo.get(input.expertId);
    if (!x || x.deleted_at) throw new HttpError(400, 'expertId: no such expert in the directory');
    const now = this.now().toISOString();
    const row: ExpertEngagementsTable = {
      id: randomUUID(),
      incident_id: incidentId,
      expert_id: x.id,
      role: input.role,
      terms: input.terms,
      status: input.status,
      notes: input.notes ?? null,
      engaged_by_id: p.userId,
      engaged_by_name: p.username,
      engaged_at: input.engagedAt ? new Date(input.engagedAt).toISOString() : now,
      ended_at: input.status === 'ended' ? now : null,
      updated_at: now,
    };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertEngagement(row);
      await this.d.audit.record(
        {
          actor: actorOf(p),
          action: 'expert.engaged',
          subjectType: 'expert_engagement',
          subjectId: row.id,
          incidentId,
          after: { expertId: x.id, expert: x.name, kind: x.kind, role: row.role, status: row.status, engagedAt: row.engaged_at },
        },
        trx,
      );
    });
    return toEngagement(row, x);
  }

  async engagements(p: Principal, incidentId: string): Promise<Engagement[]> {
    await this.d.access.assertCanRead(p, incidentId);
    return (await this.d.repo.listEngagements(incidentId)).map(({ e, x }) => toEngagement(e, x));
  }

  async updateEngagement(p: Principal, incidentId: string, engagementId: string, patch: EngagementPatch): Promise<Engagement> {
    await this.d.access.assertCanWrite(p, incidentId);
    this.assertManager(p);
    const e = await this.d.repo.getEngagement(engagementId);
    if (!e || e.incident_id !== incidentId) throw new NotFoundError('engagement');
    const now = this.now().toISOString();
    const set: Partial<ExpertEngagementsTable> = { updated_at: now };
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.terms !== undefined) set.terms = patch.terms;
    if (patch.notes !== undefined) set.notes = patch.notes ?? null;
    if (patch.status !== undefined) {
      set.status = patch.status;
      set.ended_at = patch.status === 'ended' ? (e.ended_at ?? now) : null;
    }
    const after = { ...e, ...set };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.updateEngagement(engagementId, set);
      await this.d.audit.record(
        {
          actor: actorOf(p),
          action: 'expert.engagement_updated',
          subjectType: 'expert_engagement',
          subjectId: engagementId,
          incidentId,
          before: { role: e.role, status: e.status },
          after: { role: after.role, status: after.status },
        },
        trx,
      );
    });
    return toEngagement(after, (await this.d.repo.get(e.expert_id))!);
  }
}
