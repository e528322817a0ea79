import { describe, expect, it } from 'vitest';
import { type AlertToCorrelate, correlate, type SuspectState } from './correlate.js';

const alert = (lookups: string[], observedAt: string, o: Partial<AlertToCorrelate> = {}): AlertToCorrelate => ({ lookups, observedAt, kind: 'generic', severity: 'low', title: 't', windowS: 3600, ...o });
const suspect = (id: string, score: number): SuspectState => ({ id, title: id, score, severity: 'medium', alertCount: 3, kinds: ['wazuh'], firstSeen: '2026-01-01T10:00:00.000Z', lastSeen: '2026-01-01T10:30:00.000Z', isNew: false });

describe('correlate (a batch, as if one alert at a time)', () => {
  it('alerts of one batch join each other: the second sees the suspect the first opened', () => {
    let n = 0;
    const c = correlate([alert(['h1'], '2026-01-01T10:00:00.000Z'), alert(['h1', 'u1'], '2026-01-01T10:20:00.000Z', { kind: 'falco', severity: 'high' }), alert(['u1'], '2026-01-01T10:40:00.000Z')], { suspects: [], windows: [] }, () => `new-${n++}`);
    expect(c.suspectOf).toEqual(['new-0', 'new-0', 'new-0']);
    expect(c.suspects).toEqual([expect.objectContaining({ id: 'new-0', alertCount: 3, kinds: ['generic', 'falco'], severity: 'high', firstSeen: '2026-01-01T10:00:00.000Z', lastSeen: '2026-01-01T10:40:00.000Z', isNew: true })]);
    // high (60) + 2 more alerts (8) + a second tool (10)
    expect(c.suspects[0]!.score).toBe(78);
    expect(c.windows.map((w) => `${w.lookup}:${w.first}-${w.last}`).sort()).toEqual(['h1:2026-01-01T10:00:00.000Z-2026-01-01T10:20:00.000Z', 'u1:2026-01-01T10:20:00.000Z-2026-01-01T10:40:00.000Z']);
  });

  it('picks the best-scored known suspect within the window, lowest id on a tie; outside the window opens a new one', () => {
    const windows = [
      { lookup: 'ip', suspectId: 'b', first: '2026-01-01T10:00:00.000Z', last: '2026-01-01T10:30:00.000Z' },
      { lookup: 'ip', suspectId: 'a', first: '2026-01-01T10:00:00.000Z', last: '2026-01-01T10:30:00.000Z' },
      { lookup: 'host', suspectId: 'c', first: '2026-01-01T10:00:00.000Z', last: '2026-01-01T10:30:00.000Z' },
    ];
    let n = 0;
    const c = correlate(
      [alert(['ip', 'host'], '2026-01-01T11:00:00.000Z'), alert(['ip'], '2026-01-01T12:31:00.000Z'), alert(['host'], '2026-01-01T09:00:00.000Z', { windowS: 60 })],
      { suspects: [suspect('b', 40), suspect('a', 40), suspect('c', 39)], windows },
      () => `fresh-${n++}`,
    );
    // a and b tie at 40 (a wins); 12:31 is more than an hour after a's window (now widened to 11:00) ends.
    expect(c.suspectOf).toEqual(['a', 'fresh-0', 'fresh-1']);
    expect(c.suspects.find((s) => s.id === 'a')).toMatchObject({ alertCount: 4, lastSeen: '2026-01-01T11:00:00.000Z', isNew: false });
    expect(c.suspects.find((s) => s.id === 'c')).toBeUndefined();
  });
});
