/**
 * Reports of an incident: gathers the record once (metrics, review, timeline, costs, experts,
 * people) and renders the chosen kind in the chosen format. Privileged material goes in only
 * when a user who may see it asks (`includePrivileged`); every report made is audited.
 */
import type { AuditService } from '../../platform/audit/audit.service.js';
import { actorOf } from '../../platform/auth/accounts.service.js';
import type { Principal } from '../../platform/auth/roles.js';
import { ForbiddenError } from '../../platform/http/problem.js';
import { renderReport } from '../../reports/render.js';
import { CONTENT_TYPES, type ReportFormat } from '../../reports/report.model.js';
import type { LearnPorts } from '../learn.ports.js';
import type { LearnService } from '../learn.service.js';
import type { ReviewService } from '../review.service.js';
import type { ReportData, ReportKind } from './report-data.js';
import { buildReport } from './report-kinds.js';

export class ReportService {
  constructor(private readonly d: { learn: LearnService; reviews: ReviewService; ports: LearnPorts; audit: AuditService }) {}

  async data(p: Principal, incidentId: string, includePrivileged: boolean): Promise<ReportData> {
    const { ports } = this.d;
    const incident = await this.d.learn.incident(p, incidentId);
    if (includePrivileged && !(await ports.access.canSeePrivileged(p, incidentId))) {
      throw new ForbiddenError('includePrivileged: only legal (or the incident’s legal counsel/DPO) may put privileged material in a report');
    }
    const [metrics, review, costs, experts, people, all] = await Promise.all([
      this.d.learn.metrics(p, incidentId),
      this.d.reviews.get(p, incidentId, { withPrivileged: includePrivileged }),
      this.d.learn.listCosts(p, incidentId),
      ports.experts.engaged(p, incidentId),
      ports.notifications.peopleByJurisdiction(incidentId),
      ports.incidents.timeline(incidentId),
    ]);
    const chosen = new Set(review.timelineIds);
    const timeline = chosen.size ? all.filter((e) => chosen.has(e.id)) : all.filter((e) => e.kind !== 'change');
    return { incident, metrics, review, timeline, costs, experts, peopleByJurisdiction: people, privileged: includePrivileged, generatedAt: this.d.learn.now().toISOString() };
  }

  async render(p: Principal, incidentId: string, kind: ReportKind, format: ReportFormat, includePrivileged = false): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const data = await this.data(p, incidentId, includePrivileged);
    const body = await renderReport(buildReport(kind, data), format);
    await this.d.audit.record({ actor: actorOf(p), action: 'report.generated', subjectType: 'report', subjectId: `${incidentId}:${kind}`, incidentId, after: { kind, format, privileged: includePrivileged } });
    return { body, contentType: CONTENT_TYPES[format], filename: `${kind}-${incidentId.slice(0, 8)}.${format}` };
  }
}
