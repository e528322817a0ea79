/**
 * Secure (issue 16 §4): remediation items — root cause, fix, owner, due date — each closed only
 * with evidence that the fix holds: an evidence file of the incident, a finished scan of the
 * incident in which the named secret type is no longer found, or a verified containment action.
 */
import { randomUUID } from 'node:crypto';
import { actorOf } from '../platform/auth/accounts.service.js';
import { canWrite, type Principal } from '../platform/auth/roles.js';
import type { AuditService } from '../platform/audit/audit.service.js';
import { BadInputError } from '../platform/errors.js';
import { ForbiddenError, HttpError, NotFoundError } from '../platform/http/problem.js';
import type { IncidentGate } from './actions.service.js';
import type { ContainRepository } from './contain.repository.js';
import type { ContainRemediationsTable } from './contain.tables.js';
import type { FixEvidence, Remediation, RemediationInput } from './remediation.schema.js';

/** What other features answer about evidence of a fix (wired in src/main/modules.ts). */
export interface FixEvidencePorts {
  /** Throws when the item is not evidence of this incident visible to p. */
  evidence(p: Principal, incidentId: string, id: string): Promise<void>;
  /** A scan of this incident: its status and the secret types it found; null when not found. */
  scan(incidentId: string, id: string): Promise<{ status: string; secretTypes: string[] } | null>;
  /** Whether the incident has this task (a remediation item links to one of its plan's tasks). */
  hasTask(incidentId: string, taskId: string): Promise<boolean>;
  /** Whether the incident has this observable (an action links to the observables it acts on). */
  hasObservable(incidentId: string, id: string): Promise<boolean>;
}

function toRemediation(r: ContainRemediationsTable): Remediation {
  return {
    id: r.id,
    incidentId: r.incident_id,
    rootCause: r.root_cause,
    fix: r.fix,
    owner: r.owner,
    due: r.due,
    status: r.status as Remediation['status'],
    taskId: r.task_id,
    evidence: r.evidence_json ? JSON.parse(r.evidence_json) : null,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    createdAt: r.created_at,
  };
}

export class RemediationService {
  constructor(private readonly d: { repo: ContainRepository; audit: AuditService; access: IncidentGate; ports: FixEvidencePorts; now?: () => Date }) {}

  private now = () => (this.d.now?.() ?? new Date()).toISOString();

  async list(p: Principal, incidentId: string): Promise<Remediation[]> {
    await this.d.access.assertCanRead(p, incidentId);
    return (await this.d.repo.listRemediations(incidentId)).map(toRemediation);
  }

  async create(p: Principal, incidentId: string, input: RemediationInput): Promise<Remediation> {
    if (!canWrite(p)) throw new ForbiddenError(`this needs the role ${canWrite.description}`);
    await this.d.access.assertCanWrite(p, incidentId);
    if (input.taskId && !(await this.d.ports.hasTask(incidentId, input.taskId))) throw new BadInputError(`taskId: this incident has no task ${input.taskId}`);
    const at = this.now();
    const row: ContainRemediationsTable = {
      id: randomUUID(),
      incident_id: incidentId,
      root_cause: input.rootCause,
      fix: input.fix,
      owner: input.owner ?? null,
      due: input.due ?? null,
      status: 'open',
      evidence_json: null,
      action_id: null,
      task_id: input.taskId ?? null,
      created_at: at,
      updated_at: at,
      closed_at: null,
      closed_by: null,
    };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertRemediation(row);
      await this.d.audit.record({ actor: actorOf(p), action: 'remediation.created', subjectType: 'remediation', subjectId: row.id, incidentId, after: { fix: row.fix, due: row.due, taskId: row.task_id } }, trx);
    });
    return toRemediation(row);
  }

  /** Why `ev` does not prove the fix, or null when it does. */
  private async refusal(p: Principal, incidentId: string, ev: FixEvidence): Promise<string | null> {
    if (ev.type === 'action') {
      const a = await this.d.repo.getAction(ev.id);
      if (!a || a.incident_id !== incidentId) return `action ${ev.id} is not an action of this incident`;
      return a.state === 'verified' ? null : `action ${ev.id} is ${a.state}, not verified: verify it first`;
    }
    if (ev.type === 'evidence') {
      try {
        await this.d.ports.evidence(p, incidentId, ev.id);
        return null;
      } catch {
        return `evidence ${ev.id} is not evidence of this incident`;
      }
    }
    const scan = await this.d.ports.scan(incidentId, ev.id);
    if (!scan) return `scan ${ev.id} is not a scan of this incident`;
    if (scan.status !== 'done') return `scan ${ev.id} is ${scan.status}, not finished`;
    if (!ev.secretType) return 'evidence.secretType: name the secret type the scan must no longer find (e.g. github_token)';
    return scan.secretTypes.includes(ev.secretType) ? `scan ${ev.id} still finds ${ev.secretType}` : null;
  }

  async close(p: Principal, incidentId: string, id: string, ev: FixEvidence): Promise<Remediation> {
    if (!canWrite(p)) throw new ForbiddenError(`this needs the role ${canWrite.description}`);
    await this.d.access.assertCanWrite(p, incidentId);
    const r = await this.d.repo.getRemediation(id);
    if (!r || r.incident_id !== incidentId) throw new NotFoundError('remediation item');
    if (r.status === 'closed') throw new HttpError(409, 'this remediation item is closed already');
    const why = await this.refusal(p, incidentId, ev);
    if (why) throw new BadInputError(`evidence: ${why}`);
    const at = this.now();
    const set = { status: 'closed', evidence_json: JSON.stringify(ev), action_id: ev.type === 'action' ? ev.id : r.action_id, closed_at: at, closed_by: p.username, updated_at: at };
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.updateRemediation(id, set);
      await this.d.audit.record({ actor: actorOf(p), action: 'remediation.closed', subjectType: 'remediation', subjectId: id, incidentId, before: { status: 'open' }, after: { status: 'closed', evidence: { type: ev.type, id: ev.id } } }, trx);
    });
    return toRemediation({ ...r, ...set });
  }
}
