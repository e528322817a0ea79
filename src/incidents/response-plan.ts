/**
 * Response plans (pure): the YAML format, its validation, and seeding an incident's tasks
 * with due times computed from the incident's anchors. The default plan ships as a readable
 * YAML file; an organisation's edited plan is stored (versioned) by the service.
 */
import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { BadInputError } from '../platform/errors.js';
import { INCIDENT_ROLES } from './incident-access.js';
import { PHASES, type Phase } from './incidents.schema.js';

export const ANCHORS = ['awareAt', 'detectedAt', 'containedAt', 'closedAt'] as const;
export type Anchor = (typeof ANCHORS)[number];

const OFFSET_RE = /^(-)?(\d{1,5})([mhdw])$/;
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };

/** "72h" → 4320; "-30m" → -30. */
export function parseOffset(s: string): number {
  const m = OFFSET_RE.exec(s.trim());
  if (!m) throw new Error(`offset "${s}" must look like 30m, 4h, 3d or 2w`);
  return (m[1] ? -1 : 1) * Number(m[2]) * UNIT_MINUTES[m[3]!]!;
}

const TaskDef = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and -'),
  title: z.string().min(1).max(500),
  owner: z.enum(INCIDENT_ROLES).optional(),
  due: z
    .object({
      anchor: z.enum(ANCHORS),
      offset: z.string().refine((s) => OFFSET_RE.test(s.trim()), 'must look like 30m, 4h, 3d or 2w'),
    })
    .optional(),
  checklist: z.array(z.string().min(1).max(500)).default([]),
});

const PhaseDef = z.object({
  id: z.enum(PHASES),
  title: z.string().min(1),
  description: z.string().optional(),
  tasks: z.array(TaskDef).default([]),
});

export const PlanSchema = z
  .object({ name: z.string().min(1).max(200), phases: z.array(PhaseDef).min(1) })
  .superRefine((plan, ctx) => {
    const seenPhases = new Set<string>();
    const seenKeys = new Set<string>();
    plan.phases.forEach((p, i) => {
      if (seenPhases.has(p.id)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'id'], message: `phase ${p.id} appears twice` });
      seenPhases.add(p.id);
      p.tasks.forEach((t, j) => {
        if (seenKeys.has(t.key)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'tasks', j, 'key'], message: `task key ${t.key} appears twice` });
        seenKeys.add(t.key);
      });
    });
  });
export type Plan = z.infer<typeof PlanSchema>;

/** Parses and validates plan YAML; errors name the line or the field at fault. */
export function parsePlan(yamlText: string, source = 'plan'): Plan {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (e) {
    if (e instanceof YAMLParseError) throw new BadInputError(`${source}: line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`);
    throw e;
  }
  const r = PlanSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new BadInputError(`${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

/**
 * The shipped default plan. Resolved relative to this module so it is found from both
 * `src/incidents/` and `dist/incidents/` (the build copies only .ts output into dist).
 */
export function loadDefaultPlanYaml(): string {
  return readFileSync(new URL('../../src/incidents/plans/default-plan.yaml', import.meta.url), 'utf8');
}

export type Anchors = Record<Anchor, string | null>;

/** Due time = anchor + offset; detectedAt falls back to awareAt; other missing anchors leave the task undated. */
export function computeDue(anchors: Anchors, anchor: Anchor | null, offsetMinutes: number | null): string | null {
  if (!anchor || offsetMinutes === null) return null;
  const base = anchors[anchor] ?? (anchor === 'detectedAt' ? anchors.awareAt : null);
  if (!base) return null;
  return new Date(Date.parse(base) + offsetMinutes * 60_000).toISOString();
}

export interface SeedTask {
  position: number;
  phase: Phase;
  key: string;
  title: string;
  ownerRole: string | null;
  anchor: Anchor | null;
  offsetMinutes: number | null;
  dueAt: string | null;
  checklist: { text: string; done: boolean }[];
}

/** The tasks an incident starts with, in plan order. */
export function seedTasks(plan: Plan, anchors: Anchors): SeedTask[] {
  const out: SeedTask[] = [];
  for (const phase of plan.phases) {
    for (const t of phase.tasks) {
      const offsetMinutes = t.due ? parseOffset(t.due.offset) : null;
      const anchor = t.due?.anchor ?? null;
      out.push({
        position: out.length + 1,
        phase: phase.id,
        key: t.key,
        title: t.title,
        ownerRole: t.owner ?? null,
        anchor,
        offsetMinutes,
        dueAt: computeDue(anchors, anchor, offsetMinutes),
        checklist: t.checklist.map((text) => ({ text, done: false })),
      });
    }
  }
  return out;
}
