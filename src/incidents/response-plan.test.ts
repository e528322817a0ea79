import { describe, expect, it } from 'vitest';
import { BadInputError } from '../platform/errors.js';
import { PHASES } from './incidents.schema.js';
import { computeDue, loadDefaultPlanYaml, parseOffset, parsePlan, seedTasks } from './response-plan.js';

describe('response plan', () => {
  it('ships a default plan with the seven steps, each with tasks, owners and checklists', () => {
    const plan = parsePlan(loadDefaultPlanYaml());
    expect(plan.phases.map((p) => p.id)).toEqual([...PHASES]);
    for (const p of plan.phases) {
      expect(p.tasks.length, p.id).toBeGreaterThan(0);
      for (const t of p.tasks) {
        expect(t.owner, t.key).toBeTruthy();
        expect(t.checklist.length, t.key).toBeGreaterThan(0);
      }
    }
  });

  it('parses offsets in minutes, hours, days and weeks, before or after the anchor', () => {
    expect(parseOffset('30m')).toBe(30);
    expect(parseOffset('72h')).toBe(72 * 60);
    expect(parseOffset('3d')).toBe(3 * 24 * 60);
    expect(parseOffset('2w')).toBe(14 * 24 * 60);
    expect(parseOffset('-2h')).toBe(-120);
    expect(() => parseOffset('soon')).toThrow(/30m, 4h/);
  });

  it('computes due times from anchors; detectedAt falls back to awareAt; missing anchors leave tasks undated', () => {
    const anchors = { awareAt: '2026-01-01T10:00:00.000Z', detectedAt: null, containedAt: null, closedAt: null };
    expect(computeDue(anchors, 'awareAt', 90)).toBe('2026-01-01T11:30:00.000Z');
    expect(computeDue(anchors, 'detectedAt', -60)).toBe('2026-01-01T09:00:00.000Z');
    expect(computeDue(anchors, 'containedAt', 60)).toBeNull();
    expect(computeDue(anchors, null, null)).toBeNull();
  });

  it('seeds tasks in plan order with positions and open checklists', () => {
    const plan = parsePlan(loadDefaultPlanYaml());
    const tasks = seedTasks(plan, { awareAt: '2026-01-01T00:00:00.000Z', detectedAt: null, containedAt: '2026-01-02T00:00:00.000Z', closedAt: null });
    expect(tasks.map((t) => t.position)).toEqual(tasks.map((_, i) => i + 1));
    expect(tasks.every((t) => t.checklist.every((c) => c.done === false))).toBe(true);
    const pm = tasks.find((t) => t.key === 'learn-postmortem')!;
    expect(pm.dueAt).toBe(new Date(Date.parse('2026-01-02T00:00:00.000Z') + pm.offsetMinutes! * 60_000).toISOString());
  });

  it('names the line of a YAML syntax error and the field of a schema error', () => {
    expect(() => parsePlan('name: x\nphases:\n  - id: [confirm\n', 'p.yaml')).toThrow(/p\.yaml: line \d/);
    const dup = 'name: x\nphases:\n  - id: confirm\n    title: A\n  - id: confirm\n    title: B\n';
    expect(() => parsePlan(dup)).toThrow(/phases\.1\.id: phase confirm appears twice/);
    expect(() => parsePlan('name: x\nphases:\n  - id: party\n    title: A\n')).toThrow(BadInputError);
    const owner = 'name: x\nphases:\n  - id: confirm\n    title: A\n    tasks:\n      - key: a\n        title: T\n        owner: boss\n';
    expect(() => parsePlan(owner)).toThrow(/phases\.0\.tasks\.0\.owner/);
  });
});
