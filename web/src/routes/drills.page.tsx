/**
 * Drills (src/learn/drills): start a practice incident from a shipped scenario, see the drills
 * with their injected events, and each one's score. Practice incidents are marked [DRILL] and are
 * kept out of the register and the metrics.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/http.client.js';
import { useSession } from '../auth/session.context.js';
import { formatDateTime } from '../components/format.js';
import { ErrorBox, QueryState } from '../components/query-state.component.js';

interface Scenario {
  name: string;
  title: string;
  summary: string;
  events: number;
}
interface Drill {
  id: string;
  incidentId: string;
  scenario: string;
  startedAt: string;
  events: Array<{ index: number; dueAt: string; injectedAt: string | null; text: string }>;
}
interface Score {
  score: number;
  missed: string[];
  events: { scheduled: number; injected: number };
}

function DrillScore({ id }: { id: string }) {
  const score = useQuery({ queryKey: ['drill', id, 'score'], queryFn: () => api<Score>(`/api/v1/drills/${encodeURIComponent(id)}/score`) });
  return (
    <QueryState query={score} what="Score">
      {(s) => (
        <p>
          Score {s.score}% · events injected {s.events.injected}/{s.events.scheduled}
          {s.missed.length > 0 && ` · missed: ${s.missed.join('; ')}`}
        </p>
      )}
    </QueryState>
  );
}

export function DrillsPage() {
  const { can } = useSession();
  const qc = useQueryClient();
  const scenarios = useQuery({ queryKey: ['drill-scenarios'], queryFn: () => api<{ items: Scenario[] }>('/api/v1/drill-scenarios') });
  const drills = useQuery({ queryKey: ['drills'], queryFn: () => api<{ items: Drill[] }>('/api/v1/drills') });
  const [scenario, setScenario] = useState('ransomware-exfiltration');
  const start = useMutation({
    mutationFn: () => api<Drill>('/api/v1/drills', { body: { scenario, speed: 1 } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['drills'] }),
  });
  return (
    <>
      <h1>Drills</h1>
      {can('lead') && (
        <form
          className="inline-form"
          aria-label="Start a drill"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <div className="field grow">
            <label htmlFor="drill-scenario">Scenario</label>
            <QueryState query={scenarios} what="Scenarios">
              {(s) => (
                <select id="drill-scenario" value={scenario} onChange={(e) => setScenario(e.target.value)}>
                  {s.items.map((x) => (
                    <option key={x.name} value={x.name}>
                      {x.title} ({x.events} events)
                    </option>
                  ))}
                </select>
              )}
            </QueryState>
          </div>
          <button type="submit" disabled={start.isPending}>
            Start drill
          </button>
          {start.isError && <ErrorBox error={start.error} />}
        </form>
      )}
      <QueryState query={drills} what="Drills">
        {(d) =>
          d.items.length === 0 ? (
            <p>No drills yet.</p>
          ) : (
            <ul className="drills">
              {d.items.map((x) => (
                <li key={x.id}>
                  <h2>
                    <Link to={`/incidents/${encodeURIComponent(x.incidentId)}`}>{x.scenario}</Link> — started {formatDateTime(x.startedAt)}
                  </h2>
                  <ol>
                    {x.events.map((e) => (
                      <li key={e.index}>
                        {e.injectedAt ? `injected ${formatDateTime(e.injectedAt)}` : `due ${formatDateTime(e.dueAt)}`}: {e.text}
                      </li>
                    ))}
                  </ol>
                  <DrillScore id={x.id} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
