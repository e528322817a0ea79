/**
 * `breachdesk incident|task|timeline|register …`: thin commands over the API (remote with
 * BREACHDESK_URL/BREACHDESK_TOKEN, or the local store in-process), each with `--json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ApiClient } from '../platform/cli-client.js';
import { withClient } from '../platform/cli-client.js';
import { action, collect, printJson } from '../platform/cli-support.js';
import { BadInputError } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Decision, Incident, Observable, Task, TimelineEntry } from './incidents.schema.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const enc = encodeURIComponent;
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

/** Follows cursors when `all` is set; otherwise one page (and says how to get the next). */
async function listAll<T>(c: ApiClient, path: string, query: Record<string, string | number | undefined>, all: boolean): Promise<Page<T>> {
  const items: T[] = [];
  let cursor = query.cursor as string | undefined;
  for (;;) {
    const pageRes = await c.json<Page<T>>(path, { query: { ...query, cursor } });
    items.push(...pageRes.items);
    if (!all || !pageRes.nextCursor) return { items, nextCursor: pageRes.nextCursor };
    cursor = pageRes.nextCursor;
  }
}

function moreHint(nextCursor: string | null): void {
  if (nextCursor) process.stderr.write(`more: --cursor ${nextCursor} (or --all)\n`);
}

function incidentLine(i: Incident): string {
  return `${i.id}  ${i.status.padEnd(10)} ${i.severity.padEnd(8)} aware ${i.awareAt}  ${i.title}`;
}

