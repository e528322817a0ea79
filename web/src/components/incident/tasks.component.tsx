/** Tasks by phase: assign, start, complete; overdue ones stand out (text and colour). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/http.client.js';
import { type Member, PHASES, type Task } from '../../api/api.types.js';
import { Countdown, useNow } from '../countdown.component.js';
import { fromLocalInput, humanize } from '../format.js';
import { ErrorBox, QueryState } from '../query-state.component.js';
import { incidentPath, incidentQueries } from './incident-api.js';
import { isOverdue } from './task-state.js';

export function TasksSection({ incidentId, canWrite, members, focusTaskId }: { incidentId: string; canWrite: boolean; members: Member[]; focusTaskId?: string }) {
  const qc = useQueryClient();
  const tasks = useQuery(incidentQueries.tasks(incidentId));
  // Opened from a reminder's link (/incidents/:id/tasks/:taskId): bring that task into view.
  const focusLoaded = !!focusTaskId && !!tasks.data?.items.some((t) => t.id === focusTaskId);
  useEffect(() => {
    if (focusLoaded) document.getElementById(`task-${focusTaskId}`)?.scrollIntoView({ block: 'center' });
  }, [focusLoaded, focusTaskId]);
  const now = useNow();
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Record<string, unknown> }) => api<Task>(`${incidentPath(incidentId)}/tasks/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
  const [phase, setPhase] = useState('confirm');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const add = useMutation({
    mutationFn: () => api<Task>(`${incidentPath(incidentId)}/tasks`, { body: { phase, title: title.trim(), dueAt: due ? fromLocalInput(due) : undefined } }),
    onSuccess: () => {
      setTitle('');
      setDue('');
      qc.invalidateQueries({ queryKey: ['incident', incidentId] });
    },
  });
  const addTask = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const name = (userId: string | null) => members.find((m) => m.userId === userId)?.username ?? userId ?? 'nobody';

  return (
    <section aria-labelledby="tasks-h" className="card">
      <h2 id="tasks-h">Tasks</h2>
      {focusTaskId && tasks.isSuccess && !focusLoaded && <p className="muted">The linked task is no longer in this incident.</p>}
      {update.isError && <ErrorBox error={update.error} />}
      <QueryState query={tasks} what="Tasks">
        {(page) => {
          const overdue = page.items.filter((t) => isOverdue(t, now)).length;
          return (
            <>
              {overdue > 0 && (
                <p className="overdue-summary" role="status">
                  {overdue} overdue task{overdue > 1 ? 's' : ''}
                </p>
              )}
              {PHASES.map((p) => {
                const mine = page.items.filter((t) => t.phase === p.id);
                if (mine.length === 0) return null;
                return (
                  <div key={p.id} id={`tasks-${p.id}`} className="task-group">
                    <h3>{p.label}</h3>
                    <ul className="tasks">
                      {mine.map((t) => {
                        const late = isOverdue(t, now);
                        const done = t.status === 'done' || t.status === 'skipped';
                        return (
                          <li
                            key={t.id}
                            id={`task-${t.id}`}
                            aria-current={t.id === focusTaskId ? 'true' : undefined}
                            className={`task ${late ? 'task-overdue' : ''} ${done ? 'task-done' : ''} ${t.id === focusTaskId ? 'task-focus' : ''}`}
                          >
                            <div className="task-main">
                              <span className="task-title">{t.title}</span>
                              <span className="task-meta">
                                {humanize(t.status)}
                                {t.ownerRole ? ` · owner: ${humanize(t.ownerRole)}` : ''} · assigned to {name(t.assigneeId)}
                                {t.dueAt && !done && (
                                  <>
                                    {' · '}
                                    {late && <strong className="overdue-label">Overdue</strong>} <Countdown deadline={t.dueAt} label="due" />
                                  </>
                                )}
                              </span>
                            </div>
                            {canWrite && (
                              <div className="task-actions">
                                <label className="visually-hidden" htmlFor={`assign-${t.id}`}>
                                  Assign “{t.title}”
                                </label>
                                <select id={`assign-${t.id}`} value={t.assigneeId ?? ''} onChange={(e) => update.mutate({ id: t.id, patch: { assigneeId: e.target.value || null } })}>
                                  <option value="">Unassigned</option>
                                  {members.map((m) => (
                                    <option key={m.userId} value={m.userId}>
                                      {m.username ?? m.userId}
                                    </option>
                                  ))}
                                </select>
                                {!done && t.status === 'open' && (
                                  <button type="button" className="secondary small" onClick={() => update.mutate({ id: t.id, patch: { status: 'in_progress' } })} aria-label={`Start “${t.title}”`}>
                                    Start
                                  </button>
                                )}
                                {!done && (
                                  <button type="button" className="small" onClick={() => update.mutate({ id: t.id, patch: { status: 'done' } })} aria-label={`Complete “${t.title}”`}>
                                    Complete
                                  </button>
                                )}
                                {done && (
                                  <button type="button" className="secondary small" onClick={() => update.mutate({ id: t.id, patch: { status: 'open' } })} aria-label={`Reopen “${t.title}”`}>
                                    Reopen
                                  </button>
                                )}
                              </div>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                );
              })}
              {page.items.length === 0 && <p className="muted">No tasks yet.</p>}
            </>
          );
        }}
      </QueryState>
      {canWrite && (
        <form className="inline-form" onSubmit={addTask} aria-label="Add a task">
          <div className="field">
            <label htmlFor="task-phase">Step</label>
            <select id="task-phase" value={phase} onChange={(e) => setPhase(e.target.value)}>
              {PHASES.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor="task-title">Task</label>
            <input id="task-title" required value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="task-due">Due</label>
            <input id="task-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
          </div>
          <button type="submit" disabled={add.isPending}>
            Add task
          </button>
          {add.isError && <ErrorBox error={add.error} />}
        </form>
      )}
    </section>
  );
}
