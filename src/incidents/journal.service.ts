/** The incident journal: the timeline (audit trail merged with manual entries) and recorded decisions. */
import type { Principal } from '../platform/auth/roles.js';
import { decodeCursor, encodeCursor } from '../platform/cursor.js';
import { BadInputError } from '../platform/errors.js';
import { z } from 'zod';
import type {
  CreateDecisionInput,
  Decision,
  TimelineEntry } from './incidents.schema.js';
import { newId } from './incidents.repository.js';
import { auditToEntries, compareEntries, mergeTimeline } from './timeline.js';
import { type IncidentsStore, iso, type Page } from './incidents.store.js';

export class JournalService {
  constructor(private readonly s: IncidentsStore) {}

  /** Automatic (audit) and manual entries in event order. */
  async timeline(incidentId: string, filter: { kinds?: string[]; source?: 'audit' | 'manual' } = {}): Promise<TimelineEntry[]> {
    const events = [];
    let afterSeq: number | undefined;
    for (;;) {
      const batch = await this.s.audit.list({ incidentId, afterSeq, limit: 1000 });
      events.push(...batch);
      if (batch.length < 1000) break;
      afterSeq = batch[batch.length - 1]!.seq;
    }
    const manual: TimelineEntry[] = (await this.s.repo.listTimelineEntries(incidentId)).map((r) => ({
      id: r.id,
      source: 'manual',
      kind: r.kind,
      at: r.event_at,
      recordedAt: r.recorded_at,
      actor: r.actor_name,
      text: r.text,
      action: null,
    }));
    const audit = filter.source === 'manual' ? [] : auditToEntries(events);
    return mergeTimeline(audit, filter.source === 'audit' ? [] : manual, filter.kinds);
  }

  async timelinePage(incidentId: string, q: { cursor?: string; limit: number; kinds?: string[]; source?: 'audit' | 'manual' }): Promise<Page<TimelineEntry>> {
    const all = await this.timeline(incidentId, q);
    const after = decodeCursor(q.cursor, z.object({ at: z.string(), recordedAt: z.string(), id: z.string() }));
    const start = after ? all.findIndex((e) => compareEntries(e, { ...e, ...after }) > 0) : 0;
    const from = start < 0 ? all.length : start;
    const items = all.slice(from, from + q.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: from + q.limit < all.length && last ? encodeCursor({ at: last.at, recordedAt: last.recordedAt, id: last.id }) : null };
  }

  async addTimelineEntry(p: Principal, incidentId: string, input: { kind: string; at: string; text: string }): Promise<TimelineEntry> {
    const recordedAt = this.s.now().toISOString();
    const at = iso(input.at);
    if (at > recordedAt) throw new BadInputError('at: an event cannot be in the future');
    const id = newId();
    await this.s.trx(async (t) => {
      await this.s.repo.insertTimelineEntry(t, { id, incident_id: incidentId, kind: input.kind, event_at: at, recorded_at: recordedAt, text: input.text, actor_id: p.userId, actor_name: p.username });
      await this.s.record(t, p, { action: 'timeline.entry_added', subjectType: 'timeline_entry', subjectId: id, incidentId, after: { kind: input.kind, at } });
    });
    return { id, source: 'manual', kind: input.kind, at, recordedAt, actor: p.username, text: input.text, action: null };
  }

  // --- decisions ---------------------------------------------------------------------------

  async recordDecision(p: Principal, incidentId: string, input: CreateDecisionInput): Promise<Decision> {
    const now = this.s.now().toISOString();
    const id = newId();
    await this.s.trx(async (t) => {
      await this.s.repo.insertDecision(t, {
        id,
        incident_id: incidentId,
        kind: input.kind,
        value: input.value ?? null,
        what: input.what,
        why: input.why,
        decided_at: input.decidedAt ? iso(input.decidedAt) : now,
        decided_by_id: p.userId,
        decided_by_name: p.username,
        created_at: now,
      });
      await this.s.record(t, p, {
        action: 'decision.recorded',
        subjectType: 'decision',
        subjectId: id,
        incidentId,
        // `outcome`, not `value`: the audit redactor blanks keys ending in "value".
        after: { kind: input.kind, outcome: input.value ?? null, what: input.what },
      });
    });
    return (await this.s.repo.listDecisions(incidentId)).find((d) => d.id === id)!;
  }

  /** Every decision of an incident, oldest first (the obligations engine and post-mortem read these). */
  async listDecisions(incidentId: string): Promise<Decision[]> {
    return this.s.repo.listDecisions(incidentId);
  }

  async decisionsPage(incidentId: string, q: { cursor?: string; limit: number }): Promise<Page<Decision>> {
    const rows = await this.s.repo.listDecisions(incidentId, decodeCursor(q.cursor, z.string()), q.limit + 1);
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1]!.id) : null };
  }
}
