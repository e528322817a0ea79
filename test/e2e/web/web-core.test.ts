/** The UI's pure cores (no browser): formatting, redirects, task state, ENISA score, API type generation. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { peopleTotal } from '../../../web/src/api/people-total.js';
import { safeNext } from '../../../web/src/auth/next-path.js';
import { enisaScore } from '../../../web/src/components/enisa.js';
import { formatBytes, formatDuration, fromLocalInput, humanize, toLocalInput } from '../../../web/src/components/format.js';
import { isOverdue, phaseProgress } from '../../../web/src/components/incident/task-state.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('web cores', () => {
  it('formats durations by their two largest units, bytes in binary units, ids as words', () => {
    expect(formatDuration(3 * 86400_000 + 4 * 3600_000 + 59_000)).toBe('3d 4h');
    expect(formatDuration(-(5 * 3600_000 + 12 * 60_000))).toBe('5h 12m');
    expect(formatDuration(42 * 60_000 + 10_000)).toBe('42m 10s');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5 * 1024 + 300)).toBe('5.3 KiB');
    expect(formatBytes(null)).toBe('—');
    expect(humanize('legal_counsel')).toBe('Legal counsel');
  });

  it('round-trips datetime-local values through UTC', () => {
    const iso = fromLocalInput('2026-11-25T08:30');
    expect(new Date(iso).getTime()).toBe(new Date(2026, 10, 25, 8, 30).getTime());
    expect(toLocalInput(iso)).toBe('2026-11-25T08:30');
  });

  it('only follows same-app paths after sign-in', () => {
    expect(safeNext('/admin/users?x=1')).toBe('/admin/users?x=1');
    for (const bad of [null, '', 'https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '/sign-in?next=/x']) expect(safeNext(bad)).toBe('/incidents');
  });

  it('marks open past-due tasks overdue, never finished ones, and tracks the seven steps', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(isOverdue({ dueAt: '2026-11-26T11:59:00Z', status: 'open' }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-11-26T11:59:00Z', status: 'in_progress' }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-11-26T11:59:00Z', status: 'done' }, now)).toBe(false);
    expect(isOverdue({ dueAt: '2026-11-26T12:01:00Z', status: 'open' }, now)).toBe(false);
    expect(isOverdue({ dueAt: null, status: 'open' }, now)).toBe(false);
    const p = phaseProgress([
      { phase: 'confirm', status: 'done' },
      { phase: 'confirm', status: 'skipped' },
      { phase: 'contain', status: 'in_progress' },
      { phase: 'contain', status: 'open' },
      { phase: 'assess', status: 'open' },
    ]);
    expect(p.map((x) => x.label)).toEqual(['Confirm', 'Contain', 'Assess', 'Notify', 'Secure', 'Learn', 'Engage experts']);
    expect(p.map((x) => x.state)).toEqual(['done', 'active', 'todo', 'todo', 'todo', 'todo', 'todo']);
    expect(p[1]).toMatchObject({ total: 2, finished: 0 });
  });

  it('computes ENISA severity as DPC × EI + CB with the DPC clamped to 1–4', () => {
    const cb = { confidentiality: 0.5 as const, integrity: 0 as const, availability: 0 as const, malicious: true };
    expect(enisaScore({ dpc: { category: 'financial', adjustments: [] }, ei: 1, cb })).toEqual({ dpc: 3, cb: 1, score: 4, band: 'very high' });
    expect(enisaScore({ dpc: { category: 'simple', adjustments: [{ delta: -2, reason: 'public data' }] }, ei: 0.5, cb: { ...cb, malicious: false, confidentiality: 0.25 } })).toEqual({
      dpc: 1,
      cb: 0.25,
      score: 0.75,
      band: 'low',
    });
    expect(enisaScore({ dpc: { category: 'sensitive', adjustments: [{ delta: 2, reason: 'x' }] }, ei: 0.75, cb: { ...cb, confidentiality: 0, malicious: false } }).score).toBe(3);
  });

  it('sums affected people per jurisdiction whatever the count shape', () => {
    expect(peopleTotal({ incidentId: 'i', byJurisdiction: { 'US-CA': 12, DE: 3 } })).toBe(15);
    expect(peopleTotal({ items: [{ individuals: 2 }, { individuals: 5 }] })).toBe(7);
    expect(peopleTotal(null)).toBeNull();
  });

  it('generates TypeScript operation types from an OpenAPI document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bd-gen-'));
    const spec = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/api/v1/things/{id}': {
          patch: {
            parameters: [
              { in: 'path', name: 'id', required: true, schema: { type: 'string' } },
              { in: 'query', name: 'limit', schema: { type: 'integer' } },
            ],
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } } } } },
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      required: ['id', 'state'],
                      properties: { id: { type: 'string' }, state: { enum: ['a', 'b'] }, note: { anyOf: [{ type: 'string' }, { type: 'null' }] }, meta: { type: 'object', additionalProperties: { type: 'number' } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    const r = spawnSync(process.execPath, ['web/scripts/gen-api.mjs', '--file', join(dir, 'spec.json'), '--out', join(dir, 'schema.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const ts = readFileSync(join(dir, 'schema.ts'), 'utf8').replace(/\s+/g, ' ');
    expect(ts).toContain('"/api/v1/things/{id}": { patch: { path: { id: string; }; query: { limit?: number; }; body: { tags?: Array<string>; };');
    expect(ts).toContain('"200": { id: string; state: "a" | "b"; note?: (string | null); meta?: { [key: string]: number; }; };');
  });
});
