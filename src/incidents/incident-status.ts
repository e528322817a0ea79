/**
 * The incident life cycle (pure). Forward moves follow the response steps; an incident may
 * skip a state (e.g. notify before containment is complete — GDPR Art. 33(1) does not wait
 * for containment). `dismissed` (a false alarm, with a reason) can be reopened; `closed` is final.
 */
import type { IncidentStatus } from './incidents.schema.js';

export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  suspected: ['confirmed', 'dismissed'],
  confirmed: ['contained', 'notifying', 'recovering', 'dismissed'],
  contained: ['notifying', 'recovering', 'closed'],
  notifying: ['contained', 'recovering', 'closed'],
  recovering: ['notifying', 'closed'],
  closed: [],
  dismissed: ['suspected'],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface TransitionEffects {
  containedAt?: string;
  closedAt?: string | null;
  dismissedReason?: string | null;
}

/**
 * What else changes with a status move: reaching `contained` (or skipping past it) stamps
 * containedAt once; `closed` and `dismissed` stamp closedAt; reopening clears them.
 */
export function transitionEffects(
  current: { status: IncidentStatus; containedAt: string | null },
  to: IncidentStatus,
  at: string,
  reason: string | null,
): TransitionEffects {
  const out: TransitionEffects = {};
  if (['contained', 'recovering', 'closed'].includes(to) && !current.containedAt) out.containedAt = at;
  if (to === 'closed' || to === 'dismissed') out.closedAt = at;
  if (to === 'dismissed') out.dismissedReason = reason;
  if (current.status === 'dismissed') {
    out.closedAt = null;
    out.dismissedReason = null;
  }
  return out;
}
