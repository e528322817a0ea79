import { describe, expect, it } from 'vitest';
import type { IncidentFact, ObligationFact } from './learn.ports.js';
import { incidentMetrics, quarterlyMetrics, quarterOf } from './metrics.js';
import { fromMinor, toMinor } from './money.js';

const incident: IncidentFact = {
  id: 'i1',
  title: 'Leak',
  summary: '',
  status: 'closed',
  severity: 'high',
  detectedAt: '2026-03-01T08:00:00Z',
  awareAt: '2026-03-01T12:00:00.000Z',
  containedAt: '2026-03-02T00:00:00.000Z',
  closedAt: '2026-03-11T12:00:00.000Z',
  planVersion: 1,
};
const ob = (o: Partial<ObligationFact>): ObligationFact => ({
  id: 'x',
  regime: 'GDPR',
  jurisdiction: 'DE',
  recipient: 'regulator',
  citation: 'GDPR Art. 33(1)',
  deadline: '2026-03-04T12:00:00Z',
  status: 'done',
  statusReason: null,
  metAt: null,
  ...o,
});

describe('metrics from the record', () => {
  it('judges each obligation against its own deadline and keeps the reason of a late one', () => {
    const m = incidentMetrics({
      incident,
      firstCompromiseAt: '2026-02-28T12:00:00Z',
      containedAt: incident.containedAt,
      obligations: [
        ob({ id: 'sa', metAt: '2026-03-04T11:59:00Z' }),
        ob({ id: 'ind', recipient: 'individuals', metAt: '2026-03-06T12:00:00Z', statusReason: 'addresses were recovered only on day 5' }),
        ob({ id: 'open', status: 'pending', deadline: '2026-12-31T00:00:00Z' }),
        ob({ id: 'over', status: 'pending', deadline: '2026-03-05T00:00:00Z', statusReason: 'awaiting counsel' }),
        ob({ id: 'nr', status: 'not_required', deadline: null, statusReason: 'encrypted, Art. 34(3)(a)' }),
      ],
      peopleNotified: { email: 3, postal: 1 },
      costs: [
        { amountMinor: toMinor('100.10'), currency: 'EUR', category: 'legal' },
        { amountMinor: toMinor(0.2), currency: 'EUR', category: 'legal' },
        { amountMinor: toMinor('5'), currency: 'USD', category: 'pr' },
      ],
      now: new Date('2026-06-01T00:00:00Z'),
    });
    expect([m.timeToDetectHours, m.timeToContainHours, m.timeToCloseHours]).toEqual([24, 12, 240]);
    expect(m.notify.map((n) => [n.obligationId, n.outcome, n.reason])).toEqual([
      ['sa', 'on_time', null],
      ['ind', 'late', 'addresses were recovered only on day 5'],
      ['open', 'open', null],
      ['over', 'overdue', 'awaiting counsel'],
      ['nr', 'not_required', 'encrypted, Art. 34(3)(a)'],
    ]);
    expect(m.notify[0]!.hours).toBe(71.98);
    expect(m.obligations).toEqual({ onTime: 1, late: 1, open: 1, overdue: 1, notRequired: 1 });
    expect(m.costs).toEqual({ total: { EUR: '100.30', USD: '5.00' }, byCategory: { legal: { EUR: '100.30' }, pr: { USD: '5.00' } } });
    expect(m.quarter).toBe('2026-Q1');
  });

  it('leaves a time out when its moments are unknown, and trends per quarter by median', () => {
    const base = { firstCompromiseAt: null, obligations: [], peopleNotified: {}, costs: [], now: new Date('2026-12-01T00:00:00Z') };
    const a = incidentMetrics({ ...base, incident, containedAt: '2026-03-01T14:00:00Z' });
    const b = incidentMetrics({ ...base, incident: { ...incident, id: 'i2', closedAt: null }, containedAt: '2026-03-01T18:00:00Z' });
    const c = incidentMetrics({ ...base, incident: { ...incident, id: 'i3', awareAt: '2026-07-01T00:00:00Z', closedAt: null }, containedAt: null, peopleNotified: { email: 7 } });
    expect(a.timeToDetectHours).toBeNull();
    expect(c.timeToContainHours).toBeNull();
    const q = quarterlyMetrics([c, a, b]);
    expect(q.map((x) => [x.quarter, x.incidents, x.medianTimeToContainHours, x.medianTimeToCloseHours, x.peopleNotified])).toEqual([
      ['2026-Q1', 2, 4, 240, 0],
      ['2026-Q3', 1, null, null, 7],
    ]);
    expect(quarterOf('2026-12-31T23:59:59Z')).toBe('2026-Q4');
  });

  it('keeps money exact in minor units and refuses amounts it cannot keep exactly', () => {
    expect(fromMinor(toMinor('0.1') + toMinor('0.2'))).toBe('0.30');
    expect(() => toMinor('1.234')).toThrow(/amount/);
    expect(() => toMinor('-5')).toThrow(/amount/);
  });
});
