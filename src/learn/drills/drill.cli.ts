/** `breachdesk drill …`: start a practice incident from a scenario, list drills, score one. */
import type { Command } from 'commander';
import { type ApiClient, withClient } from '../../platform/cli-client.js';
import { action, printJson } from '../../platform/cli-support.js';
import { BadInputError } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import type { DrillView } from './drill.service.js';
import type { DrillScore } from './score.js';

const enc = encodeURIComponent;

export function registerDrillCommands(program: Command, ctx: CliContext): void {
  const run = <T>(fn: (c: ApiClient) => Promise<T>) => withClient(() => ctx.client(), fn);
  const drill = program.command('drill').description('drills: practice incidents on a synthetic leak, events injected on schedule, a score afterwards');
  drill
    .command('start')
    .description('start a drill (the practice incident is marked [DRILL] and kept out of the register and metrics)')
    .requiredOption('--scenario <name>', 'ransomware-exfiltration | misconfigured-cloud-bucket | insider-export (see `drill scenarios`)')
    .option('--speed <n>', 'compress the event schedule: 60 runs an hour of scenario per minute', '1')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { scenario: string; speed: string; json?: boolean }) => {
        const speed = Number(o.speed);
        if (!Number.isInteger(speed) || speed < 1) throw new BadInputError(`--speed: ${o.speed} is not a whole number ≥ 1`);
        const d = await run((c) => c.json<DrillView>('/api/v1/drills', { method: 'POST', body: { scenario: o.scenario, speed } }));
        if (o.json) return printJson(d);
        process.stdout.write(`drill ${d.id} started on incident ${d.incidentId} (${d.scenario}, speed ${d.speed}); events:\n`);
        for (const e of d.events) process.stdout.write(`  ${e.dueAt}  ${e.text}\n`);
      }),
    );
  drill
    .command('scenarios')
    .description('list the shipped scenarios')
    .action(
      action(async () => {
        const r = await run((c) => c.json<{ items: Array<{ name: string; title: string; events: number }> }>('/api/v1/drill-scenarios'));
        for (const s of r.items) process.stdout.write(`${s.name.padEnd(28)} ${s.title} (${s.events} events)\n`);
      }),
    );
  drill
    .command('score')
    .description('score a drill: each task and obligation against its deadline, each phase, what was missed')
    .argument('<drill>', 'drill id')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, o: { json?: boolean }) => {
        const s = await run((c) => c.json<DrillScore>(`/api/v1/drills/${enc(id)}/score`));
        if (o.json) return printJson(s);
        const lines = [`score ${s.score}% (${s.items.filter((i) => i.outcome === 'on_time').length} of ${s.items.length} met on time); events injected ${s.events.injected}/${s.events.scheduled}`];
        for (const p of s.phases) lines.push(`  ${p.phase.padEnd(8)} ${p.done}/${p.tasks} done${p.hoursToLastDone !== null ? `, last after ${p.hoursToLastDone} h` : ''}`);
        if (s.missed.length) lines.push('missed:', ...s.missed.map((m) => `  - ${m}`));
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
}
