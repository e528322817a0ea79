/**
 * `breachdesk connector …` and `breachdesk action plan|approve|run|verify|undo|list`: thin
 * commands over the containment API (a server with BREACHDESK_URL/TOKEN, or the local store
 * in-process). Actions run as jobs: a `serve` or `worker` on the store executes them; `run
 * --wait` waits until each has finished. Secrets are read from stdin, never from arguments
 * (which other users of the machine can see in the process list).
 */
import { text } from 'node:stream/consumers';
import type { Command } from 'commander';
import { withClient } from '../platform/cli-client.js';
import { readInputFile } from '../platform/cli-input-files.js';
import { action, collect, printJson } from '../platform/cli-support.js';
import { BadInputError, FailedError } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Action, ConnectorView, StepResult } from './contain.schema.js';
import { registerRemediationCommands } from './remediation.cli.js';
import type { Suggestion } from './remediation.schema.js';

const TERMINAL = new Set(['done', 'failed', 'verified', 'undone']);

/** `k=v` pairs to an object; values that parse as JSON (numbers, true, arrays) are kept typed. */
function pairs(list: string[], what: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i < 1) throw new BadInputError(`${what} "${kv}": expected name=value`);
    const v = kv.slice(i + 1);
    try {
      out[kv.slice(0, i)] = JSON.parse(v);
    } catch {
      out[kv.slice(0, i)] = v;
    }
  }
  return out;
}

/** All of stdin, through process.stdin (not fd 0 directly, so an in-process run can supply it). */
async function readStdin(): Promise<string> {
  try {
    return await text(process.stdin);
  } catch {
    return '';
  }
}

export function formatAction(a: Action): string {
  const detail = a.error ?? a.verification ?? a.result ?? (a.state === 'planned' ? `needs approval: ${a.approval}` : '');
  return `${a.id}\t${a.state}\t${a.connector.name} ${a.operation} ${a.target}${detail ? `\t${detail}` : ''}`;
}

function formatConnector(c: ConnectorView): string {
  const check = c.checkedAt ? (c.checkOk ? `ok: ${c.checkResult}` : `FAILED: ${c.checkResult}`) : 'not checked';
  return `${c.name}\t${c.kind}\tsecrets: ${c.secretsSet.join(', ') || 'none'}\t${check}`;
}

function printBulk(r: { bulkId: string; items: Action[] }, json?: boolean): void {
  if (json) {
    printJson(r);
    return;
  }
  process.stdout.write(`bulk ${r.bulkId}: ${r.items.length} action(s)\n`);
  for (const a of r.items) {
    process.stdout.write(`${formatAction(a)}\n`);
    for (const line of a.plan) process.stdout.write(`    ${line}\n`);
    if (a.undoPreview) process.stdout.write(`    undo restores: ${a.undoPreview}\n`);
  }
}

function selection(ids: string[], o: { bulk?: string }) {
  if (!!ids.length === !!o.bulk) throw new BadInputError('give action ids or --bulk <id>, not both');
  return o.bulk ? { bulkId: o.bulk } : { actionIds: ids };
}

function printStep(r: StepResult, json?: boolean): void {
  if (json) {
    printJson(r);
    return;
  }
  for (const i of r.items) process.stdout.write(`${i.id}\t${i.target}\t${i.ok ? 'ok' : 'FAILED'}\t${i.state}${i.detail ? `\t${i.detail}` : ''}\n`);
  const bad = r.items.filter((i) => !i.ok).length;
  if (bad) throw new FailedError(`${bad} of ${r.items.length} action(s) did not go through`);
}

