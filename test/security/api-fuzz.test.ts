/**
 * Property-based fuzzing of every API body (issue 19 §9): for each route of /api/openapi.json that
 * takes a JSON body, fast-check sends schema-shaped bodies with hostile strings (NUL, markup, SQL,
 * formula starts, bidi) and values at the limits, and arbitrary JSON of any shape. Every answer is
 * below 500, and every error is an RFC 9457 problem with a one-line detail.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.js';
import { operations } from './authz-matrix.js';
import { arbitraryFor } from './openapi-bodies.js';
import { startWorld, type World } from './world.js';

const RUNS = Number(process.env.BREACHDESK_FUZZ_RUNS ?? 12);

for (const dialect of testDialects()) {
  describe(`API body fuzzing on ${dialect}`, () => {
    let world: World;
    beforeAll(async () => {
      world = await startWorld(dialect);
    }, 120_000);
    afterAll(async () => world?.close());

    it('no body of any shape makes a route answer 5xx or a non-problem error', async () => {
      const admin = world.principals.find((p) => p.name === 'sec-admin')!.token!;
      const ops = (await operations(world)).filter((o) => o.bodyType === 'application/json' && o.method !== 'DELETE');
      expect(ops.length).toBeGreaterThan(30);
      const failures: string[] = [];
      const fixed = { incidentId: world.ids.incident, evidenceIds: [world.ids.evidence], expertId: world.ids.expert };
      for (const op of ops) {
        const url = op.path.replace(/\{id\}/, op.path.startsWith('/api/v1/notices/') ? world.ids.notice! : world.ids.incident!).replace(/\{(\w+)\}/g, (_, n: string) => world.ids[n] ?? world.ids.task!);
        const body = fc.oneof({ weight: 4, arbitrary: arbitraryFor(op.body ?? {}, { hostile: true, fixed }) }, { weight: 1, arbitrary: fc.jsonValue() });
        await fc.assert(
          fc.asyncProperty(body, async (b) => {
            const r = await world.api(url, { method: op.method, token: admin, body: b === undefined ? null : b });
            if (r.status >= 500 || (r.status >= 400 && !/problem\+json/.test(r.headers.get('content-type') ?? ''))) {
              failures.push(`${op.method} ${op.path} ${JSON.stringify(b).slice(0, 160)} → ${r.status} ${r.text.slice(0, 160)}`);
              return false;
            }
            if (r.status >= 400) expect(String(r.body.detail)).not.toMatch(/\n|\bat .+\(.+:\d+:\d+\)/);
            return true;
          }),
          { numRuns: RUNS, seed: 19, endOnFailure: true },
        ).catch(() => {});
      }
      expect(failures).toEqual([]);
    }, 600_000);
  });
}
