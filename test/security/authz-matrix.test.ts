/**
 * The standing authorisation matrix (issue 19 §9) on each dialect, and proof that it fails a route
 * that declares no policy.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects.js';
import { runMatrix } from './authz-matrix.js';
import { startWorld, type World } from './world.js';

for (const dialect of testDialects()) {
  describe(`authorisation matrix on ${dialect}`, () => {
    let world: World;
    beforeAll(async () => {
      world = await startWorld(dialect);
    }, 120_000);
    afterAll(async () => world?.close());

    it('the world is real: members and legal see what outsiders must not', async () => {
      const by = (n: string) => world.principals.find((p) => p.name === n)!.token!;
      const x = world.ids.incident;
      expect((await world.api(`/api/v1/incidents/${x}`, { token: by('resp-member') })).text).toContain('MATRIX-X-TITLE-7F3');
      expect((await world.api(`/api/v1/incidents/${x}/notes`, { token: by('counsel-member') })).text).toContain('PRIV-NOTE-MARKER');
      expect((await world.api(`/api/v1/incidents/${x}/evidence`, { token: by('legal-member') })).text).toContain('PRIV-EVIDENCE-MARKER');
      expect((await world.api(`/api/v1/incidents/${x}/notes`, { token: by('resp-member') })).text).not.toContain('PRIV-NOTE-MARKER');
    });

    it('every route of /api/openapi.json × every principal holds the rules', async () => {
      const r = await runMatrix(world);
      expect(r.problems).toEqual([]);
      expect(r.routes).toBeGreaterThanOrEqual(90);
      expect(r.cells).toBeGreaterThan(r.routes * 11);
    }, 300_000);
  });
}

describe('a route without a policy', () => {
  let world: World;
  beforeAll(async () => {
    const unguarded = async (app: FastifyInstance) => {
      app.get('/api/v1/unguarded-probe', { schema: { summary: 'added without config.policy' } }, async () => ({ ok: true }));
    };
    world = await startWorld('sqlite', [unguarded]);
  }, 120_000);
  afterAll(async () => world?.close());

  it('fails the matrix, naming the route', async () => {
    // The probe route alone: the full matrix of every other route ran above, per dialect.
    const r = await runMatrix(world, (op) => op.path === '/api/v1/unguarded-probe');
    expect(r.routes).toBe(1);
    expect(r.problems).toContain('GET /api/v1/unguarded-probe: declares no access policy (give it config.policy)');
  }, 300_000);
});
