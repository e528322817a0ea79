/** `breachdesk remediation add|list|close`: thin commands over the API. */
import type { Command } from 'commander';
import { withClient } from '../platform/cli-client.js';
import { action, printJson } from '../platform/cli-support.js';
import type { CliContext } from '../platform/module.js';
import type { Remediation } from './remediation.schema.js';

const path = (incident: string) => `/api/v1/incidents/${encodeURIComponent(incident)}`;
const line = (r: Remediation) => `${r.id}\t${r.status}\t${r.fix}${r.owner ? `\towner ${r.owner}` : ''}${r.due ? `\tdue ${r.due}` : ''}${r.evidence ? `\tevidence ${r.evidence.type} ${r.evidence.id}` : ''}`;

export function registerRemediationCommands(program: Command, ctx: CliContext): void {
  const rem = program.command('remediation').description('secure: remediation items, closed only with evidence of the fix');
  rem
    .command('add')
    .requiredOption('--incident <id>', 'incident id')
    .requiredOption('--root-cause <text>', 'what made the leak possible')
    .requiredOption('--fix <text>', 'what fixes it')
    .option('--owner <name>', 'who fixes it')
    .option('--due <YYYY-MM-DD>', 'by when')
    .option('--task <id>', "the response plan's secure task it answers")
    .option('--json', 'JSON output')
    .action(
      action(async (o: { incident: string; rootCause: string; fix: string; owner?: string; due?: string; task?: string; json?: boolean }) => {
        const body = { rootCause: o.rootCause, fix: o.fix, owner: o.owner, due: o.due, taskId: o.task };
        const r = await withClient(() => ctx.client(), (api) => api.json<Remediation>(`${path(o.incident)}/remediations`, { method: 'POST', body }));
        if (o.json) printJson(r);
        else process.stdout.write(`${line(r)}\n`);
      }),
    );
  rem
    .command('list')
    .requiredOption('--incident <id>', 'incident id')
    .option('--json', 'JSON output')
    .action(
      action(async (o: { incident: string; json?: boolean }) => {
        const r = await withClient(() => ctx.client(), (api) => api.json<{ items: Remediation[] }>(`${path(o.incident)}/remediations`));
        if (o.json) printJson(r);
        else for (const x of r.items) process.stdout.write(`${line(x)}\n`);
      }),
    );
  rem
    .command('close <id>')
    .description('close with evidence: --action <verified action id>, --evidence <evidence id>, or --scan <id> --secret-type <type>')
    .requiredOption('--incident <id>', 'incident id')
    .option('--action <id>', 'a verified containment action of the incident')
    .option('--evidence <id>', 'an evidence file of the incident')
    .option('--scan <id>', 'a finished scan of the incident…')
    .option('--secret-type <type>', '…that no longer finds this secret type (e.g. github_token)')
    .option('--note <text>', 'what the evidence shows')
    .action(
      action(async (id: string, o: { incident: string; action?: string; evidence?: string; scan?: string; secretType?: string; note?: string }) => {
        const evidence = o.action ? { type: 'action', id: o.action } : o.evidence ? { type: 'evidence', id: o.evidence } : o.scan ? { type: 'assessment', id: o.scan, secretType: o.secretType } : null;
        const body = { evidence: evidence && { ...evidence, ...(o.note ? { note: o.note } : {}) } };
        const r = await withClient(() => ctx.client(), (api) => api.json<Remediation>(`${path(o.incident)}/remediations/${encodeURIComponent(id)}/close`, { method: 'POST', body }));
        process.stdout.write(`${line(r)}\n`);
      }),
    );
}
