/**
 * `breachdesk update …`: stakeholder updates — preview, draft, edit, approve, send, schedules and
 * who receives each audience. Thin commands over the API client; --json prints the API's answer.
 * Sending hands the update to the outbox: `serve` or a `worker` delivers it.
 */
import type { Command } from 'commander';
import { type ApiClient, withClient } from '../../platform/cli-client.js';
import { readInputFile } from '../../platform/cli-input-files.js';
import { action, printJson } from '../../platform/cli-support.js';
import { BadInputError } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import type { AudienceView, ScheduleView, UpdateView } from './updates.schema.js';

const enc = encodeURIComponent;
const collect = (v: string, prev: string[]) => [...prev, v];

function printUpdate(u: UpdateView): void {
  const counts = Object.entries(u.delivery.counts)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  process.stdout.write(
    `update ${u.id} to ${u.audience} — ${u.status}${u.needsApproval ? (u.approvedBy ? ` (approved by ${u.approvedBy})` : ' (needs an approval)') : ''}, v${u.version}, ${u.trigger}${counts ? `; delivery: ${counts}` : ''}\nSubject: ${u.subject}\n\n${u.body}\n`,
  );
}

export function registerUpdateCommands(program: Command, ctx: CliContext): void {
  const run = <T>(fn: (c: ApiClient) => Promise<T>) => withClient(() => ctx.client(), fn);
  const update = program.command('update').description('stakeholder status updates: drafts from the incident state, approval for external audiences, schedules, delivery by e-mail and Slack/Teams webhooks');
  update
    .command('preview')
    .description('draft a status update from the incident state: e-mail text, or the Slack/Teams webhook body (JSON)')
    .argument('<incident>', 'incident id')
    .requiredOption('--audience <audience>', 'executives | all_staff | account_team')
    .option('--format <format>', 'email | slack | teams', 'email')
    .action(
      action(async (incident: string, o: { audience: string; format: string }) => {
        const r = await run((c) => c.json<{ needsApproval: boolean; body: { subject?: string; text?: string } }>(`/api/v1/incidents/${enc(incident)}/updates/preview`, { query: { audience: o.audience, format: o.format } }));
        if (o.format === 'email') process.stdout.write(`Subject: ${r.body.subject}\n\n${r.body.text}`);
        else printJson(r.body);
        if (r.needsApproval) process.stderr.write('this audience is external: the update needs an approval before it is sent\n');
      }),
    );
  update
    .command('draft')
    .description('store an editable draft composed from the incident state')
    .argument('<incident>', 'incident id')
    .requiredOption('--audience <audience>', 'executives | all_staff | account_team')
    .option('--json', 'machine-readable output')
    .action(
      action(async (incident: string, o: { audience: string; json?: boolean }) => {
        const u = await run((c) => c.json<UpdateView>(`/api/v1/incidents/${enc(incident)}/updates`, { method: 'POST', body: { audience: o.audience } }));
        if (o.json) printJson(u);
        else printUpdate(u);
      }),
    );
  update
    .command('list')
    .description("the incident's updates, newest first")
    .argument('<incident>', 'incident id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (incident: string, o: { json?: boolean }) => {
        const r = await run((c) => c.json<{ items: UpdateView[] }>(`/api/v1/incidents/${enc(incident)}/updates`));
        if (o.json) return printJson(r);
        for (const u of r.items) process.stdout.write(`${u.id}  ${u.createdAt.slice(0, 16)}  ${u.audience.padEnd(12)} ${u.status.padEnd(8)} ${u.trigger.padEnd(16)} ${u.subject}\n`);
      }),
    );
  update
    .command('show')
    .description('one update with its delivery (recipients masked)')
    .argument('<update>', 'update id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const u = await run((c) => c.json<UpdateView>(`/api/v1/updates/${enc(id)}`));
        if (o.json) return printJson(u);
        printUpdate(u);
        for (const r of u.delivery.recipients) process.stdout.write(`  ${r.channel.padEnd(8)} ${r.recipient.padEnd(32)} ${r.state}${r.error ? ` — ${r.error}` : ''}\n`);
      }),
    );
  update
    .command('edit')
    .description('change the subject or text of a draft (an approval lapses)')
    .argument('<update>', 'update id')
    .option('--subject <text>', 'new subject')
    .option('--body <text>', 'new text')
    .option('--body-file <file>', 'new text from a file')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { subject?: string; body?: string; bodyFile?: string; json?: boolean }) => {
        if (o.body !== undefined && o.bodyFile) throw new BadInputError('give --body or --body-file, not both');
        if (o.subject === undefined && o.body === undefined && !o.bodyFile) throw new BadInputError('nothing to change: give --subject, --body or --body-file');
        const fromFile = o.bodyFile ? readInputFile(o.bodyFile) : undefined;
        const u = await run(async (c) => {
          const cur = await c.json<UpdateView>(`/api/v1/updates/${enc(id)}`);
          const body = fromFile ?? o.body ?? cur.body;
          return c.json<UpdateView>(`/api/v1/updates/${enc(id)}`, { method: 'PUT', body: { subject: o.subject ?? cur.subject, body } });
        });
        if (o.json) printJson(u);
        else printUpdate(u);
      }),
    );
  for (const [name, description] of [
    ['approve', 'approve an update to an external audience (not by whoever drafted or edited it)'],
    ['send', "send to the audience's addresses and webhooks through the outbox (external audiences: once approved)"],
  ] as const) {
    update
      .command(name)
      .description(description)
      .argument('<update>', 'update id')
      .option('--json', 'machine-readable output')
      .action(
        action(async (id: string, o: { json?: boolean }) => {
          const u = await run((c) => c.json<UpdateView>(`/api/v1/updates/${enc(id)}/${name}`, { method: 'POST', body: {}, headers: name === 'send' ? { 'idempotency-key': `update-send:${id}` } : {} }));
          if (o.json) printJson(u);
          else printUpdate(u);
        }),
      );
  }
  update
    .command('schedule')
    .description('send updates to an audience every N hours while the incident is open, and/or on events')
    .argument('<incident>', 'incident id')
    .requiredOption('--audience <audience>', 'executives | all_staff | account_team')
    .option('--every <hours>', 'hours between updates (fractions allowed, at least 1/60)')
    .option('--on <events>', 'comma-separated: confirmed, contained, notified')
    .option('--first-at <iso>', 'when the first periodic update goes (default: now + --every)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (incident: string, o: { audience: string; every?: string; on?: string; firstAt?: string; json?: boolean }) => {
        const everyHours = o.every === undefined ? undefined : Number(o.every);
        if (everyHours !== undefined && !(everyHours > 0)) throw new BadInputError(`--every: ${o.every} is not a positive number of hours`);
        const events = o.on ? o.on.split(',').map((e) => e.trim()).filter(Boolean) : [];
        const s = await run((c) => c.json<ScheduleView>(`/api/v1/incidents/${enc(incident)}/update-schedules`, { method: 'POST', body: { audience: o.audience, everyHours, events, firstAt: o.firstAt } }));
        if (o.json) return printJson(s);
        process.stdout.write(`schedule ${s.id}: ${s.audience}${s.everyHours ? ` every ${s.everyHours} h (next ${s.nextAt})` : ''}${s.events.length ? ` on ${s.events.join(', ')}` : ''}\n`);
      }),
    );
  update
    .command('schedules')
    .description("the incident's update schedules")
    .argument('<incident>', 'incident id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (incident: string, o: { json?: boolean }) => {
        const r = await run((c) => c.json<{ items: ScheduleView[] }>(`/api/v1/incidents/${enc(incident)}/update-schedules`));
        if (o.json) return printJson(r);
        for (const s of r.items) process.stdout.write(`${s.id}  ${s.audience.padEnd(12)} ${s.active ? 'active ' : 'stopped'} ${s.everyHours ? `every ${s.everyHours} h, next ${s.nextAt}` : ''}${s.events.length ? ` on ${s.events.join(', ')}` : ''}\n`);
      }),
    );
  update
    .command('stop')
    .description('stop a schedule')
    .argument('<schedule>', 'schedule id')
    .action(
      action(async (id: string) => {
        const s = await run((c) => c.json<ScheduleView>(`/api/v1/update-schedules/${enc(id)}/stop`, { method: 'POST', body: {} }));
        process.stdout.write(`schedule ${s.id} stopped\n`);
      }),
    );
  const audience = update.command('audience').description("who receives each audience's updates (admin)");
  audience
    .command('set')
    .description("replace an audience's e-mail addresses and webhooks")
    .argument('<audience>', 'executives | all_staff | account_team')
    .option('--email <address>', 'an e-mail address (repeat)', collect, [])
    .option('--slack <url>', 'a Slack incoming-webhook URL (repeat)', collect, [])
    .option('--teams <url>', 'a Microsoft Teams incoming-webhook / Workflows URL (repeat)', collect, [])
    .option('--json', 'machine-readable output')
    .action(
      action(async (name: string, o: { email: string[]; slack: string[]; teams: string[]; json?: boolean }) => {
        const webhooks = [...o.slack.map((url) => ({ format: 'slack', url })), ...o.teams.map((url) => ({ format: 'teams', url }))];
        const a = await run((c) => c.json<AudienceView>(`/api/v1/update-audiences/${enc(name)}`, { method: 'PUT', body: { emails: o.email, webhooks } }));
        if (o.json) return printJson(a);
        process.stdout.write(`${a.label}: ${a.emails.length} e-mail address(es), ${a.webhooks.map((w) => `${w.format} ${w.host}`).join(', ') || 'no webhook'}\n`);
      }),
    );
  audience
    .command('list')
    .description('each audience with its recipients (masked)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { json?: boolean }) => {
        const r = await run((c) => c.json<{ items: AudienceView[] }>('/api/v1/update-audiences'));
        if (o.json) return printJson(r);
        for (const a of r.items) process.stdout.write(`${a.audience.padEnd(12)} ${a.external ? 'external' : 'internal'}  ${[...a.emails, ...a.webhooks.map((w) => `${w.format} ${w.host}`)].join(', ') || '(nobody)'}\n`);
      }),
    );
}
