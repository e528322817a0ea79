/** Query keys and fetchers of one incident's workspace (src/incidents/*.routes.ts). */
import { api } from '../../api/http.client.js';
import type { Decision, EvidenceItem, Incident, Member, Page, Task, TimelineEntry } from '../../api/api.types.js';

export const incidentPath = (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`;

export const incidentQueries = {
  detail: (id: string) => ({ queryKey: ['incident', id], queryFn: () => api<Incident>(incidentPath(id)) }),
  tasks: (id: string) => ({ queryKey: ['incident', id, 'tasks'], queryFn: () => api<Page<Task>>(`${incidentPath(id)}/tasks`, { query: { limit: 500 } }) }),
  timeline: (id: string) => ({ queryKey: ['incident', id, 'timeline'], queryFn: () => api<Page<TimelineEntry>>(`${incidentPath(id)}/timeline`, { query: { limit: 1000 } }) }),
  members: (id: string) => ({ queryKey: ['incident', id, 'members'], queryFn: () => api<Page<Member>>(`${incidentPath(id)}/members`, { query: { limit: 500 } }) }),
  decisions: (id: string) => ({ queryKey: ['incident', id, 'decisions'], queryFn: () => api<Page<Decision>>(`${incidentPath(id)}/decisions`, { query: { limit: 500 } }) }),
  evidence: (id: string) => ({ queryKey: ['incident', id, 'evidence'], queryFn: () => api<Page<EvidenceItem>>(`${incidentPath(id)}/evidence`, { query: { limit: 500 } }) }),
};