export function registerContainCommands(program: Command, ctx: CliContext): void {
  const conn = program.command('connector').description('connectors to the systems containment acts on (credentials stored encrypted)');
  conn
    .command('add <name>')
    .description('add a connector; secrets as a JSON object on stdin, e.g. echo \'{"password":"…"}\' | breachdesk connector add …')
    .requiredOption('--kind <kind>', 'postgres, redis, ldap, nftables, … (see `connector kinds`)')
    .option('--set <name=value>', 'a setting (repeatable)', collect, [])
    .option('--approval <operation=policy>', 'approval policy of an operation: none, commander or two (repeatable)', collect, [])
    .option('--secrets-stdin', 'read the secrets (JSON object) from stdin')
    .option('--json', 'print the connector as JSON')
    .action(
      action(async (name: string, o: { kind: string; set: string[]; approval: string[]; secretsStdin?: boolean; json?: boolean }) => {
        let secrets: Record<string, string> = {};
        if (o.secretsStdin) {
          try {
            secrets = JSON.parse((await readStdin()) || '{}');
          } catch {
            throw new BadInputError('stdin: the secrets must be one JSON object, e.g. {"password":"…"}');
          }
        }
        const body = { name, kind: o.kind, config: pairs(o.set, '--set'), secrets, approvals: pairs(o.approval, '--approval') };
        const c = await withClient(() => ctx.client(), (api) => api.json<ConnectorView>('/api/v1/connectors', { method: 'POST', body }));
        if (o.json) printJson(c);
        else process.stdout.write(`${formatConnector(c)}\n`);
      }),
    );
  conn
    .command('list')
    .option('--json', 'JSON output')
    .action(
      action(async (o: { json?: boolean }) => {
        const r = await withClient(() => ctx.client(), (api) => api.json<{ items: ConnectorView[] }>('/api/v1/connectors'));
        if (o.json) printJson(r);
        else for (const c of r.items) process.stdout.write(`${formatConnector(c)}\n`);
      }),
    );
  conn
    .command('check <name>')
    .description('check connection: a cheap call proving the settings and credentials')
    .action(
      action(async (name: string) => {
        const c = await withClient(() => ctx.client(), (api) => api.json<ConnectorView>(`/api/v1/connectors/${encodeURIComponent(name)}/check`, { method: 'POST' }));
        process.stdout.write(`${formatConnector(c)}\n`);
        if (!c.checkOk) throw new FailedError(`connector ${name}: ${c.checkResult}`);
      }),
    );
  conn
    .command('kinds')
    .description('connector kinds and their operations')
    .option('--json', 'the manifests as JSON')
    .action(
      action(async (o: { json?: boolean }) => {
        type Kind = { kind: string; title: string; secrets: string[]; optionalSecrets?: string[]; operations: Array<{ name: string; title: string; reversible: boolean; approval: string }> };
        const r = await withClient(() => ctx.client(), (api) => api.json<{ items: Kind[] }>('/api/v1/connector-kinds'));
        if (o.json) return printJson(r);
        for (const k of r.items) {
          process.stdout.write(`${k.kind}\t${k.title}\tsecrets: ${k.secrets.join(', ') || 'none'}${k.optionalSecrets?.length ? ` (optional: ${k.optionalSecrets.join(', ')})` : ''}\n`);
          for (const op of k.operations) process.stdout.write(`  ${op.name}\t${op.reversible ? 'reversible' : 'IRREVERSIBLE'}\tapproval ${op.approval}\t${op.title}\n`);
        }
      }),
    );

  registerRemediationCommands(program, ctx);
  const act = program.command('action').description('containment actions on real systems: plan, approve, run, verify, undo');
  act
    .command('suggest')
    .description('ready-made plans from the observables and the scan findings; --plan ID plans one on the targets Breachdesk holds')
    .requiredOption('--incident <id>', 'incident id')
    .option('--plan <suggestion>', 'plan this suggestion (its id) as it stands')
    .option('--connector <name>', 'with --plan: the connector (needed when several of its kind are configured)')
    .option('--param <name=value>', 'with --plan: an operation parameter (repeatable)', collect, [])
    .option('--json', 'JSON output')
    .action(
      action(async (o: { incident: string; plan?: string; connector?: string; param: string[]; json?: boolean }) => {
        const base = `/api/v1/incidents/${encodeURIComponent(o.incident)}/action-suggestions`;
        if (o.plan) {
          const body = { ...(o.connector ? { connector: o.connector } : {}), params: pairs(o.param, '--param') };
          return printBulk(await withClient(() => ctx.client(), (api) => api.json<{ bulkId: string; items: Action[] }>(`${base}/${encodeURIComponent(o.plan!)}/plan`, { method: 'POST', body })), o.json);
        }
        const r = await withClient(() => ctx.client(), (api) => api.json<{ items: Suggestion[] }>(base));
        if (o.json) return printJson(r);
        for (const s of r.items) {
          process.stdout.write(`${s.id}\t${s.title}\t${s.connectorKind} ${s.operation}\tconnectors: ${s.connectors.join(', ') || 'none configured'}\n`);
          if (s.targets.length) process.stdout.write(`    targets: ${s.targets.join(', ')}\n`);
          else if (s.maskedTargets.length) process.stdout.write(`    ready: ${s.maskedTargets.join(', ')}${s.ready > s.maskedTargets.length ? ` (+${s.ready - s.maskedTargets.length})` : ''}\n`);
          else if (s.samples.length) process.stdout.write(`    samples: ${s.samples.join(', ')}\n`);
        }
      }),
    );
  act
    .command('plan')
    .description('plan an operation on one or many targets (captures the pre-state and a dry run)')
    .requiredOption('--incident <id>', 'incident id')
    .requiredOption('--connector <name>', 'connector name or id')
    .requiredOption('--operation <name>', 'operation (see `connector kinds`)')
    .option('--target <target>', 'a target (repeatable, or comma-separated)', collect, [])
    .option('--targets-file <file>', 'targets, one per line')
    .option('--param <name=value>', 'an operation parameter (repeatable)', collect, [])
    .option('--link <type:id>', 'link to a task, observable, finding or remediation (repeatable)', collect, [])
    .option('--json', 'JSON output')
    .action(
      action(async (o: { incident: string; connector: string; operation: string; target: string[]; targetsFile?: string; param: string[]; link: string[]; json?: boolean }) => {
        const targets = [...o.target];
        if (o.targetsFile) targets.push(...readInputFile(o.targetsFile).split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
        if (!targets.length) throw new BadInputError('give at least one --target or --targets-file');
        const links = o.link.map((l) => {
          const [type, ...id] = l.split(':');
          return { type, id: id.join(':') };
        });
        const body = { connector: o.connector, operation: o.operation, targets, params: pairs(o.param, '--param'), links };
        printBulk(await withClient(() => ctx.client(), (api) => api.json<{ bulkId: string; items: Action[] }>(`/api/v1/incidents/${encodeURIComponent(o.incident)}/actions`, { method: 'POST', body })), o.json);
      }),
    );
  for (const [step, what] of [
    ['approve', 'approve planned actions (where two people are required, not by their requester)'],
    ['run', 'run approved actions (as jobs on the server or a worker)'],
    ['verify', 'read the targets back'],
    ['undo', 'restore the saved pre-state'],
  ] as const) {
    const cmd = act
      .command(`${step} [ids...]`)
      .description(what)
      .requiredOption('--incident <id>', 'incident id')
      .option('--bulk <id>', 'every action of a bulk')
      .option('--json', 'JSON output');
    if (step === 'run') cmd.option('--wait', 'wait until every action has finished, then print the outcome');
    cmd.action(
      action(async (ids: string[], o: { incident: string; bulk?: string; json?: boolean; wait?: boolean }) => {
        const path = `/api/v1/incidents/${encodeURIComponent(o.incident)}/actions`;
        await withClient(() => ctx.client(), async (api) => {
          const sel = selection(ids, o);
          const r = await api.json<StepResult>(`${path}/${step}`, { method: 'POST', body: sel });
          if (!o.wait) return printStep(r, o.json);
          const wanted = new Set(r.items.filter((i) => i.ok).map((i) => i.id));
          for (;;) {
            const all = (await api.json<{ items: Action[] }>(path, { query: { bulkId: o.bulk } })).items.filter((a) => wanted.has(a.id));
            if (all.every((a) => TERMINAL.has(a.state))) {
              const step: StepResult = { items: [...r.items.filter((i) => !i.ok), ...all.map((a) => ({ id: a.id, target: a.target, ok: a.state !== 'failed', state: a.state, detail: a.error ?? a.result }))] };
              return printStep(step, o.json);
            }
            await new Promise((res) => setTimeout(res, 250));
          }
        });
      }),
    );
  }
  act
    .command('list')
    .description("the incident's actions, their state and what undo would restore")
    .requiredOption('--incident <id>', 'incident id')
    .option('--bulk <id>', 'only this bulk')
    .option('--json', 'JSON output')
    .action(
      action(async (o: { incident: string; bulk?: string; json?: boolean }) => {
        const r = await withClient(() => ctx.client(), (api) => api.json<{ items: Action[] }>(`/api/v1/incidents/${encodeURIComponent(o.incident)}/actions`, { query: { bulkId: o.bulk } }));
        if (o.json) return printJson(r);
        for (const a of r.items) process.stdout.write(`${formatAction(a)}${a.undoPreview && a.reversible ? `\n    undo restores: ${a.undoPreview}` : ''}\n`);
      }),
    );
}
