/**
 * The triage queue: suspected incidents (alerts correlated by intake) and what a responder does
 * with them — acknowledge, dismiss with a reason, merge, split, link to an existing incident, or
 * confirm into a new incident with its awareness time. Every step is audited; once an incident
 * exists, the steps and the alerts are on its timeline.
 */
import type { AuditService } from '../platform/audit/audit.service.js';
import { actorOf } from '../platform/auth/accounts.service.js';
import { canUnmask, type Principal } from '../platform/auth/roles.js';
import type { Keyring } from '../platform/crypto/keyring.js';
import { BadInputError } from '../platform/errors.js';
import { ForbiddenError, HttpError, NotFoundError } from '../platform/http/problem.js';
import { newId } from '../platform/ids.js';
import type { IntakeAlertsTable, IntakeSuspectsTable } from './confirm.tables.js';
import type { IncidentsPort } from './incidents.port.js';
import { refreshSuspect } from './intake.service.js';
import { type IntakeRepository, LIVE_SUSPECT } from './intake.repository.js';
import { observablesOf } from './observable-kinds.js';
import { type AlertView, alertDetail, type SuspectView, toAlertView, toSuspectView } from './triage.views.js';

/** Awareness earlier than this before now needs a reason (clock skew of the form is not "earlier"). */
const AWARE_SLACK_MS = 5 * 60_000;

export interface ConfirmInput {
  title?: string;
  summary?: string;
  severity?: 'low' | 'medium' | 'high' | 'critical';
  awareAt?: string;
  awareAtReason?: string;
}

export class TriageService {
  constructor(
    private readonly repo: IntakeRepository,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly incidents: IncidentsPort,
    private readonly now: () => Date = () => new Date(),
    /** The attachments of outside reports behind these alerts (reports.service.ts). */
    private readonly reportAttachments: (alertIds: string[]) => Promise<Array<{ reference: string; name: string; bytes: Buffer; sha256: string }>> = async () => [],
  ) {}

