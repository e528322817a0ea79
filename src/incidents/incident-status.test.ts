import { describe, expect, it } from 'vitest';
import { canTransition, TRANSITIONS, transitionEffects } from './incident-status.js';
import { INCIDENT_STATUSES } from './incidents.schema.js';

describe('incident life cycle', () => {
  it('walks the main path suspected → confirmed → contained → notifying → recovering → closed', () => {
    const path = ['suspected', 'confirmed', 'contained', 'notifying', 'recovering', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).toBe(true);
  });

  it('closed is final; dismissed can only be reopened as suspected; no status moves to itself', () => {
    expect(TRANSITIONS.closed).toEqual([]);
    expect(TRANSITIONS.dismissed).toEqual(['suspected']);
    for (const s of INCIDENT_STATUSES) expect(canTransition(s, s)).toBe(false);
    expect(canTransition('suspected', 'closed')).toBe(false);
  });

  it('stamps containedAt once, closedAt on close/dismiss, and clears them on reopening', () => {
    expect(transitionEffects({ status: 'confirmed', containedAt: null }, 'contained', 'T1', null)).toEqual({ containedAt: 'T1' });
    expect(transitionEffects({ status: 'notifying', containedAt: 'T0' }, 'closed', 'T2', null)).toEqual({ closedAt: 'T2' });
    expect(transitionEffects({ status: 'confirmed', containedAt: null }, 'recovering', 'T3', null)).toEqual({ containedAt: 'T3' });
    expect(transitionEffects({ status: 'suspected', containedAt: null }, 'dismissed', 'T4', 'test data')).toEqual({ closedAt: 'T4', dismissedReason: 'test data' });
    expect(transitionEffects({ status: 'dismissed', containedAt: null }, 'suspected', 'T5', null)).toEqual({ closedAt: null, dismissedReason: null });
  });
});
