import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Json, pick } from './alert.js';

/** pick as it was before its paths were split once (bench/README.md, sqlite15): the reference. */
function pickBySplitting(o: unknown, path: string): Json | undefined {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  const obj = o as { [k: string]: Json };
  if (path in obj) return obj[path];
  const parts = path.split('.');
  const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  for (let i = 1; i <= parts.length; i++) {
    const head = parts.slice(0, i).join('.');
    const key = head in obj ? head : pascal(head) in obj ? pascal(head) : null;
    if (key === null) continue;
    if (i === parts.length) return obj[key];
    const r = pickBySplitting(obj[key], parts.slice(i).join('.'));
    if (r !== undefined) return r;
  }
  return undefined;
}

// Keys that collide on purpose: nested, flattened with dots, PascalCase copies.
const SEGMENTS = ['a', 'b', 'A', 'B', 'rule', 'Rule', 'name'];
const key = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const doc = fc.letrec<{ node: Json }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom<Json>(1, 'x', null, true), fc.dictionary(key, tie('node'), { maxKeys: 5 }), fc.array(tie('node'), { maxLength: 2 })),
})).node;
const path = fc.array(fc.constantFrom('a', 'b', 'rule', 'name', 'A'), { minLength: 1, maxLength: 4 }).map((p) => p.join('.'));

describe('pick', () => {
  it('answers what splitting the path on every call answered, nested, flattened or PascalCase, on the same path twice', () => {
    fc.assert(
      fc.property(doc, path, (o, p) => {
        expect(pick(o, p)).toEqual(pickBySplitting(o, p));
        expect(pick(o, p)).toEqual(pickBySplitting(o, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads mixed shapes: {"kibana.alert": {rule: …}}, {Kibana: {alert: …}}, a flattened key first', () => {
    expect(pick({ 'kibana.alert': { rule: { name: 'r' } } }, 'kibana.alert.rule.name')).toBe('r');
    expect(pick({ Service: { Action: 'x' } }, 'service.action')).toBe('x');
    expect(pick({ Service: { action: 'x' } }, 'service.action')).toBe('x');
    expect(pick({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(pick({ a: { b: undefined as unknown as Json }, 'a.b': 3 }, 'a.b')).toBe(3);
  });
});
