/**
 * Correlation of a batch of new alerts into suspected incidents (pure). An alert joins the
 * best-scored live suspect that saw one of its entities within its source's window on either
 * side of its event time (alerts arrive late and out of order); else it opens a suspect of its
 * own. Alerts of one batch see each other in order, exactly as if stored one at a time, so the
 * store can read the candidates once per batch and write the outcome in a few statements.
 */
import { scoreOf, worse } from './dedup.js';
import type { Severity } from './normalise/alert.js';

export interface SuspectState {
  id: string;
  title: string;
  score: number;
  severity: Severity;
  alertCount: number;
  kinds: string[];
  firstSeen: string;
  lastSeen: string;
  /** Opened by this batch (inserted), else updated. */
  isNew: boolean;
}

/** The time range in which a suspect saw an entity (its blind-index lookup). */
export interface EntityWindow {
  lookup: string;
  suspectId: string;
  first: string;
  last: string;
}

export interface AlertToCorrelate {
  lookups: string[];
  kind: string;
  severity: Severity;
  title: string;
  /** ISO 8601 UTC, as stored. */
  observedAt: string;
  windowS: number;
}

export interface Correlation {
  /** The suspect of each alert, in input order. */
  suspectOf: string[];
  /** Suspects opened or changed by the batch. */
  suspects: SuspectState[];
  /** Entity windows opened or widened by the batch. */
  windows: EntityWindow[];
}

/**
 * `known` holds the live suspects the candidate windows point to and those windows; `newId`
 * names a suspect the batch opens.
 */
export function correlate(alerts: AlertToCorrelate[], known: { suspects: SuspectState[]; windows: EntityWindow[] }, newId: () => string): Correlation {
  const suspects = new Map(known.suspects.map((s) => [s.id, { ...s }]));
  const byLookup = new Map<string, Map<string, EntityWindow>>();
  const note = (w: EntityWindow): EntityWindow => {
    const m = byLookup.get(w.lookup) ?? new Map<string, EntityWindow>();
    byLookup.set(w.lookup, m);
    m.set(w.suspectId, w);
    return w;
  };
  for (const w of known.windows) if (suspects.has(w.suspectId)) note({ ...w });
  const changedSuspects = new Set<string>();
  const changedWindows = new Map<string, EntityWindow>();
  const suspectOf: string[] = [];

  for (const a of alerts) {
    const t = Date.parse(a.observedAt);
    const from = new Date(t - a.windowS * 1000).toISOString();
    const to = new Date(t + a.windowS * 1000).toISOString();
    let best: SuspectState | undefined;
    for (const lookup of a.lookups) {
      for (const w of byLookup.get(lookup)?.values() ?? []) {
        if (w.last < from || w.first > to) continue;
        const s = suspects.get(w.suspectId)!;
        if (!best || s.score > best.score || (s.score === best.score && s.id < best.id)) best = s;
      }
    }
    if (!best) {
      const id = newId();
      best = { id, title: a.title.slice(0, 300), score: scoreOf(a.severity, 1, [a.kind]).score, severity: a.severity, alertCount: 1, kinds: [a.kind], firstSeen: a.observedAt, lastSeen: a.observedAt, isNew: true };
      suspects.set(id, best);
    } else {
      // Running totals, not a re-read of the suspect's alerts: constant work per alert.
      const kinds = best.kinds.includes(a.kind) ? best.kinds : [...best.kinds, a.kind];
      const worst = worse(best.severity, a.severity);
      best.alertCount += 1;
      best.kinds = kinds;
      best.severity = worst;
      best.score = scoreOf(worst, best.alertCount, kinds).score;
      if (a.observedAt < best.firstSeen) best.firstSeen = a.observedAt;
      if (a.observedAt > best.lastSeen) best.lastSeen = a.observedAt;
    }
    changedSuspects.add(best.id);
    suspectOf.push(best.id);
    for (const lookup of a.lookups) {
      const w = byLookup.get(lookup)?.get(best.id) ?? note({ lookup, suspectId: best.id, first: a.observedAt, last: a.observedAt });
      if (a.observedAt < w.first) w.first = a.observedAt;
      if (a.observedAt > w.last) w.last = a.observedAt;
      changedWindows.set(`${lookup}\u0000${best.id}`, w);
    }
  }
  return { suspectOf, suspects: [...changedSuspects].map((id) => suspects.get(id)!), windows: [...changedWindows.values()] };
}
