/** Pure task state: overdue tasks and the progress of each of the seven response steps. */
import { PHASES, type Task } from '../../api/api.types.js';

export type PhaseState = 'done' | 'active' | 'todo';

/** Open or in-progress work past its due time; done and skipped tasks are never overdue. */
export function isOverdue(t: Pick<Task, 'dueAt' | 'status'>, now: number): boolean {
  return !!t.dueAt && (t.status === 'open' || t.status === 'in_progress') && new Date(t.dueAt).getTime() < now;
}

/** A step is done when all its tasks are done or skipped, active once any task moved. */
export function phaseProgress(tasks: Pick<Task, 'phase' | 'status'>[]) {
  return PHASES.map((p) => {
    const mine = tasks.filter((t) => t.phase === p.id);
    const finished = mine.filter((t) => t.status === 'done' || t.status === 'skipped').length;
    const started = mine.some((t) => t.status !== 'open');
    const state: PhaseState = mine.length > 0 && finished === mine.length ? 'done' : started || finished > 0 ? 'active' : 'todo';
    return { ...p, total: mine.length, finished, state };
  });
}
