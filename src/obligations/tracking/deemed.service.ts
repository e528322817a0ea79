/**
 * Deemed compliance in tracking: a state duty whose answer carries `satisfiedBy` (engine/deemed.ts)
 * is met once the notice that discharges it is met — a HIPAA covered entity's state "notify
 * individuals" duty (RCW 19.255.010, 815 ILCS 530/50 …) once its HIPAA individual notice
 * (45 CFR §164.404) went out to that state's residents — and, where the clause makes them its
 * condition, once the state's other notices it names are met too (`alsoMet`: the Attorney General
 * notice of Conn. Gen. Stat. §36a-701b, the HHS copy to the AG of 815 ILCS 530/50). Until then the
 * duty stays owed and its countdown runs, with a note of which notice would discharge it.
 *
 * Only a clause with a tracked discharging obligation (`by`, the HIPAA notice) flips an item: a GLBA,
 * federal-regulator or own-policy notice is not a Breachdesk obligation, so those items stay owed
 * with the note and a person marks them done. A flip is audited and undone (audited too) when the
 * discharging notice is reopened or the facts change so the clause no longer applies; an item a
 * person reopened after it was met is not flipped again.
 */
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import type { Database } from '../../platform/db/schema.js';
import type { Transaction } from 'kysely';
import { isWithin } from '../jurisdictions.js';
import type { Obligation, SatisfiedBy } from '../obligations.schema.js';
import type { DeemedVia } from '../rule-notice.schema.js';
import type { TrackingRepository } from './tracking.repository.js';
import { type IncidentObligationsTable, type MetRecord, metOf } from './tracking.tables.js';

/** What the tracked item says about its deemed-compliance clause (API `deemedCompliance`, CLI, web). */
export interface DeemedTracking {
  /** met: the discharging notice (and the clause's other conditions) are met; pending: not yet. */
  state: 'met' | 'pending';
  via: DeemedVia;
  effect: 'deemed' | 'exempt';
  /** The rule id of the discharging notice (US.hipaa.individuals), null when it is not tracked here. */
  by: string | null;
  /** The provision, as the clause's basis names it first (e.g. "RCW 19.255.010 (HIPAA clause)"). */
  citation: string;
  condition: string;
  /** The state's other notices the clause makes its condition (`satisfiedBy.alsoMet`). */
  alsoMet: string[];
  /** Obligations still to be met before the clause holds (the discharging one first). */
  waitingFor: string[];
  /** One line for people: "Met by HIPAA notice (deemed compliance, RCW 19.255.010 (HIPAA clause))". */
  label: string;
}

const NOTICE: Record<DeemedVia, string> = { hipaa: 'HIPAA notice', glba: 'GLBA notice', federal_regulator: 'federal regulator’s notice', own_policy: 'own-policy notice' };

/**
 * The provision of a clause's basis: its text before the first ';' or ':' outside parentheses (the
 * source note or the quoted words follow), without ", as restated" — "RCW 19.255.010 (HIPAA clause)",
 * "A.R.S. §18-552 exemptions (HIPAA covered entities and business associates; GLBA Title V)".
 */
export const citationOf = (basis: string): string => {
  let depth = 0;
  let end = basis.length;
  for (let i = 0; i < basis.length; i++) {
    const ch = basis[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ';' || ch === ':')) {
      end = i;
      break;
    }
  }
  return basis.slice(0, end).replace(/, as restated$/, '').trim();
};

/**
 * Whether tracked row `r` is met for `jurisdiction`: done, or in progress with a notice that already
 * reached that jurisdiction's people (a HIPAA campaign to the WA residents meets WA's clause while
 * other states' residents are still owed).
 */
const metFor = (r: IncidentObligationsTable, jurisdiction: string): boolean => {
  if (r.status === 'done') return true;
  const m = metOf(r);
  if (r.status !== 'in_progress' || !m?.covered) return false;
  return m.covered.some((c) => isWithin(c, jurisdiction) || isWithin(jurisdiction, c)) && !(m.remaining ?? []).some((x) => isWithin(x, jurisdiction));
};

/**
 * The clause of `ob` that tracking follows, and whether it holds given the incident's tracked rows:
 * the first clause with a tracked discharging notice, else the first clause (a note only). Null when
 * the answer has no `satisfiedBy`.
 */
export function deemedState(ob: Obligation, rows: readonly IncidentObligationsTable[]): DeemedTracking | null {
  const clauses = ob.satisfiedBy ?? [];
  if (!clauses.length || ob.required === false) return null;
  const byRule = (id: string) => rows.filter((r) => r.rule_id === id);
  const views = clauses.map((c) => view(ob, c, byRule));
  return views.find((v) => v.state === 'met') ?? views.find((v) => v.by !== null) ?? views[0]!;
}

