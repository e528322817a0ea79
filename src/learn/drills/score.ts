/**
 * A drill's score (pure): each task and obligation against its deadline, each phase's time, and
 * what was missed. A task counts as done on time when it was done by its due time; tasks without a
 * due time count when done at all. The score is the share of items met, in percent.
 */
import type { ObligationFact, TaskFact } from '../learn.ports.js';

export interface DrillScore {
  score: number;
  items: Array<{ kind: 'task' | 'obligation'; title: string; due: string | null; doneAt: string | null; outcome: 'on_time' | 'late' | 'missed' | 'open' }>;
  phases: Array<{ phase: string; tasks: number; done: number; hoursToLastDone: number | null }>;
  missed: string[];
  events: { scheduled: number; injected: number };
}

export function scoreDrill(input: {
  startedAt: string;
  now: Date;
  tasks: Array<TaskFact & { doneAt: string | null }>;
  obligations: ObligationFact[];
  events: Array<{ injectedAt: string | null }>;
}): DrillScore {
  const judge = (due: string | null, doneAt: string | null): DrillScore['items'][number]['outcome'] => {
    if (doneAt) return !due || doneAt <= due ? 'on_time' : 'late';
    return due && Date.parse(due) < input.now.getTime() ? 'missed' : 'open';
  };
  const items: DrillScore['items'] = [
    ...input.tasks.filter((t) => t.status !== 'skipped').map((t) => ({ kind: 'task' as const, title: t.title, due: t.dueAt, doneAt: t.doneAt, outcome: judge(t.dueAt, t.doneAt) })),
    ...input.obligations
      .filter((o) => o.status !== 'not_required')
      .map((o) => ({ kind: 'obligation' as const, title: `${o.jurisdiction} ${o.recipient} (${o.citation})`, due: o.deadline, doneAt: o.metAt, outcome: judge(o.deadline, o.metAt) })),
  ];
  const phases = [...new Set(input.tasks.map((t) => t.phase))].map((phase) => {
    const ts = input.tasks.filter((t) => t.phase === phase);
    const done = ts.filter((t) => t.doneAt).map((t) => t.doneAt!).sort();
    const last = done[done.length - 1];
    return { phase, tasks: ts.length, done: done.length, hoursToLastDone: last ? Math.round(((Date.parse(last) - Date.parse(input.startedAt)) / 3_600_000) * 100) / 100 : null };
  });
  const met = items.filter((i) => i.outcome === 'on_time').length;
  return {
    score: items.length ? Math.round((met / items.length) * 100) : 0,
    items,
    phases,
    missed: items.filter((i) => i.outcome === 'missed' || i.outcome === 'late').map((i) => `${i.title}: ${i.outcome === 'late' ? `done late (${i.doneAt})` : `not done by ${i.due}`}`),
    events: { scheduled: input.events.length, injected: input.events.filter((e) => e.injectedAt).length },
  };
}
