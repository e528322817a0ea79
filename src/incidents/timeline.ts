/**
 * The incident timeline (pure): automatic entries derived from the audit trail, merged with
 * manual entries whose event time differs from the time they were recorded, in event order.
 */
import type { AuditEvent } from '../platform/audit/audit.service.js';
import { mdCell, toCsv } from './export-format.js';
import type { TimelineEntry } from './incidents.schema.js';

const TIMELINE_ACTION = 'timeline.entry_added';

function pick(v: unknown, key: string): unknown {
  return v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
}

/** One readable line per audited change. */
export function describeEvent(e: AuditEvent): string {
  switch (e.action) {
    case 'incident.created':
      return `Incident opened: ${String(pick(e.after, 'title') ?? '')}`;
    case 'incident.status_changed':
      return `Status ${String(pick(e.before, 'status'))} → ${String(pick(e.after, 'status'))}${pick(e.after, 'reason') ? ` (${String(pick(e.after, 'reason'))})` : ''}`;
    case 'incident.aware_at_changed':
      return `Awareness time moved from ${String(pick(e.before, 'awareAt'))} to ${String(pick(e.after, 'awareAt'))}: ${String(pick(e.after, 'reason') ?? '')}`;
    case 'incident.updated':
      return `Incident updated: ${Object.keys((e.after as object) ?? {}).join(', ')}`;
    case 'task.updated':
      return `Task "${String(pick(e.after, 'title') ?? pick(e.before, 'title') ?? e.subjectId)}" updated${pick(e.after, 'status') ? ` (status ${String(pick(e.after, 'status'))})` : ''}`;
    case 'task.created':
      return `Task added: ${String(pick(e.after, 'title') ?? '')}`;
    case 'member.added':
      return `${String(pick(e.after, 'username') ?? pick(e.after, 'userId'))} joined as ${String(pick(e.after, 'role'))}`;
    case 'member.removed':
      return `${String(pick(e.before, 'username') ?? pick(e.before, 'userId'))} left the incident`;
    case 'decision.recorded':
      return `Decision (${String(pick(e.after, 'kind'))}${pick(e.after, 'outcome') ? `: ${String(pick(e.after, 'outcome'))}` : ''}): ${String(pick(e.after, 'what') ?? '')}`;
    case 'observable.added':
      return `Observable added (${String(pick(e.after, 'kind'))})`;
    default:
      // Containment actions (src/contain): "Containment done: lock-role app_ro (NOLOGIN; 1 session(s) terminated)".
      if (e.action.startsWith('action.') && pick(e.after, 'target') !== undefined) {
        const detail = pick(e.after, 'approvedBy') ?? (pick(e.after, 'failed') ? 'failed' : undefined);
        return `Containment ${e.action.slice(7).replace(/_/g, ' ')}: ${String(pick(e.after, 'operation'))} ${String(pick(e.after, 'target'))}${detail ? ` (${String(detail)})` : ''}`;
      }
      return e.action.replace(/[._]/g, ' ');
  }
}

/** Audit events become `change` entries (decisions keep the kind `decision`). Manual entries are skipped: they come from their own table. */
export function auditToEntries(events: AuditEvent[]): TimelineEntry[] {
  return events
    .filter((e) => e.action !== TIMELINE_ACTION)
    .map((e) => ({
      id: `audit-${e.seq}`,
      source: 'audit' as const,
      kind: e.action.startsWith('decision.') ? 'decision' : 'change',
      at: e.at,
      recordedAt: e.at,
      actor: e.actor.name,
      text: describeEvent(e),
      action: e.action,
    }));
}

/** Event order; ties by record time, then id, so the order is stable for cursors. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id);
}

export function mergeTimeline(audit: TimelineEntry[], manual: TimelineEntry[], kinds?: string[]): TimelineEntry[] {
  const all = [...audit, ...manual].sort(compareEntries);
  return kinds?.length ? all.filter((e) => kinds.includes(e.kind)) : all;
}

export const TIMELINE_CSV_COLUMNS = ['at', 'recordedAt', 'kind', 'source', 'actor', 'text', 'action', 'id'] as const;

export function timelineCsv(entries: TimelineEntry[]): string {
  return toCsv([...TIMELINE_CSV_COLUMNS], entries as unknown as Record<string, unknown>[]);
}

export function timelineMarkdown(title: string, entries: TimelineEntry[]): string {
  const lines = [`# Timeline: ${title.replace(/\r?\n/g, ' ')}`, '', '| When (UTC) | Recorded | Kind | Who | What |', '|---|---|---|---|---|'];
  for (const e of entries) {
    lines.push(`| ${mdCell(e.at)} | ${e.recordedAt === e.at ? '' : mdCell(e.recordedAt)} | ${mdCell(e.kind)} | ${mdCell(e.actor)} | ${mdCell(e.text)} |`);
  }
  return `${lines.join('\n')}\n`;
}