function view(ob: Obligation, c: SatisfiedBy, byRule: (id: string) => IncidentObligationsTable[]): DeemedTracking {
  const citation = citationOf(c.basis);
  const how = c.effect === 'exempt' ? `exempt: the law does not apply, ${citation}` : `deemed compliance, ${citation}`;
  const waitingFor: string[] = [];
  if (c.by === null || !byRule(c.by).some((r) => metFor(r, ob.jurisdiction))) waitingFor.push(c.by ?? NOTICE[c.via]);
  // A condition on another notice of the state holds when that notice is met or not required.
  for (const id of c.alsoMet ?? []) {
    const rs = byRule(id);
    if (rs.some((r) => r.required !== 'false' && r.status !== 'not_required' && !metFor(r, ob.jurisdiction))) waitingFor.push(id);
  }
  const state = waitingFor.length === 0 ? 'met' : 'pending';
  const label =
    state === 'met'
      ? `Met by ${NOTICE[c.via]} (${how})`
      : c.by === null
        ? c.effect === 'exempt'
          ? `The law does not apply if the condition holds (${citation}): ${c.condition} — not tracked here: if it holds, mark it not required with that reason`
          : `Would be met by the ${NOTICE[c.via]} (${how}) — not tracked here: mark it done when that notice went out under the condition`
        : `Still owed — would be met by the ${NOTICE[c.via]} ${c.by} (${how}) once ${waitingFor.join(' and ')} ${waitingFor.length > 1 ? 'are' : 'is'} met`;
  return { state, via: c.via, effect: c.effect, by: c.by, citation, condition: c.condition, alsoMet: c.alsoMet ?? [], waitingFor, label };
}

/** The moment the clause came to hold: the latest met time of its discharging notice and its condition notices. */
function metAt(d: DeemedTracking, jurisdiction: string, rows: readonly IncidentObligationsTable[]): { at: string; from: IncidentObligationsTable } {
  const at = (r: IncidentObligationsTable) => metOf(r)?.at ?? r.updated_at;
  const from = rows.find((r) => r.rule_id === d.by && metFor(r, jurisdiction))!;
  const times = rows.filter((r) => (r === from || d.alsoMet.includes(r.rule_id)) && metFor(r, jurisdiction)).map(at);
  return { at: times.sort().at(-1) ?? at(from), from };
}

/**
 * Brings the incident's deemed-compliance items in line with its other tracked items, inside the
 * caller's transaction: an owed item whose clause now holds is met (`done`, `met.deemed`); an item
 * met that way whose clause no longer holds is owed again. Each change is an audit event. Returns
 * how many items changed.
 */
export async function settleDeemed(repo: TrackingRepository, trx: Transaction<Database>, audit: AuditService, incidentId: string, actor: Actor, iso: string): Promise<number> {
  const rows = await repo.obligations(incidentId);
  let changed = 0;
  for (const r of rows) {
    const ob = JSON.parse(r.obligation_json) as Obligation;
    const d = deemedState(ob, rows);
    const met = metOf(r);
    if (d?.state === 'met' && d.by && met === null && (r.status === 'pending' || r.status === 'in_progress')) {
      const { at, from } = metAt(d, r.jurisdiction, rows);
      const source = metOf(from);
      const late = !!r.deadline && at > r.deadline;
      const record: MetRecord = {
        at,
        noticeId: source?.noticeId ?? `obligation:${from.id}`,
        channel: source?.channel ?? 'marked done by a person',
        reference: source?.reference ?? null,
        late,
        lateReason: null,
        deemed: { via: d.via, effect: d.effect, by: d.by, citation: d.citation, condition: d.condition, label: d.label },
      };
      const reason = `${d.label}${late ? ' — late' : ' — on time'}`;
      await repo.updateObligation(r.id, { status: 'done', status_reason: reason, met_json: JSON.stringify(record), updated_at: iso });
      await audit.record(
        { actor, action: 'obligation.met_by_deemed_compliance', subjectType: 'obligation', subjectId: r.id, incidentId, before: { status: r.status }, after: { ...record, rule: r.rule_id, jurisdiction: r.jurisdiction } },
        trx,
      );
      changed++;
    } else if (met?.deemed && r.status === 'done' && d?.state !== 'met') {
      const reason = d ? `deemed compliance no longer holds: ${d.label}` : 'deemed compliance no longer applies on the current facts';
      await repo.updateObligation(r.id, { status: 'pending', status_reason: reason, met_json: null, updated_at: iso });
      await audit.record(
        { actor, action: 'obligation.deemed_compliance_withdrawn', subjectType: 'obligation', subjectId: r.id, incidentId, before: { status: r.status, met }, after: { status: 'pending', reason, rule: r.rule_id, jurisdiction: r.jurisdiction } },
        trx,
      );
      changed++;
    }
  }
  return changed;
}
