/** `breachdesk plan …` and `breachdesk task …`: the response plan and the tasks of an incident. */
import type { Command } from 'commander';
import { readInputFile } from '../platform/cli-input-files.js';
import { action, collect, printJson } from '../platform/cli-support.js';
import { BadInputError } from '../platform/errors.js';
import type { Task } from './incidents.schema.js';
import { enc, listAll, moreHint, out, type Run, taskLine } from './incidents.cli-support.js';

export function registerPlanTaskCommands(program: Command, run: Run): void {
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
        const yaml = readInputFile(file);
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

}
