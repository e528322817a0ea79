/**
 * `breachdesk incident|task|timeline|register …`: thin commands over the API (remote with
 * BREACHDESK_URL/BREACHDESK_TOKEN, or the local store in-process), each with `--json`.
 */
import type { Command } from 'commander';
import { action, collect, printJson } from '../platform/cli-support.js';
import { BadInputError } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Decision, Incident } from './incidents.schema.js';
import { enc, incidentBody, type IncidentFields, incidentLine, listAll, moreHint, out, runner, showIncident } from './incidents.cli-support.js';
import { registerJournalCommands } from './journal.cli.js';
import { registerObservableCommands } from './observables.cli.js';
import { registerPlanTaskCommands } from './plan-tasks.cli.js';

export function registerIncidentCommands(program: Command, ctx: CliContext): void {
  const run = runner(ctx);

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
    .option('--breach-started-at <iso>', 'when the breach started (the date or estimated date notices state)')
    .option('--breach-ended-at <iso>', 'when it ended, for a date range')
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
    .option('--breach-started-at <iso>', 'when the breach started (the date or estimated date notices state)')
    .option('--breach-ended-at <iso>', 'when it ended, for a date range')
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

  registerObservableCommands(program, run);
  registerPlanTaskCommands(program, run);
  registerJournalCommands(program, run);
}