function showIncident(i: Incident & { nextDeadline?: string | null; myRole?: string | null }): string {
  const rows: [string, unknown][] = [
    ['id', i.id],
    ['title', i.title],
    ['status', i.status + (i.dismissedReason ? ` (${i.dismissedReason})` : '')],
    ['severity', i.severity],
    ['categories', i.categories.join(', ')],
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

function taskLine(t: Task): string {
  const done = t.checklist.filter((c) => c.done).length;
  return `${t.id}  ${t.phase.padEnd(8)} ${t.status.padEnd(11)} due ${t.dueAt ?? '-'.padEnd(24)}  [${done}/${t.checklist.length}] ${t.title}`;
}

function timelineLine(e: TimelineEntry): string {
  return `${e.at}  ${e.kind.padEnd(17)} ${(e.actor ?? '').padEnd(16)} ${e.text}`;
}

interface IncidentFields {
  title?: string;
  summary?: string;
  severity?: string;
  category?: string[];
  detectedAt?: string;
  awareAt?: string;
}

function incidentBody(o: IncidentFields) {
  return { title: o.title, summary: o.summary, severity: o.severity, categories: o.category, detectedAt: o.detectedAt, awareAt: o.awareAt };
}

export function registerIncidentCommands(program: Command, ctx: CliContext): void {
  const run = <T>(fn: (c: ApiClient) => Promise<T>) => withClient(() => ctx.client(), fn);

  const incident = program.command('incident').description('incidents: open, list, show, update, close');
  incident
    .command('create')
    .description('open an incident; its tasks are seeded from the response plan')
    .requiredOption('--title <title>', 'short title')
    .option('--summary <text>', 'what is known so far')
    .option('--severity <level>', 'low, medium, high or critical')
    .option('--category <c>', 'confidentiality, integrity, availability (repeatable)', collect)
    .option('--detected-at <iso>', 'first detection (ISO 8601)')
    .option('--aware-at <iso>', 'when the organisation became aware (ISO 8601; default now) — starts the legal clocks')
    .option('--status <status>', 'suspected (default) or confirmed')
    .option('--json', 'print the incident as JSON')
    .action(
      action(async (o: IncidentFields & { status?: string; json?: boolean }) => {
        const i = await run((c) => c.json<Incident>('/api/v1/incidents', { method: 'POST', body: { ...incidentBody(o), status: o.status } }));
        if (o.json) printJson(i);
        else out(`opened incident ${i.id} (${i.status}), aware at ${i.awareAt}`);
      }),
    );

  incident
    .command('list')
    .description('incidents you may see, newest first')
    .option('--status <status>', 'only this status')
    .option('--limit <n>', 'page size', '50')
    .option('--cursor <c>', 'continue after a previous page')
    .option('--all', 'follow every page')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { status?: string; limit: string; cursor?: string; all?: boolean; json?: boolean }) => {
        const r = await run((c) => listAll<Incident>(c, '/api/v1/incidents', { status: o.status, limit: o.limit, cursor: o.cursor }, !!o.all));
        if (o.json) return printJson(r);
        for (const i of r.items) out(incidentLine(i));
        if (!r.items.length) out('no incidents');
        moreHint(r.nextCursor);
      }),
    );

  incident
    .command('show <id>')
    .description('one incident')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const i = await run((c) => c.json<Incident>(`/api/v1/incidents/${enc(id)}`));
        if (o.json) printJson(i);
        else out(showIncident(i));
      }),
    );

  incident
    .command('update <id>')
    .description('change fields or status; --aware-at needs --reason')
    .option('--title <title>', 'title')
    .option('--summary <text>', 'summary')
    .option('--severity <level>', 'low, medium, high or critical')
    .option('--category <c>', 'categories (repeatable; replaces the list)', collect)
    .option('--detected-at <iso>', 'first detection')
    .option('--aware-at <iso>', 'awareness time (needs --reason)')
    .option('--contained-at <iso>', 'containment time')
    .option('--facts <text>', 'register: facts of the breach')
    .option('--effects <text>', 'register: its effects')
    .option('--remedial <text>', 'register: remedial action taken')
    .option('--status <status>', 'move to this status')
    .option('--reason <text>', 'why (for --aware-at or --status dismissed)')
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          id: string,
          o: IncidentFields & { containedAt?: string; facts?: string; effects?: string; remedial?: string; status?: string; reason?: string; json?: boolean },
        ) => {
          const body = {
            ...incidentBody(o),
            containedAt: o.containedAt,
            facts: o.facts,
            effects: o.effects,
            remedialAction: o.remedial,
            awareAtReason: o.awareAt ? o.reason : undefined,
          };
          const hasFields = Object.values(body).some((v) => v !== undefined);
          if (!hasFields && !o.status) throw new BadInputError('nothing to update: give at least one option (see --help)');
          const i = await run(async (c) => {
            let r: Incident | null = null;
            if (hasFields) r = await c.json<Incident>(`/api/v1/incidents/${enc(id)}`, { method: 'PATCH', body });
            if (o.status) r = await c.json<Incident>(`/api/v1/incidents/${enc(id)}/status`, { method: 'POST', body: { status: o.status, reason: o.reason } });
            return r!;
          });
          if (o.json) printJson(i);
          else out(`updated ${i.id}: ${i.status}, aware at ${i.awareAt}`);
        },
      ),
    );

  incident
    .command('close <id>')
    .description('close the incident (or --dismiss it as a false alarm, with --reason)')
    .option('--dismiss', 'dismiss instead of close (needs --reason)')
    .option('--reason <text>', 'why')
    .option('--at <iso>', 'when (default now)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { dismiss?: boolean; reason?: string; at?: string; json?: boolean }) => {
        const i = await run((c) =>
          c.json<Incident>(`/api/v1/incidents/${enc(id)}/status`, { method: 'POST', body: { status: o.dismiss ? 'dismissed' : 'closed', reason: o.reason, at: o.at } }),
        );
        if (o.json) printJson(i);
        else out(`${i.id} is ${i.status}`);
      }),
    );

  const member = incident.command('member').description('members of an incident and their incident roles');
  member
    .command('list <id>')
    .description('members and their incident roles')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const r = await run((c) => listAll<{ userId: string; username: string | null; role: string }>(c, `/api/v1/incidents/${enc(id)}/members`, { limit: 500 }, true));
        if (o.json) return printJson(r);
        for (const m of r.items) out(`${(m.username ?? m.userId).padEnd(24)} ${m.role}`);
      }),
    );
  member
    .command('add <id>')
    .description('add a member (or change their role); needs the incident commander')
    .requiredOption('--user <name>', 'user name or e-mail')
    .option('--role <role>', 'commander, scribe, legal_counsel, dpo, communications, forensics_lead, executive_sponsor or member', 'member')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { user: string; role: string; json?: boolean }) => {
        const m = await run((c) => c.json<{ username: string; role: string }>(`/api/v1/incidents/${enc(id)}/members`, { method: 'POST', body: { username: o.user, role: o.role } }));
        if (o.json) printJson(m);
        else out(`${m.username} is ${m.role} on ${id}`);
      }),
    );

  incident
    .command('decide <id>')
    .description('record a decision (who and when are recorded for you)')
    .requiredOption('--kind <kind>', 'gdpr_risk, no_notice, notify_authority, notify_individuals, severity or other')
    .option('--value <v>', 'for gdpr_risk: unlikely, risk or high')
    .requiredOption('--what <text>', 'what was decided')
    .requiredOption('--why <text>', 'why')
    .option('--at <iso>', 'when it was decided (default now)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { kind: string; value?: string; what: string; why: string; at?: string; json?: boolean }) => {
        const d = await run((c) =>
          c.json<Decision>(`/api/v1/incidents/${enc(id)}/decisions`, { method: 'POST', body: { kind: o.kind, value: o.value, what: o.what, why: o.why, decidedAt: o.at } }),
        );
        if (o.json) printJson(d);
        else out(`recorded decision ${d.id} (${d.kind}${d.value ? `: ${d.value}` : ''})`);
      }),
    );
  incident
    .command('decisions <id>')
    .description('the decision log, oldest first')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const r = await run((c) => listAll<Decision>(c, `/api/v1/incidents/${enc(id)}/decisions`, { limit: 500 }, true));
        if (o.json) return printJson(r);
        for (const d of r.items) out(`${d.decidedAt}  ${d.kind}${d.value ? ` (${d.value})` : ''}  ${d.decidedBy.name ?? ''}: ${d.what} — ${d.why}`);
      }),
    );

  const observable = program.command('observable').description('IPs, domains, URLs, hashes, e-mail addresses and accounts linked to incidents');
  observable
    .command('add <incidentId>')
    .description('link an observable (de-duplicated)')
    .requiredOption('--kind <kind>', 'ip, domain, url, hash, email or account')
    .requiredOption('--value <value>', 'the value')
    .option('--note <text>', 'note')
    .option('--json', 'print JSON')
    .action(
      action(async (incidentId: string, o: { kind: string; value: string; note?: string; json?: boolean }) => {
        const r = await run((c) => c.json<Observable>(`/api/v1/incidents/${enc(incidentId)}/observables`, { method: 'POST', body: { kind: o.kind, value: o.value, note: o.note } }));
        if (o.json) printJson(r);
        else out(`${r.id}  ${r.kind}  ${r.value}`);
      }),
    );
  observable
    .command('list <incidentId>')
    .description('observables of an incident (personal values masked unless --unmask, which is audited)')
    .option('--unmask', 'show e-mail addresses and accounts in full (legal or incident_commander)')
    .option('--json', 'print JSON')
    .action(
      action(async (incidentId: string, o: { unmask?: boolean; json?: boolean }) => {
        const r = await run((c) => listAll<Observable>(c, `/api/v1/incidents/${enc(incidentId)}/observables`, { limit: 500, unmask: o.unmask ? 'true' : undefined }, true));
        if (o.json) return printJson(r);
        for (const x of r.items) out(`${x.id}  ${x.kind.padEnd(8)} ${x.value}${x.note ? `  (${x.note})` : ''}`);
      }),
    );
  observable
    .command('search')
    .description('incidents (that you may see) sharing an observable')
    .requiredOption('--kind <kind>', 'ip, domain, url, hash, email or account')
    .requiredOption('--value <value>', 'the value')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { kind: string; value: string; json?: boolean }) => {
        const r = await run((c) => c.json<Page<Observable>>('/api/v1/observables/search', { query: { kind: o.kind, value: o.value } }));
        if (o.json) return printJson(r);
        for (const x of r.items) out(`${x.incidentId}  ${x.kind}  ${x.value}`);
        if (!r.items.length) out('not found in any incident you may see');
      }),
    );

  const plan = program.command('plan').description("the organisation's response plan (YAML, versioned)");
  plan
    .command('show')
    .description('print the current plan (or --plan-version N)')
    .option('--plan-version <n>', 'a specific version')
    .option('--json', 'print JSON ({version, yaml, …})')
    .action(
      action(async (o: { planVersion?: string; json?: boolean }) => {
        const r = await run((c) => c.json<{ version: number; yaml: string }>(o.planVersion ? `/api/v1/response-plan/versions/${enc(o.planVersion)}` : '/api/v1/response-plan'));
        if (o.json) printJson(r);
        else out(r.yaml);
      }),
    );
  plan
    .command('set <file>')
    .description('save FILE as the new plan version (admin); running incidents keep theirs')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, o: { json?: boolean }) => {
        let yaml: string;
        try {
          yaml = readFileSync(file, 'utf8');
        } catch (e) {
          throw new BadInputError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
        }
        const r = await run((c) => c.json<{ version: number }>('/api/v1/response-plan', { method: 'PUT', body: { yaml } }));
        if (o.json) printJson(r);
        else out(`saved response plan version ${r.version}`);
      }),
    );

  const task = program.command('task').description('tasks of an incident');
  task
    .command('list')
    .description('tasks in plan order')
    .requiredOption('--incident <id>', 'incident id')
    .option('--view <view>', 'all, open, dueSoon or overdue', 'all')
    .option('--phase <phase>', 'confirm, contain, assess, notify, secure, learn or experts')
    .option('--limit <n>', 'page size', '100')
    .option('--cursor <c>', 'continue after a previous page')
    .option('--all', 'follow every page')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { incident: string; view: string; phase?: string; limit: string; cursor?: string; all?: boolean; json?: boolean }) => {
        const r = await run((c) =>
          listAll<Task>(c, `/api/v1/incidents/${enc(o.incident)}/tasks`, { view: o.view, phase: o.phase, limit: o.limit, cursor: o.cursor }, !!o.all),
        );
        if (o.json) return printJson(r);
        for (const t of r.items) out(taskLine(t));
        if (!r.items.length) out('no tasks');
        moreHint(r.nextCursor);
      }),
    );
  task
    .command('add')
    .description('add a task to an incident')
    .requiredOption('--incident <id>', 'incident id')
    .requiredOption('--phase <phase>', 'confirm, contain, assess, notify, secure, learn or experts')
    .requiredOption('--title <text>', 'title')
    .option('--due <iso>', 'due time')
    .option('--owner-role <role>', 'incident role that owns it')
    .option('--check <text>', 'checklist item (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--json', 'print JSON')
    .action(
      action(async (o: { incident: string; phase: string; title: string; due?: string; ownerRole?: string; check?: string[]; json?: boolean }) => {
        const t = await run((c) =>
          c.json<Task>(`/api/v1/incidents/${enc(o.incident)}/tasks`, {
            method: 'POST',
            body: { phase: o.phase, title: o.title, dueAt: o.due, ownerRole: o.ownerRole, checklist: o.check },
          }),
        );
        if (o.json) printJson(t);
        else out(taskLine(t));
      }),
    );
  task
    .command('update <taskId>')
    .description('change a task')
    .requiredOption('--incident <id>', 'incident id')
    .option('--status <status>', 'open, in_progress, done or skipped')
    .option('--assignee <userId>', 'assignee user id ("none" to clear)')
    .option('--due <iso>', 'due time ("none" to clear)')
    .option('--notes <text>', 'notes')
    .option('--title <text>', 'title')
    .option('--check <n>', 'tick checklist item n (1-based; repeatable)', collect)
    .option('--uncheck <n>', 'untick checklist item n (repeatable)', collect)
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          taskId: string,
          o: { incident: string; status?: string; assignee?: string; due?: string; notes?: string; title?: string; check?: string[]; uncheck?: string[]; json?: boolean },
        ) => {
          const base = `/api/v1/incidents/${enc(o.incident)}/tasks`;
          const t = await run(async (c) => {
            const body: Record<string, unknown> = {
              status: o.status,
              notes: o.notes,
              title: o.title,
              assigneeId: o.assignee === undefined ? undefined : o.assignee === 'none' ? null : o.assignee,
              dueAt: o.due === undefined ? undefined : o.due === 'none' ? null : o.due,
            };
            if (o.check || o.uncheck) {
              const all = await listAll<Task>(c, base, { limit: 500 }, true);
              const cur = all.items.find((x) => x.id === taskId);
              if (!cur) throw new BadInputError(`task ${taskId} not found in incident ${o.incident}`);
              const list = cur.checklist.map((x) => ({ ...x }));
              for (const [nums, done] of [
                [o.check ?? [], true],
                [o.uncheck ?? [], false],
              ] as const) {
                for (const n of nums) {
                  const k = Number(n);
                  if (!Number.isInteger(k) || k < 1 || k > list.length) throw new BadInputError(`--check/--uncheck: item ${n} does not exist (1..${list.length})`);
                  list[k - 1]!.done = done;
                }
              }
              body.checklist = list;
            }
            return c.json<Task>(`${base}/${enc(taskId)}`, { method: 'PATCH', body });
          });
          if (o.json) printJson(t);
          else out(taskLine(t));
        },
      ),
    );

  program
    .command('timeline <id>')
    .description('the incident timeline (or record an entry with --add)')
    .option('--json', 'JSON export')
    .option('--csv', 'CSV export')
    .option('--md', 'Markdown export')
    .option('--kind <kinds>', 'only these kinds (comma-separated)')
    .option('--add <text>', 'record a manual entry')
    .option('--at <iso>', 'when the recorded event happened (with --add)')
    .option('--entry-kind <kind>', 'kind of the entry (with --add): note, attacker_activity, detection, containment, communication, decision, other', 'note')
    .action(
      action(async (id: string, o: { json?: boolean; csv?: boolean; md?: boolean; kind?: string; add?: string; at?: string; entryKind: string }) => {
        if ([o.json, o.csv, o.md].filter(Boolean).length > 1) throw new BadInputError('choose one of --json, --csv, --md');
        if (o.add !== undefined) {
          if (!o.at) throw new BadInputError('--add needs --at (when the event happened, ISO 8601)');
          const e = await run((c) => c.json<TimelineEntry>(`/api/v1/incidents/${enc(id)}/timeline`, { method: 'POST', body: { kind: o.entryKind, at: o.at, text: o.add } }));
          if (o.json) printJson(e);
          else out(timelineLine(e));
          return;
        }
        const format = o.csv ? 'csv' : o.md ? 'md' : 'json';
        const r = await run((c) => c.raw(`/api/v1/incidents/${enc(id)}/timeline/export`, { query: { format, kind: o.kind } }));
        if (o.json || o.csv || o.md) {
          out(r.text);
          return;
        }
        const data = JSON.parse(r.text) as { items: TimelineEntry[] };
        for (const e of data.items) out(timelineLine(e));
      }),
    );

  const register = program.command('register').description('the breach register (GDPR Art. 33(5))');
  register
    .command('export')
    .description('every incident you may see, notified or not, with facts, effects and remedial action')
    .option('--csv', 'CSV (default: JSON)')
    .option('--json', 'JSON')
    .option('--output <file>', 'write to a file instead of stdout')
    .action(
      action(async (o: { csv?: boolean; json?: boolean; output?: string }) => {
        if (o.csv && o.json) throw new BadInputError('choose one of --csv, --json');
        const r = await run((c) => c.raw('/api/v1/register/export', { query: { format: o.csv ? 'csv' : 'json' } }));
        if (o.output) {
          writeFileSync(o.output, r.text, { mode: 0o600 });
          process.stderr.write(`wrote ${o.output}\n`);
        } else out(r.text);
      }),
    );
}
