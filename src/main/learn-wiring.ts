/**
 * The learn feature's ports, filled from what exists today: the incident workspace (incident,
 * timeline, tasks, plan), the obligation tracker and the audit trail (when each duty was met),
 * the notices (people reached per channel) and the experts. Containment reads the contain
 * feature's verified actions from the audit trail; detection is read from the incident and its
 * timeline until a detection feature fills DetectionFacts.
 */
import { Readable } from 'node:stream';
import type { createExpertsModule } from '../incidents/experts/experts.module.js';
import type { createIncidentsModule } from '../incidents/incidents.module.js';
import type { Category, Incident, Phase, Severity } from '../incidents/incidents.schema.js';
import type { createEvidenceModule } from '../incidents/evidence/evidence.module.js';
import { incidentRoleOf } from '../incidents/incident-access.js';
import { parsePlan } from '../incidents/response-plan.js';
import { maskEmail } from '../notices/people-mapping.js';
import { DRILL_INJECTOR } from '../learn/drills/drill.service.js';
import type { IncidentFact, LearnPorts } from '../learn/learn.ports.js';
import type { createNoticesModule } from '../notices/notices.module.js';
import type { ObligationTrackingService } from '../obligations/tracking/tracking.service.js';
import type { Platform } from '../platform/platform.js';

function fact(i: Incident): IncidentFact {
  return {
    id: i.id,
    title: i.title,
    summary: i.summary,
    status: i.status,
    severity: i.severity,
    detectedAt: i.detectedAt,
    awareAt: i.awareAt,
    containedAt: i.containedAt,
    closedAt: i.closedAt,
    planVersion: i.planVersion,
  };
}

