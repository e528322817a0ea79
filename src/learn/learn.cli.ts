/**
 * `breachdesk metrics …` and `breachdesk costs …`: thin commands over the API client (a server
 * via BREACHDESK_URL/TOKEN, or the local store in-process). --json prints the API's answer.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type ApiClient, withClient } from '../platform/cli-client.js';
import { action, printJson } from '../platform/cli-support.js';
import { BadInputError } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Cost, IncidentMetrics, QuarterMetrics } from './learn.schema.js';
import { registerDrillCommands } from './drills/drill.cli.js';
import { registerUpdateCommands } from './updates/updates.cli.js';
import { REPORT_KINDS } from './reports/report-data.js';

const enc = encodeURIComponent;
const h = (x: number | null) => (x === null ? '—' : `${x} h`);
const money = (t: Record<string, string>) => Object.entries(t).map(([c, v]) => `${v} ${c}`).join(', ') || 'none recorded';

function printMetrics(m: IncidentMetrics): void {
  const lines = [
    `${m.title} (${m.status}, ${m.quarter})`,
    `  time to detect   ${h(m.timeToDetectHours)}   (first evidence ${m.firstCompromiseAt ?? 'unknown'} → aware ${m.awareAt})`,
    `  time to contain  ${h(m.timeToContainHours)}`,
    `  time to close    ${h(m.timeToCloseHours)}`,
    `  obligations      ${m.obligations.onTime} on time, ${m.obligations.late} late, ${m.obligations.overdue} overdue, ${m.obligations.open} open, ${m.obligations.notRequired} not required`,
    ...m.notify.map((n) => `    ${n.jurisdiction} ${n.recipient}: ${n.outcome}${n.hours !== null ? ` after ${n.hours} h` : ''}${n.deadline ? ` (deadline ${n.deadline})` : ''}${n.reason ? ` — ${n.reason}` : ''}`),
    `  people notified  ${Object.entries(m.peopleNotified).map(([c, n]) => `${n} by ${c}`).join(', ') || 'none yet'}`,
    `  costs            ${money(m.costs.total)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printQuarters(qs: QuarterMetrics[]): void {
  process.stdout.write('quarter   incidents  detect(median)  contain(median)  close(median)  on-time  late  notified  costs\n');
  for (const q of qs) {
    process.stdout.write(
      `${q.quarter}  ${String(q.incidents).padStart(9)}  ${h(q.medianTimeToDetectHours).padStart(14)}  ${h(q.medianTimeToContainHours).padStart(15)}  ${h(q.medianTimeToCloseHours).padStart(13)}  ${String(q.obligationsOnTime).padStart(7)}  ${String(q.obligationsLate).padStart(4)}  ${String(q.peopleNotified).padStart(8)}  ${money(q.costs)}\n`,
    );
  }
}

export function registerLearnCommands(program: Command, ctx: CliContext): void {
  const run = <T>(fn: (c: ApiClient) => Promise<T>) => withClient(() => ctx.client(), fn);
  registerDrillCommands(program, ctx);

  program
    .command('metrics')
    .description('metrics from the record: one incident, or --quarterly trends across incidents')
    .argument('[incident]', 'incident id')
    .option('--quarterly', 'trends per quarter across the incidents you may read')
    .option('--from <date>', 'with --quarterly: incidents aware on or after YYYY-MM-DD')
    .option('--to <date>', 'with --quarterly: incidents aware before YYYY-MM-DD')
    .option('--json', 'machine-readable output')
    .action(
      action(async (incident: string | undefined, o: { quarterly?: boolean; from?: string; to?: string; json?: boolean }) => {
        if (o.quarterly || !incident) {
          const r = await run((c) => c.json<{ quarters: QuarterMetrics[] }>('/api/v1/metrics/quarterly', { query: { from: o.from, to: o.to } }));
          if (o.json) printJson(r);
          else printQuarters(r.quarters);
          return;
        }
        const m = await run((c) => c.json<IncidentMetrics>(`/api/v1/incidents/${enc(incident)}/metrics`));
        if (o.json) printJson(m);
        else printMetrics(m);
      }),
    );

  const costs = program.command('costs').description("the incident's cost ledger (vendor, amount, currency, category)");
  costs
    .command('add')
    .description('record a cost item')
    .argument('<incident>', 'incident id')
    .requiredOption('--vendor <name>', 'who was paid')
    .requiredOption('--amount <decimal>', 'e.g. 12500.00')
    .requiredOption('--currency <code>', 'ISO 4217, e.g. EUR')
    .requiredOption('--category <category>', 'forensics, legal, notification, credit_monitoring, call_centre, pr, regulatory_fine, ransom, recovery, staff_time, other')
    .requiredOption('--on <date>', 'when incurred, YYYY-MM-DD')
    .option('--description <text>', 'what it was for', '')
    .option('--json', 'machine-readable output')
    .action(
      action(async (incident: string, o: { vendor: string; amount: string; currency: string; category: string; on: string; description: string; json?: boolean }) => {
        const body = { vendor: o.vendor, amount: o.amount, currency: o.currency, category: o.category, incurredOn: o.on, description: o.description };
        const c = await run((cl) => cl.json<Cost>(`/api/v1/incidents/${enc(incident)}/costs`, { method: 'POST', body }));
        if (o.json) printJson(c);
        else process.stdout.write(`cost ${c.id}: ${c.amount} ${c.currency} to ${c.vendor} (${c.category}, ${c.incurredOn})\n`);
      }),
    );
  costs
    .command('list')
    .description("list the incident's cost items")
    .argument('<incident>', 'incident id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (incident: string, o: { json?: boolean }) => {
        const r = await run((c) => c.json<{ items: Cost[] }>(`/api/v1/incidents/${enc(incident)}/costs`));
        if (o.json) return printJson(r);
        for (const c of r.items) process.stdout.write(`${c.incurredOn}  ${c.amount.padStart(12)} ${c.currency}  ${c.category.padEnd(17)} ${c.vendor}${c.description ? ` — ${c.description}` : ''}\n`);
      }),
    );

  program
    .command('report')
    .description('a report of the incident: post-incident, executive, insurer or regulator, as md, html, pdf or docx')
    .argument('<incident>', 'incident id')
    .option('--kind <kind>', REPORT_KINDS.join(' | '), 'post-incident')
    .option('--format <format>', 'md | html | pdf | docx', 'md')
    .option('--out <file>', 'write to FILE (default: stdout for md/html; pdf and docx need --out)')
    .option('--include-privileged', 'put privileged material in (legal only; audited)')
    .action(
      action(async (incident: string, o: { kind: string; format: string; out?: string; includePrivileged?: boolean }) => {
        if (!(REPORT_KINDS as readonly string[]).includes(o.kind)) throw new BadInputError(`--kind: ${o.kind} is not one of ${REPORT_KINDS.join(', ')}`);
        if (!['md', 'html', 'pdf', 'docx'].includes(o.format)) throw new BadInputError(`--format: ${o.format} is not one of md, html, pdf, docx`);
        if ((o.format === 'pdf' || o.format === 'docx') && !o.out) throw new BadInputError(`--out: a ${o.format} report is binary; give a file to write`);
        const r = await run((c) =>
          c.json<{ filename: string; data: string }>(`/api/v1/incidents/${enc(incident)}/reports/${enc(o.kind)}`, {
            query: { format: o.format, includePrivileged: o.includePrivileged ? 'true' : 'false', encoding: 'base64' },
          }),
        );
        const body = Buffer.from(r.data, 'base64');
        if (!o.out) return void process.stdout.write(body);
        writeFileSync(o.out, body);
        process.stderr.write(`wrote ${o.out} (${body.length} bytes)\n`);
      }),
    );
  registerUpdateCommands(program, ctx);
}
