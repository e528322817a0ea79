/** The breach register (GDPR Art. 33(5)): every incident with its facts, effects and remedial action. */
import { isAdmin, type Principal } from '../platform/auth/roles.js';
import type { Incident, RegisterEntry } from './incidents.schema.js';
import type { IncidentsStore } from './incidents.store.js';

export class RegisterService {
  constructor(private readonly s: IncidentsStore) {}

  /** Every incident the caller may see — notified or not, dismissed included — oldest first. */
  async register(p: Principal): Promise<RegisterEntry[]> {
    const incidents: Incident[] = [];
    let before: string | undefined;
    for (;;) {
      const batch = await this.s.repo.listIncidents({ memberId: isAdmin(p) ? null : p.userId, before, limit: 1000 });
      incidents.push(...batch);
      if (batch.length < 1000) break;
      before = batch[batch.length - 1]!.id;
    }
    incidents.reverse();
    // Drills are practice: kept out of the register (GDPR Art. 33(5) documents real breaches).
    const practice = await this.s.practiceIncidents(incidents.map((i) => i.id));
    if (practice.size) incidents.splice(0, incidents.length, ...incidents.filter((i) => !practice.has(i.id)));
    const [decisions, notifications] = await Promise.all([this.s.repo.decisionsFor(incidents.map((i) => i.id)), this.s.notifications(incidents.map((i) => i.id))]);
    return incidents.map((i) => {
      const mine = decisions.filter((d) => d.incidentId === i.id);
      const risk = mine.filter((d) => d.kind === 'gdpr_risk').pop();
      return {
        incidentId: i.id,
        title: i.title,
        status: i.status,
        severity: i.severity,
        categories: i.categories,
        detectedAt: i.detectedAt,
        awareAt: i.awareAt,
        containedAt: i.containedAt,
        closedAt: i.closedAt,
        breachStartedAt: i.breachStartedAt,
        breachEndedAt: i.breachEndedAt,
        facts: i.facts || i.summary,
        effects: i.effects,
        remedialAction: i.remedialAction,
        gdprRisk: risk?.value ?? null,
        notificationDecisions: mine
          .filter((d) => ['no_notice', 'notify_authority', 'notify_individuals'].includes(d.kind))
          .map((d) => `${d.decidedAt} ${d.kind}${d.value ? ` (${d.value})` : ''}: ${d.what} — ${d.why}`),
        notifications: notifications.get(i.id) ?? [],
      };
    });
  }
}
