/** Who is waiting on whom: overdue and due-soon tasks across every incident I may see. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/http.client.js';
import type { Incident, ResponseOf } from '../api/api.types.js';
import { Countdown, useNow } from './countdown.component.js';
import { isOverdue } from './incident/task-state.js';
import { QueryState } from './query-state.component.js';

type DueTasks = ResponseOf<'/api/v1/tasks', 'get'>;

export function TasksDue({ incidents }: { incidents: Incident[] }) {
  const [mine, setMine] = useState(false);
  const now = useNow();
  const due = useQuery({
    queryKey: ['tasks-due', mine],
    queryFn: async (): Promise<DueTasks> => {
      const [overdue, soon] = await Promise.all(
        (['overdue', 'dueSoon'] as const).map((view) => api<DueTasks>('/api/v1/tasks', { query: { view, mine: mine ? 'true' : undefined, withinHours: 24, limit: 100 } })),
      );
      const seen = new Set<string>();
      const items = [...overdue!.items, ...soon!.items].filter((t) => !seen.has(t.id) && seen.add(t.id));
      items.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
      return { items, nextCursor: null };
    },
    refetchInterval: 60_000,
  });
  const title = new Map(incidents.map((i) => [i.id, i.title]));
  return (
    <section className="card" aria-labelledby="due-h">
      <div className="page-head">
        <h2 id="due-h">Overdue and due within 24 hours</h2>
        <label className="check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          Only tasks assigned to me
        </label>
      </div>
      <QueryState query={due} what="Due tasks">
        {(d) =>
          d.items.length === 0 ? (
            <p className="muted">Nothing overdue or due within 24 hours.</p>
          ) : (
            <ul className="tasks">
              {d.items.slice(0, 20).map((t) => {
                const late = isOverdue(t, now);
                return (
                  <li key={t.id} className={`task ${late ? 'task-overdue' : ''}`}>
                    <div className="task-main">
                      <span className="task-title">{t.title}</span>
                      <span className="task-meta">
                        <Link to={`/incidents/${encodeURIComponent(t.incidentId)}#tasks-${t.phase}`}>{title.get(t.incidentId) ?? 'incident'}</Link>
                        {' · '}
                        {late && <strong className="overdue-label">Overdue</strong>} <Countdown deadline={t.dueAt} label="due" />
                      </span>
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
