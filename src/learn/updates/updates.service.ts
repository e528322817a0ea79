/**
 * Stakeholder updates: the draft of a status update for an audience, composed from the incident's
 * current state (read through the learn ports). Scheduling, approval and delivery through the
 * notices' outbox are not built yet (docs/learn.md).
 */
import type { Principal } from '../../platform/auth/roles.js';
import type { LearnPorts } from '../learn.ports.js';
import type { LearnService } from '../learn.service.js';
import { type Audience, type ComposedUpdate, composeUpdate, toEmailText, toSlack, toTeams } from './compose.js';

export type UpdateFormat = 'email' | 'slack' | 'teams';

export class UpdatesService {
  constructor(private readonly d: { learn: LearnService; ports: LearnPorts }) {}

  async compose(p: Principal, incidentId: string, audience: Audience): Promise<ComposedUpdate> {
    const i = await this.d.learn.incident(p, incidentId);
    const { ports } = this.d;
    const [people, obligations, tasks] = await Promise.all([ports.notifications.peopleByJurisdiction(incidentId), ports.obligations.list(incidentId), ports.incidents.tasks(incidentId)]);
    const now = this.d.learn.now().toISOString();
    return composeUpdate(audience, {
      title: i.title,
      status: i.status,
      severity: i.severity,
      awareAt: i.awareAt,
      containedAt: i.containedAt,
      people: Object.values(people).reduce((a, b) => a + b, 0),
      jurisdictions: Object.keys(people).sort(),
      deadlines: obligations
        .filter((o) => !o.metAt && o.status !== 'not_required' && o.deadline)
        .sort((a, b) => a.deadline!.localeCompare(b.deadline!))
        .map((o) => ({ what: `${o.jurisdiction} ${o.recipient} (${o.citation})`, deadline: o.deadline! })),
      actions: tasks
        .filter((t) => t.status === 'in_progress' || (t.status === 'open' && t.dueAt && t.dueAt >= now))
        .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'))
        .map((t) => ({ title: t.title, dueAt: t.dueAt, status: t.status })),
      at: now,
    });
  }

  async preview(p: Principal, incidentId: string, audience: Audience, format: UpdateFormat): Promise<{ needsApproval: boolean; body: unknown }> {
    const u = await this.compose(p, incidentId, audience);
    const body = format === 'slack' ? toSlack(u) : format === 'teams' ? toTeams(u) : toEmailText(u);
    return { needsApproval: u.needsApproval, body };
  }
}
