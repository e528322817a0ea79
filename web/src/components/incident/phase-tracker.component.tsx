/** The seven steps of the response as a progress tracker, from the tasks of each phase. */
import type { Task } from '../../api/api.types.js';
import { phaseProgress } from './task-state.js';

export function PhaseTracker({ tasks }: { tasks: Task[] }) {
  const phases = phaseProgress(tasks);
  const current = phases.find((p) => p.state !== 'done')?.id;
  return (
    <nav aria-label="Response steps">
      <ol className="phases">
        {phases.map((p, i) => (
          <li key={p.id} className={`phase phase-${p.state}`} aria-current={p.id === current ? 'step' : undefined}>
            <span className="phase-num" aria-hidden="true">
              {p.state === 'done' ? '✓' : i + 1}
            </span>
            <span className="phase-label">
              <a href={`#tasks-${p.id}`}>{p.label}</a>
              <span className="phase-count">
                {p.total === 0 ? 'no tasks' : `${p.finished} of ${p.total} done`}
                <span className="visually-hidden">{p.state === 'done' ? ', complete' : p.state === 'active' ? ', in progress' : ', not started'}</span>
              </span>
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
