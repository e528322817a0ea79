/** `breachdesk observable …`: observables linked to incidents. */
import type { Command } from 'commander';
import { action, printJson } from '../platform/cli-support.js';
import type { Observable } from './incidents.schema.js';
import { enc, listAll, out, type Page, type Run } from './incidents.cli-support.js';

export function registerObservableCommands(program: Command, run: Run): void {
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
}