  async list(q: { status?: string; cursor?: string; limit: number }): Promise<{ items: SuspectView[]; nextCursor: string | null }> {
    const statuses = q.status ? [q.status] : [...LIVE_SUSPECT];
    const rows = await this.repo.listSuspects({ statuses, before: q.cursor ?? null, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit).map(toSuspectView);
    return { items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
  }

  async get(id: string): Promise<SuspectView & { alerts: AlertView[] }> {
    const s = await this.repo.suspect(id);
    if (!s) throw new NotFoundError('suspected incident');
    const alerts = await this.repo.alertsOf(id);
    return { ...toSuspectView(s), alerts: alerts.map((a) => toAlertView(this.keyring, a)) };
  }

  async listAlerts(q: { status?: string; source?: string; kind?: string; cursor?: string; limit: number }): Promise<{ items: AlertView[]; nextCursor: string | null }> {
    const rows = await this.repo.listAlerts({ ...q, before: q.cursor ?? null, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit).map((r) => toAlertView(this.keyring, r));
    return { items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
  }

  /** One alert; unmasked (with its raw payload) only for legal and commanders, and audited. */
  async alert(p: Principal, id: string, unmask: boolean): Promise<AlertView> {
    const r = await this.repo.alert(id);
    if (!r) throw new NotFoundError('alert');
    if (unmask && !canUnmask(p)) throw new ForbiddenError('unmasking personal data needs the role legal or incident_commander');
    if (unmask) await this.audit.record({ actor: actorOf(p), action: 'intake.alert_unmasked', subjectType: 'intake_alert', subjectId: id });
    return toAlertView(this.keyring, r, { unmask, raw: unmask });
  }

  async acknowledge(p: Principal, id: string): Promise<SuspectView> {
    return this.step(p, id, 'suspect.acknowledged', ['open'], async (repo) => {
      await repo.updateSuspect(id, { status: 'acknowledged' });
      await repo.updateAlerts((await repo.alertsOf(id)).filter((a) => a.status === 'new').map((a) => a.id), { status: 'acknowledged' });
      return {};
    });
  }

  async dismiss(p: Principal, id: string, reason: string): Promise<SuspectView> {
    return this.step(p, id, 'suspect.dismissed', LIVE_SUSPECT, async (repo) => {
      await repo.updateSuspect(id, { status: 'dismissed', reason });
      await repo.updateAlerts((await repo.alertsOf(id)).map((a) => a.id), { status: 'dismissed', dismissed_reason: reason });
      return { reason };
    });
  }

  /** Folds other suspects into this one (their alerts move; they stay, marked merged, for the record). */
  async merge(p: Principal, id: string, from: string[]): Promise<SuspectView> {
    const others = [...new Set(from)].filter((x) => x !== id);
    if (!others.length) throw new BadInputError('from: name at least one other suspected incident');
    return this.step(p, id, 'suspect.merged', LIVE_SUSPECT, async (repo, at) => {
      for (const o of others) {
        const s = await repo.lockSuspect(o);
        if (!s) throw new NotFoundError(`suspected incident ${o}`);
        if (!(LIVE_SUSPECT as readonly string[]).includes(s.status)) throw new HttpError(409, `suspected incident ${o} is ${s.status}; only open or acknowledged ones merge`);
        await repo.moveAlerts(o, id);
        await repo.updateSuspect(o, { status: 'merged', merged_into: id, alert_count: 0, updated_at: at });
      }
      await refreshSuspect(repo, id, at);
      return { from: others };
    });
  }

  /** Moves some alerts of a suspect into a new suspect of their own. */
  async split(p: Principal, id: string, alertIds: string[]): Promise<{ from: SuspectView; to: SuspectView }> {
    const newSuspect = newId();
    const from = await this.step(p, id, 'suspect.split', LIVE_SUSPECT, async (repo, at) => {
      const alerts = await repo.alertsOf(id);
      const moving = alerts.filter((a) => alertIds.includes(a.id));
      if (moving.length !== new Set(alertIds).size) throw new BadInputError('alertIds: every alert must belong to this suspected incident');
      if (moving.length === alerts.length) throw new BadInputError('alertIds: leave at least one alert behind (or dismiss the whole suspected incident)');
      const first = moving[0]!;
      await repo.insertSuspects([{ ...blankSuspect(newSuspect, first.title, at), severity: first.severity }]);
      await repo.updateAlerts(
        moving.map((a) => a.id),
        { suspect_id: newSuspect },
      );
      await refreshSuspect(repo, newSuspect, at);
      await refreshSuspect(repo, id, at);
      return { to: newSuspect, alertIds: moving.map((a) => a.id) };
    });
    return { from, to: toSuspectView((await this.repo.suspect(newSuspect))!) };
  }

  /** Attaches the suspect's alerts and observables to an incident that exists already. */
  async link(p: Principal, id: string, incidentId: string): Promise<SuspectView> {
    await this.incidents.assertCanWrite(p, incidentId);
    const view = await this.step(
      p,
      id,
      'suspect.linked',
      LIVE_SUSPECT,
      async (repo) => {
        await repo.updateSuspect(id, { status: 'linked', incident_id: incidentId });
        await repo.updateAlerts((await repo.alertsOf(id)).map((a) => a.id), { status: 'linked', incident_id: incidentId });
        return { incidentId };
      },
      incidentId,
    );
    await this.carryOver(p, id, incidentId);
    return view;
  }

  /**
   * Confirms a suspect as a new incident. The awareness time defaults to now; an earlier one
   * (the organisation knew before it confirmed here) needs a reason, because it moves every
   * legal deadline back (GDPR Art. 33(1): 72 hours "after having become aware").
   */
  async confirm(p: Principal, id: string, input: ConfirmInput): Promise<{ suspect: SuspectView; incidentId: string; awareAt: string; observables: number; evidence: string[] }> {
    const s = await this.repo.suspect(id);
    if (!s) throw new NotFoundError('suspected incident');
    if (!(LIVE_SUSPECT as readonly string[]).includes(s.status)) throw new HttpError(409, `this suspected incident is ${s.status}; only open or acknowledged ones can be confirmed`);
    const now = this.now();
    const awareAt = input.awareAt ? new Date(input.awareAt).toISOString() : now.toISOString();
    if (Date.parse(awareAt) < now.getTime() - AWARE_SLACK_MS && !input.awareAtReason?.trim()) {
      throw new BadInputError('awareAtReason: an awareness time earlier than now moves every legal deadline back (GDPR Art. 33(1)); say why');
    }
    const alerts = await this.repo.alertsOf(id);
    const detectedAt = alerts.map((a) => a.first_seen).sort()[0];
    const incident = await this.incidents.create(p, {
      title: input.title ?? s.title,
      summary: input.summary ?? `Confirmed from ${alerts.length} correlated alert(s) (score ${s.score}).`,
      severity: input.severity ?? (s.severity === 'info' ? 'low' : (s.severity as 'low' | 'medium' | 'high' | 'critical')),
      awareAt,
      ...(detectedAt && detectedAt <= awareAt ? { detectedAt } : {}),
    });
    const view = await this.step(
      p,
      id,
      'suspect.confirmed',
      LIVE_SUSPECT,
      async (repo) => {
        await repo.updateSuspect(id, { status: 'confirmed', incident_id: incident.id });
        await repo.updateAlerts(
          alerts.map((a) => a.id),
          { status: 'confirmed', incident_id: incident.id },
        );
        return { incidentId: incident.id, awareAt: incident.awareAt, awareAtReason: input.awareAtReason ?? null, alerts: alerts.length };
      },
      incident.id,
    );
    if (input.awareAtReason) await this.incidents.addTimelineEntry(p, incident.id, { kind: 'note', at: incident.awareAt, text: `Awareness time set at confirmation: ${input.awareAtReason}` });
    const observables = await this.carryOver(p, id, incident.id);
    const evidence = await this.carryAttachments(p, alerts.map((a) => a.id), incident.id);
    return { suspect: view, incidentId: incident.id, awareAt: incident.awareAt, observables, evidence };
  }

  /**
   * Files that outside reporters attached become evidence of the new incident (issue 15 §3: they
   * were quarantined in the report): encrypted, with a custody ledger, never rendered. The hash
   * the report recorded on arrival is checked, so the evidence is the file as it was received.
   */
  private async carryAttachments(p: Principal, alertIds: string[], incidentId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const a of await this.reportAttachments(alertIds)) {
      const item = await this.incidents.addEvidence(p, incidentId, {
        name: a.name,
        description: `Attachment of outside report ${a.reference}, received quarantined (SHA-256 ${a.sha256}); not opened by Breachdesk.`,
        bytes: a.bytes,
      });
      if (item.sha256 !== a.sha256) throw new Error(`attachment of ${a.reference} does not match the hash recorded on arrival`);
      ids.push(item.id);
    }
    return ids;
  }

  /** Observables and the alert history onto the incident (each add is audited there). */
  private async carryOver(p: Principal, suspectId: string, incidentId: string): Promise<number> {
    const alerts = await this.repo.alertsOf(suspectId);
    let n = 0;
    const seen = new Set<string>();
    for (const a of alerts) {
      for (const o of observablesOf(alertDetail(this.keyring, a))) {
        const key = `${o.kind}\u0000${o.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await this.incidents.addObservable(p, incidentId, { ...o, note: `from alert ${a.id} (${a.source})` });
        n++;
      }
    }
    const history = await this.audit.list({ subjectType: 'intake_suspect', subjectId: suspectId });
    for (const e of history.filter((h) => !h.incidentId)) {
      await this.incidents.addTimelineEntry(p, incidentId, { kind: 'note', at: e.at, text: `Triage: ${e.action.replace('suspect.', '')} by ${e.actor.name ?? 'system'}` });
    }
    for (const a of alerts) await this.incidents.addTimelineEntry(p, incidentId, { kind: 'detection', at: minIso(a.first_seen, this.now().toISOString()), text: alertLine(a) });
    return n;
  }

  private async step(
    p: Principal,
    id: string,
    action: string,
    from: readonly string[],
    fn: (repo: IntakeRepository, at: string) => Promise<Record<string, unknown>>,
    incidentId?: string,
  ): Promise<SuspectView> {
    return this.repo.transaction(async (repo, t) => {
      const cur = await repo.lockSuspect(id);
      if (!cur) throw new NotFoundError('suspected incident');
      if (!from.includes(cur.status)) throw new HttpError(409, `this suspected incident is ${cur.status}; ${action.replace('suspect.', '')} needs it ${from.join(' or ')}`);
      const at = this.now().toISOString();
      const after = await fn(repo, at);
      await repo.updateSuspect(id, { updated_at: at });
      const next = (await repo.suspect(id))!;
      await this.audit.record({ actor: actorOf(p), action, subjectType: 'intake_suspect', subjectId: id, incidentId: incidentId ?? null, before: { status: cur.status }, after: { status: next.status, ...after } }, t);
      return toSuspectView(next);
    });
  }
}

function blankSuspect(id: string, title: string, at: string): IntakeSuspectsTable {
  return { id, title, score: 0, severity: 'info', status: 'open', reason: null, incident_id: null, merged_into: null, alert_count: 0, kinds: '[]', first_seen: at, last_seen: at, created_at: at, updated_at: at };
}

const minIso = (a: string, b: string) => (a < b ? a : b);

function alertLine(a: IntakeAlertsTable): string {
  return `Alert from ${a.source} (${a.kind}, ${a.severity}${a.count > 1 ? `, seen ${a.count}×` : ''}): ${a.title}`;
}
