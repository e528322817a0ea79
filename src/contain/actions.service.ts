/**
 * Containment actions (issue 16 §1): connector + operation + target, moving through
 * planned → approved → executing → done | failed → verified → undone. Planning captures the
 * pre-state (encrypted: it may hold session payloads or password verifiers) and the dry run;
 * running queues a job per action (action-runner.ts); verify reads the target back; undo
 * restores the saved pre-state. Every step is audited with the incident id (the timeline).
 * Steps over a selection report per target: one bad target never stops the rest.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import { canUnmask, canWrite, type Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { BadInputError } from '../platform/errors.js';
import { ForbiddenError, NotFoundError } from '../platform/http/problem.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { type ApprovalState, approvalRefusal, isApproved } from './approval.js';
import { type ApprovalPolicy, type ConnectorHandle, type ConnectorKind, effectiveApproval, findOperation, type Operation, PermanentError } from './connector.js';
import type { ConnectorsService } from './connectors.service.js';
import type { ContainRepository } from './contain.repository.js';
import type { FixEvidencePorts } from './remediation.service.js';
import type { Action, ActionState, PlanInput, Selection, StepResult } from './contain.schema.js';
import type { ContainActionsTable, ContainConnectorsTable } from './contain.tables.js';
import { maskTarget } from './masking.js';

export const EXECUTE_QUEUE = 'contain.execute';

/** The incident workspace's access rules, as a port (modules.ts passes the incidents feature's). */
export interface IncidentGate {
  assertCanRead(p: Principal, incidentId: string): Promise<void>;
  assertCanWrite(p: Principal, incidentId: string): Promise<void>;
}

export interface ActionsDeps {
  repo: ContainRepository;
  connectors: ConnectorsService;
  keyring: Keyring;
  audit: AuditService;
  jobs: JobQueue;
  access: IncidentGate;
  now?: () => Date;
  /** Attempts of an execution before the action is failed (transient errors retry). */
  maxAttempts?: number;
  /** What links are checked against: the incident's tasks, observables and scans (modules.ts passes the incidents and assessment features'). */
  links?: Pick<FixEvidencePorts, 'hasTask' | 'hasObservable' | 'scan'>;
}

const preContext = (id: string) => `contain-action:${id}`;