export function learnPorts(
  platform: Platform,
  m: {
    incidents: ReturnType<typeof createIncidentsModule>;
    notices: ReturnType<typeof createNoticesModule>;
    evidence: ReturnType<typeof createEvidenceModule>;
    experts: ReturnType<typeof createExpertsModule>;
    tracking: ObligationTrackingService;
  },
): LearnPorts {
  const svc = m.incidents.service;
  const get = async (id: string) => {
    try {
      return fact(await svc.get(id));
    } catch {
      return null;
    }
  };
  const timeline = async (id: string) => (await svc.timeline(id)).map((e) => ({ id: e.id, kind: e.kind, at: e.at, actor: e.actor, text: e.text, action: e.action }));
  return {
    access: { ...m.incidents.access, incidentRole: (p, incidentId) => incidentRoleOf(platform.store.db as never, p, incidentId) },
    outbox: {
      enqueue: (streamId, recipients) => m.notices.service.messages.enqueue(streamId, 1, recipients),
      deliver: (streamId, render, signal) => m.notices.service.messages.deliver(streamId, render, { signal, header: 'X-Breachdesk-Update' }),
      status: (streamId) => m.notices.service.messages.status(streamId),
    },
    maskEmail: (e) => maskEmail(e) ?? '',
    // Events that trigger stakeholder updates, read from the audit trail: the incident confirmed
    // or contained (status changes), people or authorities notified (a notice sent or submitted).
    onIncidentEvent: (listener) =>
      platform.audit.onEvent((e) => {
        if (!e.incidentId) return;
        const status = (e.after as { status?: string } | null)?.status;
        const event = e.action === 'incident.status_changed' && (status === 'confirmed' || status === 'contained') ? status : e.action === 'notice.sent' || e.action === 'notice.submitted' ? 'notified' : null;
        if (event) listener({ incidentId: e.incidentId, event, ref: e.id });
      }),
    incidents: {
      get,
      list: async (p) => {
        const out: IncidentFact[] = [];
        let cursor: string | undefined;
        do {
          const page = await svc.list(p, { cursor, limit: 500 });
          out.push(...page.items.map(fact));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return out;
      },
      timeline,
      tasks: async (id) => {
        const [page, events] = await Promise.all([svc.listTasks(id, { limit: 500, view: 'all', withinHours: 24 }), platform.audit.list({ incidentId: id, subjectType: 'task', limit: 100_000 })]);
        // When a task was done is the audit event that marked it done (the last one wins).
        const doneAt = new Map<string, string | null>();
        for (const e of events) if (e.action === 'task.updated' && e.subjectId) doneAt.set(e.subjectId, (e.after as { status?: string } | null)?.status === 'done' ? e.at : null);
        return page.items.map((t) => ({ id: t.id, phase: t.phase, title: t.title, status: t.status, dueAt: t.dueAt, assigneeId: t.assigneeId, doneAt: t.status === 'done' ? (doneAt.get(t.id) ?? t.updatedAt) : null }));
      },
      createTask: async (p, incidentId, input) => {
        const t = await svc.createTask(p, incidentId, { ...input, phase: (input.phase ?? 'learn') as Phase });
        return { id: t.id, phase: t.phase, title: t.title, status: t.status, dueAt: t.dueAt, assigneeId: t.assigneeId, doneAt: null };
      },
      create: async (p, input) => fact(await svc.create(p, { ...input, severity: input.severity as Severity, categories: input.categories as Category[] })),
      injectEvent: async (incidentId, input) => {
        await svc.addTimelineEntry(DRILL_INJECTOR, incidentId, input);
      },
    },
    obligations: {
      // The moment a duty was met is the audit event that marked it done (the last one wins).
      list: async (incidentId) => {
        const [list, events] = await Promise.all([m.tracking.list(incidentId), platform.audit.list({ incidentId, subjectType: 'obligation', limit: 100_000 })]);
        const metAt = new Map<string, string | null>();
        for (const e of events) {
          if (e.action !== 'obligation.status_changed' || !e.subjectId) continue;
          metAt.set(e.subjectId, (e.after as { status?: string } | null)?.status === 'done' ? e.at : null);
        }
        return list.items
          .filter((o) => o.owed || o.status === 'done' || o.status === 'not_required')
          .map((o) => ({
            id: o.itemId,
            regime: o.regime,
            jurisdiction: o.jurisdiction,
            recipient: o.recipient,
            citation: o.citation,
            deadline: o.deadline,
            status: o.status,
            statusReason: o.statusReason,
            metAt: o.status === 'done' ? (metAt.get(o.itemId) ?? o.updatedAt) : null,
          }));
      },
    },
    notifications: {
      reachedByChannel: async (p, incidentId) => {
        const t = await m.notices.service.tracking(p, incidentId);
        const out: Record<string, number> = {};
        // A notice serving several rules is listed once per rule: count each notice once.
        const seen = new Set<string>();
        for (const o of t.obligations) {
          if (seen.has(o.noticeId)) continue;
          seen.add(o.noticeId);
          for (const [channel, r] of Object.entries(o.reached)) out[channel] = (out[channel] ?? 0) + r.count;
        }
        return out;
      },
      peopleByJurisdiction: (incidentId) => m.notices.service.countsByJurisdiction(incidentId),
    },
    containment: {
      // Time to contain ends at the last containment action verified (contain feature: audit
      // events `action.verified`); without any, the incident's containedAt, then the last
      // timeline entry of kind `containment`.
      containment: async (incidentId) => {
        const [i, entries, events] = await Promise.all([get(incidentId), timeline(incidentId), platform.audit.list({ incidentId, subjectType: 'action', limit: 100_000 })]);
        const verified = events
          .filter((e) => e.action === 'action.verified')
          .map((e) => {
            const a = (e.after ?? {}) as { operation?: string; target?: string };
            return { at: e.at, text: `${a.operation ?? 'action'} ${a.target ?? ''}`.trim(), verified: true };
          });
        const manual = entries.filter((e) => e.kind === 'containment').map((e) => ({ at: e.at, text: e.text, verified: false }));
        const containedAt = verified[verified.length - 1]?.at ?? i?.containedAt ?? manual[manual.length - 1]?.at ?? null;
        return { containedAt, actions: [...verified, ...manual].sort((a, b) => a.at.localeCompare(b.at)) };
      },
    },
    detection: {
      firstCompromiseAt: async (incidentId) => {
        const [i, entries] = await Promise.all([get(incidentId), timeline(incidentId)]);
        const first = entries.filter((e) => e.kind === 'attacker_activity' || e.kind === 'detection').map((e) => e.at);
        return [i?.detectedAt, ...first].filter((x): x is string => !!x).sort()[0] ?? null;
      },
    },
    experts: {
      engaged: async (p, incidentId) =>
        (await m.experts.service.engagements(p, incidentId)).map((e) => ({ name: e.expert.name, kind: e.expert.kind, role: e.role, policyNumber: e.expert.policyNumber, engagedAt: e.engagedAt })),
    },
    evidence: {
      add: async (p, incidentId, name, data) => {
        const item = await m.evidence.service.upload(p, incidentId, { stream: Readable.from([data]), name, mediaType: 'text/csv', description: 'synthetic leak generated for a drill', declaredSize: data.length });
        return { id: item.id };
      },
    },
    plan: {
      current: () => svc.currentPlan(),
      version: (v) => svc.planVersion(v),
      save: (p, yaml) => svc.savePlan(p, yaml),
      check: (yaml) => void parsePlan(yaml, 'yaml'),
    },
  };
}
