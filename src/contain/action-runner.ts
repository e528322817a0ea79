/**
 * Execution of one action as a job (issue 16 §1). Crash-safe and idempotent: the job row is
 * persisted before anything runs, a dead process's lease runs out and the job is claimed again;
 * every state change is a conditional UPDATE (action already done → nothing to do), and the
 * connector's `apply` is idempotent, so a retry after a crash between the change on the peer and
 * the `done` row changes nothing more. `action.done` is thus recorded exactly once per action.
 */
import type { Actor } from '../platform/audit/audit.service.js';
import type { JobContext } from '../platform/jobs/job-queue.js';
import type { ActionsService } from './actions.service.js';
import { findOperation, TransientError } from './connector.js';

/** One peer call may take this long before the attempt counts as failed (and is retried). */
export const APPLY_TIMEOUT_MS = 30_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransientError(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export async function executeAction(svc: ActionsService, payload: { actionId: string; actor: Actor }, ctx: JobContext, timeoutMs = APPLY_TIMEOUT_MS): Promise<unknown> {
  const { repo } = svc.d;
  const r = await repo.getAction(payload.actionId);
  if (!r) return { skipped: 'no such action' };
  if (['done', 'verified', 'undone'].includes(r.state)) return { skipped: `already ${r.state}` };
  // A second job for an action another attempt is executing leaves it alone; the retry of the
  // same job (attempt > 1: its previous attempt died or failed) takes it over.
  if (r.state === 'executing' && ctx.attempt === 1) return { skipped: 'already executing' };
  if (r.state !== 'executing') {
    const moved = await svc.move(payload.actor, r, ['planned', 'approved', 'failed'], { state: 'executing', error: null, attempts: r.attempts + 1 }, 'action.executing');
    if (!moved) return { skipped: 'changed meanwhile' };
  } else {
    await repo.updateAction(r.id, { attempts: r.attempts + 1, updated_at: svc.now() });
  }
  const c = await svc.d.connectors.get(r.connector_id);
  const params = JSON.parse(r.params_json);
  const maxAttempts = svc.d.maxAttempts ?? 3;
  try {
    const result = await withTimeout(
      svc.withHandle(c, async (kind, h) => {
        const op = findOperation(kind, r.operation);
        let pre: unknown;
        if (r.pre_state_enc) pre = svc.loadPre(r);
        else {
          // Planning could not read the target (peer down, credential missing): capture now.
          pre = await op.capture(h, r.target, params);
          await repo.updateAction(r.id, {
            pre_state_enc: svc.savePre(r.id, pre),
            plan_json: JSON.stringify(op.plan(r.target, params, pre)),
            undo_preview: op.reversible ? op.describeUndo(r.target, params, pre) : 'nothing: this operation cannot be undone',
          });
        }
        return op.apply(h, r.target, params, pre, { label: `Breachdesk incident ${r.incident_id} action ${r.id}` });
      }),
      timeoutMs,
      `${c.name} ${r.operation} ${r.target}`,
    );
    await svc.move(payload.actor, r, ['executing'], { state: 'done', result, error: null }, 'action.done');
    return { result };
  } catch (e) {
    const err = e as Error & { permanent?: boolean };
    const message = err.message || String(e);
    if (err.permanent === false && ctx.attempt < maxAttempts) {
      await repo.updateAction(r.id, { error: `attempt ${ctx.attempt} of ${maxAttempts}: ${message}; retrying`, updated_at: svc.now() });
      throw e;
    }
    await svc.move(payload.actor, r, ['executing'], { state: 'failed', error: message }, 'action.failed', { failed: true });
    return { failed: message };
  }
}
