/** Drill scenarios are data: one YAML file each under scenarios/, validated on load. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { BadInputError } from '../../platform/errors.js';
import { LEAK_JURISDICTIONS } from './synthetic-leak.js';

// Resolved through src/ so it holds from the sources and from dist/ alike (as the default plan is).
const DIR = fileURLToPath(new URL('../../../src/learn/drills/scenarios/', import.meta.url));
const Duration = z.string().regex(/^\d+[mhd]$/, 'a duration like 45m, 6h or 2d');

const ScenarioSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  summary: z.string().min(1),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  categories: z.array(z.enum(['confidentiality', 'integrity', 'availability'])).min(1),
  leak: z.object({ file: z.string().min(1), jurisdictions: z.array(z.enum(LEAK_JURISDICTIONS as [string, ...string[]])).min(1), rows: z.number().int().min(1).max(100_000) }),
  events: z
    .array(
      z.object({
        after: Duration,
        kind: z.enum(['detection', 'attacker_activity', 'containment', 'communication', 'other']),
        text: z.string().min(1),
        task: z.object({ phase: z.enum(['confirm', 'contain', 'assess', 'notify', 'secure', 'learn']), title: z.string().min(1), due: Duration }).optional(),
      }),
    )
    .min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export function durationMs(d: string): number {
  const n = Number(d.slice(0, -1));
  return n * { m: 60_000, h: 3_600_000, d: 86_400_000 }[d.slice(-1) as 'm' | 'h' | 'd'];
}

let cache: Map<string, Scenario> | null = null;

export function loadScenarios(): Map<string, Scenario> {
  if (cache) return cache;
  const out = new Map<string, Scenario>();
  for (const f of readdirSync(DIR).filter((x) => x.endsWith('.yaml')).sort()) {
    const r = ScenarioSchema.safeParse(parse(readFileSync(DIR + f, 'utf8')));
    if (!r.success) throw new Error(`drill scenario ${f}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
    out.set(r.data.name, r.data);
  }
  cache = out;
  return out;
}

export function scenario(name: string): Scenario {
  const s = loadScenarios().get(name);
  if (!s) throw new BadInputError(`scenario: no drill scenario "${name}" (known: ${[...loadScenarios().keys()].join(', ')})`);
  return s;
}
