import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../platform/audit/audit.service.js';
import { csvField, toCsv } from './export-format.js';
import type { TimelineEntry } from './incidents.schema.js';
import { auditToEntries, mergeTimeline, timelineCsv, timelineMarkdown } from './timeline.js';

const ev = (seq: number, action: string, at: string, before: unknown = null, after: unknown = null): AuditEvent => ({
  seq,
  id: `e${seq}`,
  at,
  actor: { type: 'user', id: 'u1', name: 'alice' },
  action,
  subjectType: 'incident',
  subjectId: 'i1',
  incidentId: 'i1',
  before,
  after,
  hash: 'h',
});

const manual: TimelineEntry = { id: 'm1', source: 'manual', kind: 'attacker_activity', at: '2026-01-01T02:13:00.000Z', recordedAt: '2026-01-01T14:00:00.000Z', actor: 'bob', text: 'Attacker logged in', action: null };

describe('timeline', () => {
  it('turns audit events into readable change entries and skips the audit rows of manual entries', () => {
    const entries = auditToEntries([
      ev(1, 'incident.created', '2026-01-01T13:00:00.000Z', null, { title: 'Leak' }),
      ev(2, 'incident.status_changed', '2026-01-01T13:30:00.000Z', { status: 'suspected' }, { status: 'confirmed' }),
      ev(3, 'timeline.entry_added', '2026-01-01T14:00:00.000Z'),
      ev(4, 'decision.recorded', '2026-01-01T15:00:00.000Z', null, { kind: 'gdpr_risk', outcome: 'high', what: 'Risk high' }),
    ]);
    expect(entries.map((e) => [e.kind, e.text])).toEqual([
      ['change', 'Incident opened: Leak'],
      ['change', 'Status suspected → confirmed'],
      ['decision', 'Decision (gdpr_risk: high): Risk high'],
    ]);
  });

  it('merges by event time, not record time, and filters by kind', () => {
    const auto = auditToEntries([ev(1, 'incident.created', '2026-01-01T13:00:00.000Z', null, { title: 'Leak' })]);
    const merged = mergeTimeline(auto, [manual]);
    expect(merged.map((e) => e.id)).toEqual(['m1', 'audit-1']);
    expect(mergeTimeline(auto, [manual], ['change']).map((e) => e.id)).toEqual(['audit-1']);
  });

  it('writes RFC 4180 CSV with quoting and neutralises spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe('-5');
    expect(csvField(['a', 'b'])).toBe('a; b');
    expect(toCsv(['x', 'y'], [{ x: 1, y: null }])).toBe('x,y\r\n1,\r\n');
    const csv = timelineCsv([manual]);
    expect(csv.split('\r\n')[1]).toBe('2026-01-01T02:13:00.000Z,2026-01-01T14:00:00.000Z,attacker_activity,manual,bob,Attacker logged in,,m1');
  });

  it('writes a Markdown table, escaping pipes and line breaks, showing record time only when it differs', () => {
    const md = timelineMarkdown('Leak | big', [{ ...manual, text: 'a|b\nc' }]);
    expect(md).toContain('# Timeline: Leak | big');
    expect(md).toContain('| 2026-01-01T02:13:00.000Z | 2026-01-01T14:00:00.000Z | attacker_activity | bob | a\\|b<br>c |');
  });
});