export function toAction(r: ContainActionsTable, c: Pick<ContainConnectorsTable, 'id' | 'name' | 'kind'>, shown: (r: ContainActionsTable) => string = (x) => x.target): Action {
  return {
    id: r.id,
    incidentId: r.incident_id,
    bulkId: r.bulk_id,
    connector: { id: c.id, name: c.name, kind: c.kind },
    operation: r.operation,
    target: shown(r),
    params: JSON.parse(r.params_json),
    state: r.state as ActionState,
    approval: r.approval as Action['approval'],
    reversible: r.reversible === 1,
    requestedBy: r.requested_by_name,
    approvals: (JSON.parse(r.approvals_json) as ApprovalState['approvals']).map(({ username, at }) => ({ username, at })),
    plan: JSON.parse(r.plan_json),
    undoPreview: r.undo_preview,
    result: r.result,
    verification: r.verification,
    error: r.error,
    links: JSON.parse(r.links_json),
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class ActionsService {
  constructor(readonly d: ActionsDeps) {}

  now(): string {
    return (this.d.now?.() ?? new Date()).toISOString();
  }

  private assertWriter(p: Principal): void {
    if (!canWrite(p)) throw new ForbiddenError(`this needs the role ${canWrite.description}`);
  }

  savePre(id: string, pre: unknown): string {
    return this.d.keyring.encrypt(JSON.stringify(pre), preContext(id));
  }

  loadPre(r: ContainActionsTable): unknown {
    if (!r.pre_state_enc) throw new PermanentError('no pre-state was captured for this action');
    return JSON.parse(this.d.keyring.decrypt(r.pre_state_enc, preContext(r.id)));
  }

  /** Opens the connector, runs fn, closes; errors stay errors (the caller records them). */
  async withHandle<T>(c: ContainConnectorsTable, fn: (kind: ConnectorKind, h: ConnectorHandle) => Promise<T>): Promise<T> {
    const { kind, handle } = await this.d.connectors.open(c);
    try {
      return await fn(kind, handle);
    } finally {
      await handle.close();
    }
  }

  /**
   * A target as `p` sees it: in full for those who may see personal data unmasked (they act on it),
   * masked for the others; a target that is itself a secret (a token) is masked for everyone.
   */
  shownTarget(p: Principal, connectors: ReadonlyArray<Pick<ContainConnectorsTable, 'id' | 'kind'>>): (r: ContainActionsTable) => string {
    const kindOf = new Map(connectors.map((c) => [c.id, c.kind]));
    return (r) => {
      let secret = false;
      try {
        secret = !!findOperation(this.d.connectors.kind(kindOf.get(r.connector_id) ?? ''), r.operation).secretTarget;
      } catch {}
      return secret || !canUnmask(p) ? maskTarget(r.target) : r.target;
    };
  }

  async plan(p: Principal, incidentId: string, input: PlanInput): Promise<{ bulkId: string; items: Action[] }> {
    this.assertWriter(p);
    await this.d.access.assertCanWrite(p, incidentId);
    const c = await this.d.connectors.get(input.connector);
    const kind = this.d.connectors.kind(c.kind);
    let op: Operation<ConnectorHandle>;
    try {
      op = findOperation(kind, input.operation);
    } catch (e) {
      throw new BadInputError(`operation: ${(e as Error).message}`);
    }
    const parsed = op.params.safeParse(input.params);
    if (!parsed.success) throw new BadInputError(`params.${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    const params = parsed.data as Record<string, unknown>;
    await this.assertLinks(incidentId, input.links);
    const targets = [...new Set(input.targets)];
    const bulkId = randomUUID();
    const at = this.now();
    const rows: ContainActionsTable[] = targets.map((target) => ({
      id: randomUUID(),
      incident_id: incidentId,
      bulk_id: bulkId,
      connector_id: c.id,
      operation: op.name,
      target,
      params_json: JSON.stringify(params),
      state: 'planned',
      approval: effectiveApproval(op, (JSON.parse(c.approvals_json) as Record<string, ApprovalPolicy>)[op.name]),
      reversible: op.reversible ? 1 : 0,
      requested_by_id: p.userId,
      requested_by_name: p.username,
      approvals_json: '[]',
      pre_state_enc: null,
      plan_json: '[]',
      undo_preview: null,
      result: null,
      verification: null,
      error: null,
      links_json: JSON.stringify(input.links),
      attempts: 0,
      created_at: at,
      updated_at: at,
    }));
    // Capture each target's pre-state and dry run; a failure is that target's error, the rest go on.
    try {
      await this.withHandle(c, async (_k, h) => {
        for (const r of rows) {
          try {
            const pre = await op.capture(h, r.target, params);
            r.pre_state_enc = this.savePre(r.id, pre);
            r.plan_json = JSON.stringify(op.plan(r.target, params, pre));
            r.undo_preview = op.reversible ? op.describeUndo(r.target, params, pre) : 'nothing: this operation cannot be undone';
          } catch (e) {
            r.state = 'failed';
            r.error = `plan: ${(e as Error).message}`;
          }
        }
      });
    } catch (e) {
      for (const r of rows) Object.assign(r, { state: 'failed', error: `plan: ${(e as Error).message}` });
    }
    await this.d.repo.transaction(async (repo, trx) => {
      await repo.insertActions(rows);
      for (const r of rows) {
        await this.d.audit.record(
          { actor: actorOf(p), action: 'action.planned', subjectType: 'action', subjectId: r.id, incidentId, after: { connector: c.name, operation: r.operation, target: maskTarget(r.target), state: r.state, failed: !!r.error } },
          trx,
        );
      }
    });
    return { bulkId, items: rows.map((r) => toAction(r, c, this.shownTarget(p, [c]))) };
  }

  /**
   * Links must name the incident's own task, observable, scan finding (`<scanId>/<secretType>`, a
   * type that scan found once it is done) or remediation item: a link is shown on the board as
   * part of the incident, so one to another incident's record would cross the membership wall.
   */
  private async assertLinks(incidentId: string, links: PlanInput['links']): Promise<void> {
    const k = this.d.links;
    for (const l of links) {
      if (l.type === 'task' && k && !(await k.hasTask(incidentId, l.id))) throw new BadInputError(`links: this incident has no task ${l.id}`);
      if (l.type === 'observable' && k && !(await k.hasObservable(incidentId, l.id))) throw new BadInputError(`links: this incident has no observable ${l.id}`);
      if (l.type === 'finding' && k) {
        const slash = l.id.indexOf('/');
        const scan = slash > 0 ? await k.scan(incidentId, l.id.slice(0, slash)) : null;
        const type = l.id.slice(slash + 1);
        if (!scan || (scan.status === 'done' && !scan.secretTypes.includes(type))) throw new BadInputError(`links: this incident has no scan finding ${l.id} (expected <scanId>/<secretType> of one of its scans)`);
      }
      if (l.type === 'remediation' && (await this.d.repo.getRemediation(l.id))?.incident_id !== incidentId) throw new BadInputError(`links: this incident has no remediation item ${l.id}`);
    }
  }

  async list(p: Principal, incidentId: string, filter: { bulkId?: string } = {}): Promise<Action[]> {
    await this.d.access.assertCanRead(p, incidentId);
    const [rows, cs] = await Promise.all([this.d.repo.listActions({ incidentId, bulkId: filter.bulkId }), this.d.repo.listConnectors()]);
    const byId = new Map(cs.map((c) => [c.id, c]));
    const shown = this.shownTarget(p, cs);
    return rows.map((r) => toAction(r, byId.get(r.connector_id)!, shown));
  }

  /** The selected actions of the incident; an id that is not there is an error naming it. */
  private async select(incidentId: string, sel: Selection): Promise<ContainActionsTable[]> {
    const rows = await this.d.repo.listActions({ incidentId, bulkId: sel.bulkId, ids: sel.actionIds });
    if (sel.actionIds) {
      const found = new Set(rows.map((r) => r.id));
      const missing = sel.actionIds.filter((id) => !found.has(id));
      if (missing.length) throw new NotFoundError(`action ${missing[0]}`);
    }
    if (!rows.length) throw new NotFoundError('actions of that bulk');
    return rows;
  }

  private async step(
    p: Principal,
    incidentId: string,
    sel: Selection,
    fn: (r: ContainActionsTable) => Promise<{ ok: boolean; detail: string | null }>,
  ): Promise<StepResult> {
    this.assertWriter(p);
    await this.d.access.assertCanWrite(p, incidentId);
    const items: StepResult['items'] = [];
    const shown = this.shownTarget(p, await this.d.repo.listConnectors());
    for (const r of await this.select(incidentId, sel)) {
      let out: { ok: boolean; detail: string | null };
      try {
        out = await fn(r);
      } catch (e) {
        out = { ok: false, detail: (e as Error).message };
      }
      const now = await this.d.repo.getAction(r.id);
      items.push({ id: r.id, target: shown(r), ok: out.ok, state: (now?.state ?? r.state) as ActionState, detail: out.detail });
    }
    return { items };
  }

  /** Audit rows carry states and the masked target, never the texts naming the target (they stay sealed). */
  async record(actor: Actor, r: ContainActionsTable, action: string, after: Record<string, unknown>, trx?: Parameters<AuditService['record']>[1]): Promise<void> {
    await this.d.audit.record({ actor, action, subjectType: 'action', subjectId: r.id, incidentId: r.incident_id, before: { state: r.state }, after: { target: maskTarget(r.target), operation: r.operation, ...after } }, trx);
  }

  /** Moves `r` from its current state and audits it, in one transaction; false when someone else moved it first. */
  async move(actor: Actor, r: ContainActionsTable, from: readonly string[], set: Partial<ContainActionsTable>, action: string, after: Record<string, unknown> = {}): Promise<boolean> {
    return this.d.repo.transaction(async (repo, trx) => {
      const moved = await repo.transition(r.id, from, { ...set, updated_at: this.now() });
      if (moved) await this.record(actor, r, action, { state: set.state ?? r.state, ...after }, trx);
      return moved;
    });
  }

  approve(p: Principal, incidentId: string, sel: Selection): Promise<StepResult> {
    return this.step(p, incidentId, sel, async (r) => {
      if (r.state !== 'planned') return { ok: false, detail: `cannot approve an action that is ${r.state}` };
      const approvals = JSON.parse(r.approvals_json) as ApprovalState['approvals'];
      const refusal = approvalRefusal({ approval: r.approval as ApprovalState['approval'], requestedById: r.requested_by_id, approvals }, p);
      if (refusal) throw new ForbiddenError(refusal);
      approvals.push({ userId: p.userId, username: p.username, at: this.now() });
      const ok = await this.move(actorOf(p), r, ['planned'], { state: 'approved', approvals_json: JSON.stringify(approvals) }, 'action.approved', { approvedBy: p.username });
      return { ok, detail: ok ? null : 'changed meanwhile; try again' };
    });
  }

  /** Queues execution; the job (action-runner.ts) moves the action to executing and done or failed. */
  run(p: Principal, incidentId: string, sel: Selection): Promise<StepResult> {
    return this.step(p, incidentId, sel, async (r) => {
      if (['done', 'verified', 'undone'].includes(r.state)) return { ok: true, detail: `already ${r.state}: nothing to do` };
      const state = { approval: r.approval as ApprovalState['approval'], requestedById: r.requested_by_id, approvals: JSON.parse(r.approvals_json) };
      if (!isApproved(state)) return { ok: false, detail: `needs approval (${r.approval === 'two' ? 'by a second person' : 'by an incident commander'}) before it can run` };
      await this.d.jobs.send(EXECUTE_QUEUE, { actionId: r.id, actor: actorOf(p) }, { singletonKey: `${EXECUTE_QUEUE}:${r.id}`, maxAttempts: this.d.maxAttempts ?? 3 });
      await this.record(actorOf(p), r, 'action.run_requested', {});
      return { ok: true, detail: 'queued' };
    });
  }

  verify(p: Principal, incidentId: string, sel: Selection): Promise<StepResult> {
    return this.step(p, incidentId, sel, async (r) => {
      if (!['done', 'verified'].includes(r.state)) return { ok: false, detail: `cannot verify an action that is ${r.state}` };
      const c = await this.d.connectors.get(r.connector_id);
      const v = await this.withHandle(c, (kind, h) => findOperation(kind, r.operation).verify(h, r.target, JSON.parse(r.params_json), this.loadPre(r)));
      if (v.ok) await this.move(actorOf(p), r, ['done', 'verified'], { state: 'verified', verification: v.observed }, 'action.verified');
      else await this.d.repo.transaction(async (repo, trx) => {
        await repo.updateAction(r.id, { verification: `not as intended: ${v.observed}`, updated_at: this.now() });
        await this.record(actorOf(p), r, 'action.verify_failed', { failed: true }, trx);
      });
      return { ok: v.ok, detail: v.observed };
    });
  }

  undo(p: Principal, incidentId: string, sel: Selection): Promise<StepResult> {
    return this.step(p, incidentId, sel, async (r) => {
      if (!r.reversible) return { ok: false, detail: 'this operation cannot be undone' };
      if (!['done', 'verified', 'failed'].includes(r.state) || !r.pre_state_enc) return { ok: false, detail: `nothing to undo: the action is ${r.state}` };
      const c = await this.d.connectors.get(r.connector_id);
      await this.withHandle(c, (kind, h) => findOperation(kind, r.operation).undo(h, r.target, JSON.parse(r.params_json), this.loadPre(r)));
      const ok = await this.move(actorOf(p), r, ['done', 'verified', 'failed'], { state: 'undone' }, 'action.undone');
      return { ok, detail: r.undo_preview };
    });
  }
}
