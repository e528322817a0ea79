/** Helpers shared by the incident workspace commands: paging, one-line views, request bodies. */
import type { ApiClient } from '../platform/cli-client.js';
import { withClient } from '../platform/cli-client.js';
import type { CliContext } from '../platform/module.js';
import type { Incident, Task, TimelineEntry } from './incidents.schema.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const enc = encodeURIComponent;
export const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

/** Follows cursors when `all` is set; otherwise one page (and says how to get the next). */
export async function listAll<T>(c: ApiClient, path: string, query: Record<string, string | number | undefined>, all: boolean): Promise<Page<T>> {
  const items: T[] = [];
  let cursor = query.cursor as string | undefined;
  for (;;) {
    const pageRes = await c.json<Page<T>>(path, { query: { ...query, cursor } });
    items.push(...pageRes.items);
    if (!all || !pageRes.nextCursor) return { items, nextCursor: pageRes.nextCursor };
    cursor = pageRes.nextCursor;
  }
}

export function moreHint(nextCursor: string | null): void {
  if (nextCursor) process.stderr.write(`more: --cursor ${nextCursor} (or --all)\n`);
}

export function incidentLine(i: Incident): string {
  return `${i.id}  ${i.status.padEnd(10)} ${i.severity.padEnd(8)} aware ${i.awareAt}  ${i.title}`;
}

export function showIncident(i: Incident & { nextDeadline?: string | null; myRole?: string | null }): string {
  const rows: [string, unknown][] = [
    ['id', i.id],
    ['title', i.title],
    ['status', i.status + (i.dismissedReason ? ` (${i.dismissedReason})` : '')],
    ['severity', i.severity],
    ['categories', i.categories.join(', ')],
    ['breach', i.breachStartedAt ? `${i.breachStartedAt}${i.breachEndedAt ? ` to ${i.breachEndedAt}` : ''}` : '-'],
    ['detected', i.detectedAt ?? '-'],
    ['aware', i.awareAt],
    ['contained', i.containedAt ?? '-'],
    ['closed', i.closedAt ?? '-'],
    ['next deadline', i.nextDeadline ?? '-'],
    ['my role', i.myRole ?? '-'],
    ['plan version', i.planVersion],
  ];
  const text = rows.map(([k, v]) => `${k.padEnd(14)}${String(v)}`).join('\n');
  return i.summary ? `${text}\n\n${i.summary}` : text;
}

export function taskLine(t: Task): string {
  const done = t.checklist.filter((c) => c.done).length;
  return `${t.id}  ${t.phase.padEnd(8)} ${t.status.padEnd(11)} due ${t.dueAt ?? '-'.padEnd(24)}  [${done}/${t.checklist.length}] ${t.title}`;
}

export function timelineLine(e: TimelineEntry): string {
  return `${e.at}  ${e.kind.padEnd(17)} ${(e.actor ?? '').padEnd(16)} ${e.text}`;
}

export interface IncidentFields {
  title?: string;
  summary?: string;
  severity?: string;
  category?: string[];
  detectedAt?: string;
  awareAt?: string;
  breachStartedAt?: string;
  breachEndedAt?: string;
}

export function incidentBody(o: IncidentFields) {
  return { title: o.title, summary: o.summary, severity: o.severity, categories: o.category, detectedAt: o.detectedAt, awareAt: o.awareAt, breachStartedAt: o.breachStartedAt, breachEndedAt: o.breachEndedAt };
}

export type Run = <T>(fn: (c: ApiClient) => Promise<T>) => Promise<T>;

/** Runs one request against the API chosen by the context (remote or in-process). */
export function runner(ctx: CliContext): Run {
  return (fn) => withClient(() => ctx.client(), fn);
}
